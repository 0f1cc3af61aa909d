using System.Buffers;

namespace SpeechArchive.Search;

/// <summary>
/// A one-clause strict query widened by thesaurus terms (加强 → 强化、增强), ranked when collected rather than up front.
/// Every passage holding the word as typed ranks above every passage found only through a term (<see cref="Ranker"/>'s
/// <c>KeepExactAbove</c>), so when at least k passages hold the typed word, the top k is theirs: it is found from the typed
/// word's postings block-max (<see cref="PostingBlocks"/>), then the passages that also hold a term, each scored in full
/// only where the bounds of the blocks it lies in reach the threshold; the terms' own passages are counted, never scored.
/// Otherwise the clause is scored whole (<see cref="Scored"/>), exactly as the general pass scores it.
/// </summary>
internal sealed class ExpandedClause
{
    private readonly IndexSnapshot index;
    private readonly WordMatch[] alternatives;
    private readonly Func<ScoredDocs> scoreWhole;
    private ScoredDocs? scored;
    private int[]? docs;
    private int[]? termsOnly;

    /// <param name="index">The snapshot searched.</param>
    /// <param name="alternatives">The clause's words in its order, the word as typed first, then its terms.</param>
    /// <param name="scoreWhole">The general pass: every passage of the clause scored, expansions kept below the exact matches.</param>
    public ExpandedClause(IndexSnapshot index, WordMatch[] alternatives, Func<ScoredDocs> scoreWhole)
    {
        this.index = index;
        this.alternatives = alternatives;
        this.scoreWhole = scoreWhole;
    }

    /// <summary>Every passage of the clause with its final score (the general pass, made once when asked for).</summary>
    public ScoredDocs Scored => scored ??= scoreWhole();

    /// <summary>Every passage holding the word or one of its terms, sorted (scored only if <see cref="Scored"/> was made).</summary>
    public int[] Docs => docs ??= scored?.Docs ?? PostingsMath.Union([.. alternatives.Select(a => a.Docs)]);

    /// <summary>The passages holding the word as typed, sorted.</summary>
    public int[] Typed => alternatives[0].Docs;

    /// <summary>The passages holding a term but not the word as typed, sorted: with <see cref="Typed"/>, every passage of the clause once.</summary>
    public int[] TermsOnly => termsOnly ??= PostingsMath.Except(PostingsMath.Union([.. alternatives.Skip(1).Select(a => a.Docs)]), Typed);

    /// <summary>How many passages the clause has (<see cref="Typed"/> and <see cref="TermsOnly"/>, without joining them).</summary>
    public int Count => Typed.Length + TermsOnly.Length;

    /// <summary>Whether passage <paramref name="doc"/> holds the word or one of its terms (is one of <see cref="Docs"/>, without joining them).</summary>
    public bool Holds(int doc) => alternatives.Any(a => Array.BinarySearch(a.Docs, doc) >= 0);

    /// <summary>
    /// Scores passages of the clause as the general pass (<see cref="Scored"/>) scores them, its words' scorers made once, when
    /// first needed, for all the passages asked about (<see cref="PassageScorer.Score"/>); dispose it to return their buffers.
    /// </summary>
    public PassageScorer Scorer() => new(this);

    /// <summary>Scores passages of an <see cref="ExpandedClause"/> with one scorer per word, each made when first needed.</summary>
    internal sealed class PassageScorer(ExpandedClause clause) : IDisposable
    {
        private readonly WordScorer?[] scorers = new WordScorer?[clause.alternatives.Length];
        private Bm25? bm25;

        /// <summary>
        /// The score the general pass gives passage <paramref name="doc"/>, one of the clause's: for one holding the word as
        /// typed, its words' scores added in the clause's order, as <see cref="OfferExact"/> and the general pass add them; for
        /// one found only through a term, read from the clause scored whole (the terms' scores are lowered below the typed
        /// word's lowest, which only the whole can say; it is made once for the clause).
        /// </summary>
        public double Score(int doc)
        {
            var alternatives = clause.alternatives;
            var at = Array.BinarySearch(clause.Typed, doc);
            if (clause.scored is not null || at < 0)
            {
                var whole = clause.Scored;
                return whole.Scores[Array.BinarySearch(whole.Docs, doc)];
            }

            var score = Of(0).Score(doc, alternatives[0].Frequency(at));
            for (var a = 1; a < alternatives.Length; a++)
            {
                if (Array.BinarySearch(alternatives[a].Docs, doc) is var p and >= 0)
                {
                    score += Of(a).Score(doc, alternatives[a].Frequency(p));
                }
            }

            return score;
        }

        public void Dispose()
        {
            foreach (var scorer in scorers)
            {
                scorer?.Dispose();
            }
        }

        private WordScorer Of(int a) => scorers[a] ??= (bm25 ??= new Bm25(clause.index)).Scorer(clause.alternatives[a]);
    }

    /// <summary>What the clause's counts are kept under in <see cref="BroadCounts"/>: its forms in order (no word's form holds a control character).</summary>
    public string CountKey => "\u0001" + string.Join('\u0001', alternatives.Select(a => a.Word.MatchForm));

    /// <summary>
    /// Offers <paramref name="top"/> the passages holding the word as typed that can enter it (those passing
    /// <paramref name="filters"/>), with the scores the general pass gives them; true when it is then full, so that no
    /// passage found only through a term can enter it. False: the caller must rank the clause whole.
    /// </summary>
    public bool OfferExact(TopK top, FilterColumns? filters, int[] dates)
    {
        var typed = alternatives[0];
        if (typed.HeadingCoverage is not null)
        {
            return false; // a heading hit may hold the word with no occurrence of it: not worth the bounds
        }

        var bm25 = new Bm25(index);
        var scorers = new WordScorer[alternatives.Length];
        var also = ArrayPool<bool>.Shared.Rent(typed.Docs.Length);
        try
        {
            for (var a = 0; a < alternatives.Length; a++)
            {
                scorers[a] = bm25.Scorer(alternatives[a]);
            }

            var held = MarkHeldWithTerms(also);
            var blocks = typed.TermFrequencies is { } tfs ? PostingBlocks.Of(typed.Docs, tfs, SearchStructures.Of(index).Rows) : null;
            if (blocks is not null)
            {
                blocks.Offer(typed, scorers[0], top, dates, filters, also);
            }
            else
            {
                var threshold = top.Threshold;
                for (var i = 0; i < typed.Docs.Length; i++)
                {
                    var doc = typed.Docs[i];
                    if (!also[i] && (filters is null || filters.Failures(doc) == 0) && scorers[0].Score(doc, typed.Frequency(i)) is var score && score >= threshold)
                    {
                        top.Offer(doc, score, dates[doc]);
                        threshold = top.Threshold;
                    }
                }
            }

            if (held > 0)
            {
                OfferHeldWithTerms(top, scorers, blocks?.Bounds(scorers[0]), also, filters, dates);
            }

            return top.IsFull;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(also);
            foreach (var scorer in scorers)
            {
                scorer?.Dispose();
            }
        }
    }

    /// <summary>Marks in <paramref name="also"/> (by position in the typed word's postings) the passages that hold a term too; returns how many.</summary>
    private int MarkHeldWithTerms(bool[] also)
    {
        var typed = alternatives[0].Docs;
        Array.Clear(also, 0, typed.Length);
        var count = 0;
        for (var a = 1; a < alternatives.Length; a++)
        {
            var at = 0;
            foreach (var doc in alternatives[a].Docs)
            {
                if ((at = PostingsMath.Gallop(typed, at, doc)) >= typed.Length)
                {
                    break;
                }

                if (typed[at] == doc && !also[at])
                {
                    also[at] = true;
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Offers the passages marked in <paramref name="also"/> with the sum over the words they hold, added in the clause's
    /// order as the general pass adds them; a passage whose blocks' bounds (<paramref name="typedBounds"/> and each term's)
    /// sum below the threshold is not scored.
    /// </summary>
    private void OfferHeldWithTerms(TopK top, WordScorer[] scorers, double[]? typedBounds, bool[] also, FilterColumns? filters, int[] dates)
    {
        var rows = SearchStructures.Of(index).Rows;
        var termBounds = new double[]?[alternatives.Length];
        for (var a = 1; a < alternatives.Length && typedBounds is not null; a++)
        {
            termBounds[a] = alternatives[a].TermFrequencies is { } tfs ? PostingBlocks.Of(alternatives[a].Docs, tfs, rows).Bounds(scorers[a]) : null;
        }

        var typed = alternatives[0].Docs;
        var positions = new int[alternatives.Length];
        var threshold = top.Threshold;
        for (var i = 0; i < typed.Length; i++)
        {
            var doc = typed[i];
            if (!also[i] || (filters is not null && filters.Failures(doc) != 0))
            {
                continue;
            }

            var bound = typedBounds is null ? double.PositiveInfinity : typedBounds[i / PostingBlocks.Size];
            for (var a = 1; a < alternatives.Length; a++)
            {
                var termDocs = alternatives[a].Docs;
                var p = positions[a] = PostingsMath.Gallop(termDocs, positions[a], doc);
                if (p < termDocs.Length && termDocs[p] == doc)
                {
                    bound += termBounds[a] is { } b ? b[p / PostingBlocks.Size] : double.PositiveInfinity;
                }
            }

            if (bound < threshold)
            {
                continue;
            }

            var score = scorers[0].Score(doc, alternatives[0].Frequency(i));
            for (var a = 1; a < alternatives.Length; a++)
            {
                var p = positions[a];
                if (p < alternatives[a].Docs.Length && alternatives[a].Docs[p] == doc)
                {
                    score += scorers[a].Score(doc, alternatives[a].Frequency(p));
                }
            }

            top.Offer(doc, score, dates[doc]);
            threshold = top.Threshold;
        }
    }
}
