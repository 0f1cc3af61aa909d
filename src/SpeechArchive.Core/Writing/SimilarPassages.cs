using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// "More like this": for a passage, the most similar passages of other speeches — candidates from the postings of its most
/// distinctive bigrams (tf·idf) and the passages nearest it by meaning, ranked by a mix of the cosine of their bigram tf·idf
/// vectors and of their meaning vectors — with the strings both share.
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

    /// <summary>
    /// The share of a candidate's score that is the cosine of the passages' meaning vectors (the rest is the bigram tf·idf
    /// cosine); passages nearest by meaning are candidates too. Chosen by reading (docs/writers.md).
    /// </summary>
    public const double DefaultMeaningWeight = 0.3;

    /// <summary>Candidates nearest the source by meaning, beside those sharing its bigrams.</summary>
    private const int MeaningCandidates = 50;

    /// <summary>
    /// Null when there is no passage with that id. <paramref name="meaningWeight"/>: 0 ranks by shared bigrams alone, 1 by
    /// meaning alone (for comparisons), default <see cref="DefaultMeaningWeight"/>.
    /// </summary>
    public static SimilarResult? Find(IndexSnapshot index, string passageId, int limit = 10, double meaningWeight = DefaultMeaningWeight)
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
        var weight = Math.Clamp(meaningWeight, 0, 1);
        var candidates = weight >= 1 ? [] : BigramCandidates.Top(index, keys, Candidates, 0.1, d => speechOf[d] != speech).Select(c => c.Doc).ToList();
        var vectors = weight > 0 ? index.MeaningVectors : null;
        var meaning = vectors?.VectorOf(source);
        if (vectors is not null && meaning is not null)
        {
            // The nearest of other speeches (a few more are asked for: the source's own speech is often nearest).
            candidates = [.. candidates.Union(vectors.Nearest(meaning, MeaningCandidates * 2).Select(n => n.Passage).Where(d => speechOf[d] != speech).Take(MeaningCandidates))];
        }

        var scored = new List<(int Doc, double Score)>(candidates.Count);
        using var idf = IdfMemo.Begin(index);
        var norms = PassageNorms.TryGet(index);
        foreach (var doc in candidates)
        {
            var words = weight >= 1 ? 0 : vector.CosineWith(idf, index.Passages[doc].MatchText, norms is null ? double.NaN : norms[doc]);
            var near = meaning is null ? 0 : Math.Max(0, vectors!.Similarity(meaning, doc));
            scored.Add((doc, meaning is null ? words : ((1 - weight) * words) + (weight * near)));
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
        var text = p.SourceText;
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
