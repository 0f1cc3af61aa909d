using System.Buffers;

namespace SpeechArchive.Search;

/// <summary>BM25 over passages, each query word or phrase scored as one term, plus boosts when it occurs in the speech title or the section headings.</summary>
internal sealed class Bm25(IndexSnapshot index, bool fieldBoosts = true)
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public const double TitleBoost = 1.5;
    public const double HeadingBoost = 0.75;

    /// <summary>For the first passage under a heading (title) holding the word, times the share of the heading it covers, squared.</summary>
    public const double HeadingHitBoost = 2.5;

    private readonly int n = Math.Max(1, index.Passages.Count);

    public double Idf(int df) => Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));

    /// <summary>The word's score in each passage it matches.</summary>
    public ScoredDocs Score(WordMatch match)
    {
        var docs = match.Docs;
        var scores = new double[docs.Length];
        if (docs.Length == 0)
        {
            return new ScoredDocs(docs, scores);
        }

        using var scorer = Scorer(match);
        for (var i = 0; i < docs.Length; i++)
        {
            scores[i] = scorer.Score(docs[i], match.Frequency(i));
        }

        return new ScoredDocs(docs, scores);
    }

    /// <summary>Scores one word passage by passage; dispose it to return its buffers.</summary>
    public WordScorer Scorer(WordMatch match) => fieldBoosts
        ? new(index, Idf(match.DocFrequency), match.Word.MatchForm, match.HeadingCoverage)
        : new(index, Idf(match.DocFrequency), null, null);
}

/// <summary>
/// BM25 of one word in one passage from precomputed length norms, with the title and heading boosts marked beforehand
/// from the char-pair postings of titles and headings (<see cref="FieldPostings"/>).
/// </summary>
internal sealed class WordScorer : IDisposable
{
    private readonly double idf;
    private readonly PassageRow[] rows;
    private readonly byte[]? titleMarks;
    private readonly byte[]? headingMarks;
    private readonly List<int>? titled;
    private readonly List<int>? headed;
    private readonly Dictionary<int, double>? headingHits;

    /// <summary>A scorer of one word: with <paramref name="form"/>, title and heading boosts for it; null, plain BM25.</summary>
    public WordScorer(IndexSnapshot index, double idf, string? form, Dictionary<int, double>? headingHits = null)
    {
        this.headingHits = headingHits;
        var structures = SearchStructures.Of(index);
        this.idf = idf;
        rows = structures.Rows;
        (titleMarks, titled) = form is null ? (null, null) : Marks(structures.Titles, form);
        (headingMarks, headed) = form is null ? (null, null) : Marks(structures.Headings, form);
    }

    public double Score(int doc, int frequency)
    {
        ref readonly var row = ref rows[doc];
        double tf = frequency;
        var score = idf * (tf * (Bm25.K1 + 1)) / (tf + row.Norm);
        if (headingHits is not null && headingHits.TryGetValue(doc, out var covered))
        {
            score += Bm25.HeadingHitBoost * idf * covered * covered;
        }

        if (titleMarks is not null && titleMarks[row.Speech] != 0)
        {
            score += Bm25.TitleBoost * idf;
        }

        var section = row.Section;
        if (headingMarks is not null && section >= 0 && headingMarks[section] != 0)
        {
            score += Bm25.HeadingBoost * idf;
        }

        return score;
    }

    /// <summary>
    /// At least the <see cref="Score"/> of any passage whose frequency part tf·(k1 + 1)/(tf + norm) is at most
    /// <paramref name="tfPart"/>, of a speech in <paramref name="speeches"/> and a section in <paramref name="sections"/>
    /// (inclusive ranges): what lets a top k skip a block of postings (<see cref="PostingBlocks"/>). With heading hits, +∞.
    /// </summary>
    public double Bound(double tfPart, (int Min, int Max) speeches, (int Min, int Max) sections)
    {
        if (headingHits is not null)
        {
            return double.PositiveInfinity;
        }

        var bound = idf * tfPart;
        if (titled is not null && AnyIn(titled, speeches))
        {
            bound += Bm25.TitleBoost * idf;
        }

        if (headed is not null && AnyIn(headed, sections))
        {
            bound += Bm25.HeadingBoost * idf;
        }

        return bound * (1 + 1e-9); // above the score's own rounding

        static bool AnyIn(List<int> ascending, (int Min, int Max) range)
        {
            var at = ascending.BinarySearch(range.Min);
            at = at < 0 ? ~at : at;
            return at < ascending.Count && ascending[at] <= range.Max;
        }
    }

    public void Dispose()
    {
        if (titleMarks is not null)
        {
            ArrayPool<byte>.Shared.Return(titleMarks);
        }

        if (headingMarks is not null)
        {
            ArrayPool<byte>.Shared.Return(headingMarks);
        }
    }

    /// <summary>A pooled array with 1 for each title (heading) holding the form, and those titles ascending; nulls when none does.</summary>
    private static (byte[]?, List<int>?) Marks(FieldPostings field, string form)
    {
        var matching = field.Matching(form);
        if (matching.Count == 0)
        {
            return (null, null);
        }

        var marks = ArrayPool<byte>.Shared.Rent(Math.Max(1, field.Count));
        Array.Clear(marks, 0, field.Count);
        foreach (var i in matching)
        {
            marks[i] = 1;
        }

        return (marks, matching);
    }
}
