import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The peer baseline of eval-topical and recall-eval: plain BM25 (k1 1.2, b 0.75) over the words of Lucene's
 * SmartChineseAnalyzer (an HMM segmenter with its own dictionary, as Elasticsearch's smartcn plugin uses), the query's
 * words ORed, as Elasticsearch's match query does. Arguments: passages TSV (id, text; \t \n \\ escaped), queries (one a
 * line), output (one line a query: the ids of its top k, tab-separated), k.
 */
public class SmartcnBm25 {
  public static void main(String[] args) throws Exception {
    Analyzer analyzer = new SmartChineseAnalyzer();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()).setRAMBufferSizeMB(256);
    long started = System.nanoTime();
    int count = 0;
    try (IndexWriter writer = new IndexWriter(dir, config);
         BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        int tab = line.indexOf('\t');
        Document doc = new Document();
        doc.add(new StoredField("id", line.substring(0, tab)));
        doc.add(new TextField("text", unescape(line.substring(tab + 1)), Field.Store.NO));
        writer.addDocument(doc);
        count++;
      }
    }

    System.err.printf("smartcn: %d passages indexed in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    int k = Integer.parseInt(args[3]);
    try (DirectoryReader reader = DirectoryReader.open(dir);
         PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      for (String query : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        try (TokenStream ts = analyzer.tokenStream("text", query)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            builder.add(new TermQuery(new Term("text", term.toString())), BooleanClause.Occur.SHOULD);
          }
          ts.end();
        }

        StringJoiner ids = new StringJoiner("\t");
        for (ScoreDoc hit : searcher.search(builder.build(), k).scoreDocs) {
          ids.add(searcher.doc(hit.doc).get("id"));
        }
        out.println(ids);
      }
    }
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
