namespace SpeechArchive.Search;

/// <summary>
/// The rank stage, all ranking in one place: BM25 per word or phrase with title and heading boosts (<see cref="Bm25"/>),
/// summed over the clauses a passage holds; of several words, passages holding them together rise (proximity); of one
/// phrase, those holding it as written; with thesaurus expansions, exact matches stay above the rest; free text has its
/// own tiers (<c>Ranker.FreeText.cs</c>).
/// </summary>
internal static partial class Ranker
{
    /// <summary>How many of the best strict matches are checked for their words standing together.</summary>
    private const int ProximityDepth = 200;

    /// <summary>
    /// Ranks the passages for <paramref name="query"/>. With <paramref name="exhaustive"/>, never the shortcuts (one word
    /// scored while collecting, joins from the rarest word): the reference the tests hold them to.
    /// </summary>
    public static Ranking Rank(IndexSnapshot index, UnderstoodQuery query, WordMatches matches, bool exhaustive)
    {
        if (query.Request.Mode == SearchMode.Vectors)
        {
            return RankByMeaningAlone(index, query.Query, matches.InText);
        }

        if (query.FreeText is { } free)
        {
            return RankFreeText(index, free, query.Original.Excluded, matches.InText, w => matches.Get(w), matches.Affirmed, query.Understanding!.NearMatches,
                query.Request.Expand ? query.Understanding.Thesaurus : null, byMeaning: query.Request.Expand && query.Request.ByMeaning, exhaustive);
        }

        var parsed = query.Query;
        if (!parsed.HasWords && parsed.Excluded.Count == 0)
        {
            return Ranking.Browse;
        }

        if (!exhaustive && !query.Reranks && parsed.Required is [{ Alternatives: [var word] }] && parsed.Excluded.Count == 0)
        {
            return new Ranking { Single = matches.Get(word) };
        }

        if (!exhaustive && query.PrefersAsWritten && query.Expansions.Count == 0 && parsed.Required is [{ Alternatives: [var phrase] }]
            && parsed.Excluded.Count == 0)
        {
            var match = matches.Get(phrase);
            return new Ranking { Single = match, Raised = RaiseAsWritten(index, match, query.Probe!) };
        }

        if (!exhaustive && query.Expansions.Count > 0 && !query.RewardsProximity && !query.PrefersAsWritten && parsed.Excluded.Count == 0
            && query.Original.Required is [{ Alternatives: [var typed] }] && parsed.Required is [{ Alternatives: var widened }] && widened[0] == typed
            && query.Request is { Sort: SearchSort.Relevance, GroupBySpeech: false })
        {
            var exactDocs = ExactDocs(query.Original, matches);
            var clause = new ExpandedClause(index, [.. widened.Select(w => matches.Get(w))], () =>
            {
                var whole = Score(index, parsed, matches, exhaustive);
                KeepExactAbove(whole, exactDocs);
                return whole;
            });
            return new Ranking { Expanded = clause, ExactDocs = exactDocs };
        }

        var scores = Score(index, parsed, matches, exhaustive);
        if (query.RewardsProximity)
        {
            RewardProximity(index, scores, query.Probe!);
        }

        if (query.PrefersAsWritten)
        {
            PreferAsWritten(index, scores, query.Probe!);
        }

        if (query.Expansions.Count == 0)
        {
            return new Ranking { Scored = scores };
        }

        var exact = ExactDocs(query.Original, matches);
        KeepExactAbove(scores, exact);
        return new Ranking { Scored = scores, ExactDocs = exact };
    }

    /// <summary>BM25 of the passages holding every clause (one of its alternatives) and none of the excluded words.</summary>
    private static ScoredDocs Score(IndexSnapshot index, ParsedQuery query, WordMatches matches, bool exhaustive)
    {
        var bm25 = new Bm25(index);
        ScoredDocs? combined = null;
        if (!exhaustive && query.Required.Count > 1 && query.Required.All(c => c.Alternatives.Count == 1))
        {
            combined = Conjunction(query.Required.Select(c => c.Alternatives[0]).ToList(), bm25, w => matches.Get(w));
            if (combined.Count == 0)
            {
                return combined;
            }
        }

        foreach (var clause in combined is null ? query.Required : [])
        {
            ScoredDocs? alternatives = null;
            foreach (var word in clause.Alternatives)
            {
                var scored = bm25.Score(matches.Get(word));
                alternatives = alternatives is null ? scored : alternatives.Or(scored);
            }

            combined = combined is null ? alternatives! : combined.And(alternatives!);
            if (combined.Count == 0)
            {
                return combined;
            }
        }

        combined ??= new ScoredDocs(Enumerable.Range(0, index.Passages.Count).ToArray(), new double[index.Passages.Count]);
        foreach (var word in query.Excluded)
        {
            combined = combined.Except(matches.Get(word).Docs);
        }

        return combined;
    }

    /// <summary>
    /// Passages holding every one of several words, scored: the rarest word's passages looked up in the others' (galloping),
    /// and only the passages found scored — the sum in the words' order, as clause-by-clause joins add them.
    /// </summary>
    internal static ScoredDocs Conjunction(IReadOnlyList<QueryWord> words, Bm25 bm25, Func<QueryWord, WordMatch> match)
    {
        var found = new WordMatch[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            found[w] = match(words[w]);
            if (found[w].Docs.Length == 0)
            {
                return ScoredDocs.Empty;
            }
        }

        // Two walks: the first counts the passages holding every word, the second fills arrays of that size with them and
        // each word's position in its own list.
        var order = Enumerable.Range(0, words.Count).OrderBy(w => found[w].Docs.Length).ToArray();
        var n = HeldByAll(found, order, null, null);
        var docs = new int[n];
        var positions = new int[n * words.Count];
        HeldByAll(found, order, docs, positions);

        var scores = new double[n];
        for (var w = 0; w < words.Count; w++)
        {
            using var scorer = bm25.Scorer(found[w]);
            for (var i = 0; i < n; i++)
            {
                scores[i] += scorer.Score(docs[i], found[w].Frequency(positions[(i * words.Count) + w]));
            }
        }

        return new ScoredDocs(docs, scores);
    }

    /// <summary>
    /// How many passages every one of <paramref name="found"/> holds: the rarest's (<paramref name="order"/>: rarest first)
    /// looked up in the others; written, when given, into <paramref name="docs"/> with each word's position in its list.
    /// </summary>
    private static int HeldByAll(WordMatch[] found, int[] order, int[]? docs, int[]? positions)
    {
        var rarest = found[order[0]].Docs;
        var at = new int[found.Length];
        var n = 0;
        for (var r = 0; r < rarest.Length; r++)
        {
            var doc = rarest[r];
            at[order[0]] = r;
            var all = true;
            for (var k = 1; k < order.Length && all; k++)
            {
                var other = found[order[k]].Docs;
                var p = at[order[k]] = PostingsMath.Gallop(other, at[order[k]], doc);
                if (p >= other.Length)
                {
                    r = rarest.Length; // this word has no more passages: nothing further can match
                    all = false;
                }
                else
                {
                    all = other[p] == doc;
                }
            }

            if (all)
            {
                if (docs is not null)
                {
                    docs[n] = doc;
                    at.CopyTo(positions!, n * found.Length);
                }

                n++;
            }
        }

        return n;
    }

    /// <summary>Of several words run together, the best matches that hold them together and in order rise.</summary>
    private static void RewardProximity(IndexSnapshot index, ScoredDocs scores, string probe)
    {
        if (scores.Count < 2)
        {
            return;
        }

        var top = Best(scores, ProximityDepth);
        var best = scores.Scores[top[0]];
        var scorer = NearMatcher.For(probe);
        foreach (var i in top)
        {
            var similarity = scorer.Similarity(index.Passages[scores.Docs[i]].MatchText);
            scores.Scores[i] += similarity * similarity * best;
        }
    }

    /// <summary>
    /// A phrase of one word matches across in-sentence punctuation (企业的改组改 matches 企业的改组、改造), but a writer who types
    /// it without punctuation remembers it as written: of the best strict matches, those holding it as one run rise above
    /// those that hold it only across punctuation or quotation marks. Nothing changes when all or none hold it as written.
    /// </summary>
    private static void PreferAsWritten(IndexSnapshot index, ScoredDocs scores, string probe)
    {
        if (scores.Count < 2)
        {
            return;
        }

        var top = Best(scores, ProximityDepth);
        if (AsWrittenAmong(index, top, i => scores.Docs[i], probe) is not { } written)
        {
            return;
        }

        var best = scores.Scores[top[0]];
        foreach (var i in written)
        {
            scores.Scores[i] += best;
        }
    }

    /// <summary>
    /// <see cref="PreferAsWritten"/> for a one-phrase query scored while it is collected: of its best matches (found without a
    /// score array), those to raise above the rest and by how much; null when all or none hold it as written.
    /// </summary>
    private static (int[] Docs, double By)? RaiseAsWritten(IndexSnapshot index, WordMatch match, string probe)
    {
        if (match.Docs.Length < 2)
        {
            return null;
        }

        int[] top;
        double best;
        using (var scorer = new Bm25(index).Scorer(match))
        {
            top = BestScores.Top(i => scorer.Score(match.Docs[i], match.Frequency(i)), match.Docs.Length, ProximityDepth, out best);
        }

        return AsWrittenAmong(index, top, i => match.Docs[i], probe) is { } written ? ([.. written.Select(i => match.Docs[i]).Order()], best) : null;
    }

    /// <summary>Of the best matches' positions <paramref name="top"/>, those whose passage holds <paramref name="probe"/> as written; null when all or none do.</summary>
    private static int[]? AsWrittenAmong(IndexSnapshot index, int[] top, Func<int, int> passageAt, string probe)
    {
        var written = top.Where(i => NearMatcher.OccursAsWritten(index, passageAt(i), probe)).ToArray();
        return written.Length == 0 || written.Length == top.Length ? null : written;
    }

    /// <summary>Passages found only through a thesaurus term drop below every passage holding the words as typed (<paramref name="exact"/>, sorted).</summary>
    private static void KeepExactAbove(ScoredDocs scores, int[] exact)
    {
        var isExact = new bool[scores.Count]; // scores.Docs and exact are both sorted: one walk marks them
        var minExact = double.MaxValue;
        var maxOther = 0.0;
        for (int i = 0, j = 0; i < scores.Count; i++)
        {
            j = PostingsMath.Gallop(exact, j, scores.Docs[i]);
            isExact[i] = j < exact.Length && exact[j] == scores.Docs[i];
            if (isExact[i])
            {
                minExact = Math.Min(minExact, scores.Scores[i]);
            }
            else
            {
                maxOther = Math.Max(maxOther, scores.Scores[i]);
            }
        }

        if (minExact == double.MaxValue || maxOther < minExact * 0.9)
        {
            return;
        }

        var factor = minExact * 0.9 / maxOther;
        for (var i = 0; i < scores.Count; i++)
        {
            if (!isExact[i])
            {
                scores.Scores[i] *= factor;
            }
        }
    }

    /// <summary>The passages holding every clause of the query as typed (no thesaurus terms), sorted.</summary>
    private static int[] ExactDocs(ParsedQuery original, WordMatches matches) =>
        PostingsMath.Intersect([.. original.Required.Select(c => PostingsMath.Union([.. c.Alternatives.Select(w => matches.Get(w).Docs)]))]);

    /// <summary>Indexes of the <paramref name="k"/> best scores, best first (ties by passage id).</summary>
    private static int[] Best(ScoredDocs scores, int k) => BestScores.Top(scores.Scores, scores.Count, k); // docs ascending: a lower position is a lower id
}
