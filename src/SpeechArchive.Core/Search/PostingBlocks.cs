using System.Runtime.CompilerServices;

namespace SpeechArchive.Search;

/// <summary>
/// A term's postings cut into blocks of <see cref="Size"/>, each with what bounds its passages' BM25 (block-max, as Lucene
/// keeps with its skip data): the largest frequency part tf·(k1 + 1)/(tf + norm), and the speeches and sections its
/// passages lie in (for the title and heading boosts). A top k scores only the blocks whose bound reaches its threshold;
/// what it skips could not have entered. Made once per decoded postings list and kept with it.
/// </summary>
internal sealed class PostingBlocks
{
    /// <summary>Postings per block.</summary>
    public const int Size = 128;

    private static readonly ConditionalWeakTable<int[], PostingBlocks> Table = [];

    private readonly double[] tfParts;
    private readonly (int Min, int Max)[] speeches;
    private readonly (int Min, int Max)[] sections;

    private PostingBlocks(int[] docs, byte[] tfs, PassageRow[] rows)
    {
        var count = (docs.Length + Size - 1) / Size;
        tfParts = new double[count];
        speeches = new (int, int)[count];
        sections = new (int, int)[count];
        for (var b = 0; b < count; b++)
        {
            var (max, speech, section) = (0.0, (Min: int.MaxValue, Max: -1), (Min: int.MaxValue, Max: -1));
            for (var i = b * Size; i < Math.Min(docs.Length, (b + 1) * Size); i++)
            {
                ref readonly var row = ref rows[docs[i]];
                double tf = tfs[i];
                max = Math.Max(max, tf * (Bm25.K1 + 1) / (tf + row.Norm));
                speech = (Math.Min(speech.Min, row.Speech), Math.Max(speech.Max, row.Speech));
                if (row.Section >= 0)
                {
                    section = (Math.Min(section.Min, row.Section), Math.Max(section.Max, row.Section));
                }
            }

            (tfParts[b], speeches[b], sections[b]) = (max, speech, section);
        }
    }

    /// <summary>How many blocks there are.</summary>
    public int Count => tfParts.Length;

    /// <summary>The blocks of a term's postings (<paramref name="docs"/> as decoded, its frequencies <paramref name="tfs"/>).</summary>
    public static PostingBlocks Of(int[] docs, byte[] tfs, PassageRow[] rows) => Table.GetValue(docs, d => new PostingBlocks(d, tfs, rows));

    /// <summary>Each block's bound on <paramref name="scorer"/>'s score of its passages (<see cref="WordScorer.Bound"/>).</summary>
    public double[] Bounds(WordScorer scorer)
    {
        var bounds = new double[tfParts.Length];
        for (var b = 0; b < bounds.Length; b++)
        {
            bounds[b] = scorer.Bound(tfParts[b], speeches[b], sections[b]);
        }

        return bounds;
    }

    /// <summary>
    /// Offers <paramref name="top"/> every passage of <paramref name="match"/> (a term's own postings) that can enter it,
    /// scored by <paramref name="scorer"/>: a block whose bound is below the threshold is passed over unscored. The same
    /// top k as offering every passage (every passage that passes <paramref name="filters"/>, but those marked in
    /// <paramref name="offered"/> by position, which the caller offered itself); returns how many blocks were scored.
    /// </summary>
    public int Offer(WordMatch match, WordScorer scorer, TopK top, int[] dates, FilterColumns? filters = null, bool[]? offered = null)
    {
        var (docs, tfs) = (match.Docs, match.TermFrequencies!);
        var threshold = top.Threshold;
        var scored = 0;
        for (var b = 0; b < tfParts.Length; b++)
        {
            if (scorer.Bound(tfParts[b], speeches[b], sections[b]) < threshold)
            {
                continue;
            }

            scored++;
            for (var i = b * Size; i < Math.Min(docs.Length, (b + 1) * Size); i++)
            {
                if ((filters is not null && filters.Failures(docs[i]) != 0) || (offered is not null && offered[i]))
                {
                    continue;
                }

                var score = scorer.Score(docs[i], tfs[i]);
                if (score >= threshold)
                {
                    top.Offer(docs[i], score, dates[docs[i]]);
                    threshold = top.Threshold;
                }
            }
        }

        return scored;
    }
}
