using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// "More like this": for a passage, the most similar passages of other speeches — candidates from the postings of its most
/// distinctive bigrams (tf·idf), ranked by the cosine of their bigram tf·idf vectors — with the strings both share.
/// </summary>
public static class SimilarPassages
{
    private const int QueryTerms = 40;
    private const int Candidates = 300;

    /// <summary>
    /// Builds what makes the comparisons cheaper (the passages' vector norms) now, instead of in the background on the first
    /// request; the results are the same either way.
    /// </summary>
    public static void Prepare(IndexSnapshot index)
    {
        ArgumentNullException.ThrowIfNull(index);
        PassageNorms.Prepare(index);
    }

    /// <summary>Null when there is no passage with that id.</summary>
    public static SimilarResult? Find(IndexSnapshot index, string passageId, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(index);
        var clock = Stopwatch.StartNew();
        if (index.FindPassage(passageId) is not int source)
        {
            return null;
        }

        var speech = index.Passages[source].Speech;
        var text = index.Passages[source].MatchText;
        var vector = TermVector.Of(index, text);
        var keys = vector.Weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(QueryTerms).Select(kv => kv.Key).ToList();
        var speechOf = index.PassageSpeech;
        var candidates = BigramCandidates.Top(index, keys, Candidates, 0.1, d => speechOf[d] != speech);
        var scored = new List<(int Doc, double Score)>(candidates.Count);
        var idf = IdfMemo.Begin(index);
        var norms = PassageNorms.TryGet(index);
        foreach (var c in candidates)
        {
            scored.Add((c.Doc, vector.CosineWith(idf, index.Passages[c.Doc].MatchText, norms is null ? double.NaN : norms[c.Doc])));
        }

        var similar = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Doc).Take(Math.Clamp(limit, 0, 100))
            .Select(s => Describe(index, source, s.Doc, s.Score)).ToList();
        return new SimilarResult
        {
            Source = PassageSource.Of(index, source),
            Text = index.PassageText(source),
            Similar = similar,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    private static SimilarPassage Describe(IndexSnapshot index, int source, int doc, double score)
    {
        var shared = SharedStrings.Between(index.Passages[source].MatchText, index.Passages[doc].MatchText, 2);
        var terms = shared.Where(s => s.Length >= 3 || (s.Length == 2 && BigramCandidates.Idf(index, TermKey.Bigram(s[0], s[1])) > 3))
            .OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).Take(12).ToList();
        var p = index.Passages[doc];
        var text = index.Speeches[p.Speech].Text;
        var marks = SnippetBuilder.FindHits(text, p.Start, p.End, shared.Where(s => s.Length >= 4));
        return new SimilarPassage
        {
            Source = PassageSource.Of(index, doc),
            Score = Math.Round(score, 3),
            SharedTerms = terms,
            Snippet = MarkedSnippet.Build(text, p.Start, p.End, marks, 200),
        };
    }
}
