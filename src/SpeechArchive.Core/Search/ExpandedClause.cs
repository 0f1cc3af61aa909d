using System.Buffers;

namespace SpeechArchive.Search;

/// <summary>
/// A one-clause strict query widened by thesaurus terms (加强 → 强化、增强), ranked when collected rather than up front.
/// Every passage holding the word as typed ranks above every passage found only through a term (<see cref="Ranker"/>'s
/// <c>KeepExactAbove</c>), so when at least k passages hold the typed word, the top k is theirs: it is found from the typed
/// word's postings block-max (<see cref="PostingBlocks"/>), the passages that also hold a term scored in full first, and
/// the terms' own passages are never scored. Otherwise, and for the totals' passages (<see cref="Docs"/>), the clause is
/// scored whole (<see cref="Scored"/>), exactly as the general pass scores it.
/// </summary>
internal sealed class ExpandedClause
{
    private readonly IndexSnapshot index;
    private readonly WordMatch[] alternatives;
    private readonly Func<ScoredDocs> scoreWhole;
    private ScoredDocs? scored;
    private int[]? docs;

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

            Array.Clear(also, 0, typed.Docs.Length);
            OfferHeldWithTerms(top, scorers, also, filters, dates);
            if (typed.TermFrequencies is { } tfs)
            {
                PostingBlocks.Of(typed.Docs, tfs, SearchStructures.Of(index).Rows).Offer(typed, scorers[0], top, dates, filters, also);
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

    /// <summary>
    /// The passages holding the typed word and a term: marked in <paramref name="also"/> (by position in the typed word's
    /// postings) and offered with the sum over the words they hold, added in the clause's order as the general pass adds them.
    /// </summary>
    private void OfferHeldWithTerms(TopK top, WordScorer[] scorers, bool[] also, FilterColumns? filters, int[] dates)
    {
        var typed = alternatives[0].Docs;
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

        if (count == 0)
        {
            return;
        }

        var positions = new int[alternatives.Length];
        for (var i = 0; i < typed.Length; i++)
        {
            var doc = typed[i];
            if (!also[i] || (filters is not null && filters.Failures(doc) != 0))
            {
                continue;
            }

            var score = scorers[0].Score(doc, alternatives[0].Frequency(i));
            for (var a = 1; a < alternatives.Length; a++)
            {
                var termDocs = alternatives[a].Docs;
                var p = positions[a] = PostingsMath.Gallop(termDocs, positions[a], doc);
                if (p < termDocs.Length && termDocs[p] == doc)
                {
                    score += scorers[a].Score(doc, alternatives[a].Frequency(p));
                }
            }

            top.Offer(doc, score, dates[doc]);
        }
    }
}
