import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.*;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * An export's two analyzers built from the Lucene classes Elasticsearch's filters wrap (pattern_replace, standard,
 * cjk_width, lowercase, stop, cjk_bigram; pattern, dictionary_decompounder, and predicate_token_filter's script as a
 * filter on the position increment), with the settings read from files in the folder given first. Reads one text a line
 * (\n, \t and \\ escaped) and prints its terms as term@start-end, space-separated. Run by ElasticLuceneTests.
 */
public class LuceneAnalysis {
  public static void main(String[] args) throws IOException {
    Path settings = Path.of(args[0]);
    Pattern bridge = Pattern.compile(Files.readString(settings.resolve("bridge.txt")));
    Pattern runs = Pattern.compile(Files.readString(settings.resolve("runs.txt")));
    CharArraySet masks = new CharArraySet(Files.readAllLines(settings.resolve("masks.txt")), true);
    CharArraySet words = new CharArraySet(Files.readAllLines(settings.resolve("words.txt")), false);
    Analyzer bigrams = new Analyzer() {
      @Override protected Reader initReader(String field, Reader reader) { return new PatternReplaceCharFilter(bridge, "", reader); }
      @Override protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new CJKBigramFilter(new StopFilter(new LowerCaseFilter(new CJKWidthFilter(source)), masks), CJKBigramFilter.HAN, false);
        return new TokenStreamComponents(source, s);
      }
    };
    Analyzer wordsOnly = new Analyzer() {
      @Override protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new PatternTokenizer(runs, -1);
        TokenStream s = new FilteringTokenFilter(new DictionaryCompoundWordTokenFilter(source, words, 2, 2, 15, false)) {
          private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
          @Override protected boolean accept() { return increment.getPositionIncrement() == 0; }
        };
        return new TokenStreamComponents(source, s);
      }
    };
    Analyzer analyzer = args[1].equals("words") ? wordsOnly : bigrams;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
    for (String line; (line = in.readLine()) != null; ) {
      StringBuilder terms = new StringBuilder();
      try (TokenStream ts = analyzer.tokenStream("text", unescape(line))) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          terms.append(terms.length() == 0 ? "" : " ").append(term).append('@').append(offset.startOffset()).append('-').append(offset.endOffset());
        }
        ts.end();
      }
      out.println(terms);
    }
    out.flush();
  }

  private static String unescape(String line) {
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        b.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
