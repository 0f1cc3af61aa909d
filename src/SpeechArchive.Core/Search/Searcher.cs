using System.Diagnostics;

namespace SpeechArchive.Search;

/// <summary>Runs searches against one <see cref="IndexSnapshot"/>: parse → match → rank → collect facets → make snippets.</summary>
public sealed partial class Searcher(IndexSnapshot index, QueryUnderstanding? understanding = null)
{
    public IndexSnapshot Index { get; } = index;

    /// <summary>Thesaurus expansion and near matches; null: strict matching only.</summary>
    public QueryUnderstanding? Understanding { get; } = understanding;

    /// <summary>
    /// Every search through the general pass — no facet tables, no scoring while collecting, no joins from the rarest word,
    /// no counting by label set: the reference the tests hold those shortcuts to.
    /// </summary>
    internal bool Exhaustive { get; init; }

    /// <summary>Searches; a malformed query throws <see cref="QuerySyntaxException"/> with a one-line message.</summary>
    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var query = QueryParser.Parse(request.Query, request.Filters);
        var understood = Understanding?.Understand(Index, query, request);
        query = understood?.Query ?? query;
        var filters = ResolvedFilters.Resolve(Index, query.Filters);
        var limit = Math.Clamp(request.Limit, 0, 1000);
        var offset = Math.Clamp(request.Offset, 0, 100_000);
        var facets = new FacetCollector(Index);
        var top = new TopK(offset + limit, request.Sort);
        var collected = new Collected(FacetCollector.RentCleared(Index.Speeches.Count), request.GroupBySpeech ? new (int Doc, double Score)[Index.Speeches.Count] : null);
        if (query.HasWords || query.Excluded.Count > 0)
        {
            if (!Exhaustive && SingleWord(query, understood) is { } word)
            {
                // One word, no alternatives: scored passage by passage while collecting, without a score array.
                var match = MatchWord(word, understood);
                understood?.TakeStrict(match.Docs);
                using var scorer = new Bm25(Index).Scorer(match);
                Collect(new WordCandidates(match, scorer), filters, facets, top, ref collected);
            }
            else
            {
                var matched = Match(query, understood);
                understood?.Rank(matched);
                Collect(new ScoredCandidates(matched!), filters, facets, top, ref collected);
            }
        }
        else
        {
            understood?.Rank(null);
            if (Exhaustive || !FacetBrowser.TryBrowse(Index, filters, request, facets, top, ref collected))
            {
                Collect(new AllCandidates(Index.Passages.Count), filters, facets, top, ref collected);
            }
        }

        var (perSpeech, bestInSpeech) = (collected.PerSpeech, collected.BestInSpeech); // perSpeech: pooled, longer than the speeches
        var total = collected.Total;
        var speeches = collected.Speeches;
        if (bestInSpeech is not null)
        {
            for (var s = 0; s < Index.Speeches.Count; s++)
            {
                if (perSpeech[s] > 0)
                {
                    top.Offer(bestInSpeech[s].Doc, bestInSpeech[s].Score, Index.PassageDate[bestInSpeech[s].Doc]);
                }
            }
        }

        var forms = query.Required.SelectMany(c => c.Alternatives).Select(w => w.MatchForm).ToList();
        var hits = top.Drain().Skip(offset)
            .Select(x => MakeHit(x.Doc, x.Score, forms, filters, request, bestInSpeech is null ? null : perSpeech[Index.PassageSpeech[x.Doc]]))
            .ToList();
        System.Buffers.ArrayPool<int>.Shared.Return(perSpeech);

        var result = new SearchResult
        {
            Query = request.Query,
            Total = bestInSpeech is null ? total : speeches,
            TotalSpeeches = speeches,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
            Offset = offset,
            Limit = limit,
            Hits = hits,
            Facets = facets.Result(query.Filters),
            Searched = query.Required.SelectMany(c => c.Alternatives).Select(w => w.Text).ToList(),
        };
        return understood?.Complete(result) ?? result;
    }

    /// <summary>Scored passages for the query's words, or null when the query has no words (browse everything).</summary>
    private ScoredDocs? Match(ParsedQuery query, UnderstoodQuery? understood)
    {
        if (!query.HasWords && query.Excluded.Count == 0)
        {
            return null;
        }

        var bm25 = new Bm25(Index);
        ScoredDocs? combined = null;
        if (!Exhaustive && query.Required.Count > 1 && query.Required.All(c => c.Alternatives.Count == 1))
        {
            combined = Conjunction(query.Required.Select(c => c.Alternatives[0]).ToList(), bm25, understood);
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
                var scored = bm25.Score(MatchWord(word, understood));
                alternatives = alternatives is null ? scored : alternatives.Or(scored);
            }

            combined = combined is null ? alternatives! : combined.And(alternatives!);
            if (combined.Count == 0)
            {
                return combined;
            }
        }

        combined ??= new ScoredDocs(Enumerable.Range(0, Index.Passages.Count).ToArray(), new double[Index.Passages.Count]);
        foreach (var word in query.Excluded)
        {
            combined = combined.Except(MatchWord(word, understood).Docs);
        }

        return combined;
    }

    /// <summary>
    /// Passages holding every one of several words, scored: the rarest word's passages looked up in the others' (galloping),
    /// and only the passages found scored — the sum in the words' order, as clause-by-clause joins add them.
    /// </summary>
    private ScoredDocs Conjunction(List<QueryWord> words, Bm25 bm25, UnderstoodQuery? understood)
    {
        var matches = new WordMatch[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            matches[w] = MatchWord(words[w], understood);
            if (matches[w].Docs.Length == 0)
            {
                return ScoredDocs.Empty;
            }
        }

        var order = Enumerable.Range(0, words.Count).OrderBy(w => matches[w].Docs.Length).ToArray();
        var rarest = matches[order[0]].Docs;
        var at = new int[words.Count];
        var found = new List<int>();
        var positions = new List<int>();
        for (var r = 0; r < rarest.Length; r++)
        {
            var doc = rarest[r];
            at[order[0]] = r;
            var all = true;
            for (var k = 1; k < order.Length && all; k++)
            {
                var docs = matches[order[k]].Docs;
                var p = at[order[k]] = PostingsMath.Gallop(docs, at[order[k]], doc);
                if (p >= docs.Length)
                {
                    r = rarest.Length; // this word has no more passages: nothing further can match
                    all = false;
                }
                else
                {
                    all = docs[p] == doc;
                }
            }

            if (all)
            {
                found.Add(doc);
                positions.AddRange(at);
            }
        }

        var scores = new double[found.Count];
        for (var w = 0; w < words.Count; w++)
        {
            using var scorer = bm25.Scorer(matches[w]);
            for (var i = 0; i < found.Count; i++)
            {
                scores[i] += scorer.Score(found[i], matches[w].Frequency(positions[(i * words.Count) + w]));
            }
        }

        return new ScoredDocs([.. found], scores);
    }

    /// <summary>The word's matches; with query understanding, matched once per search and shared with its ranking.</summary>
    private WordMatch MatchWord(QueryWord word, UnderstoodQuery? understood) => understood?.Match(word) ?? Matcher.Match(Index, word);

    private SearchHit MakeHit(int doc, double score, List<string> forms, ResolvedFilters filters, SearchRequest request, int? inSpeech)
    {
        var p = Index.Passages[doc];
        (int, int)? focus = null;
        if (filters.HasTypes)
        {
            var typed = p.Sentences.FirstOrDefault(s => s.Type is not null && (filters.TypeMask & TypeBit(s.Type)) != 0);
            focus = typed.Type is null ? null : (typed.Start, typed.End);
        }

        var snippet = SnippetBuilder.Build(p.SourceText, p.Start, p.End, forms, request.SnippetLength, focus);
        return SearchHit.Of(Index, doc, snippet, score, inSpeech);
    }

    private uint TypeBit(string id)
    {
        for (var i = 0; i < Index.DirectiveTypes.Count && i < 32; i++)
        {
            if (Index.DirectiveTypes[i].Id == id)
            {
                return 1u << i;
            }
        }

        return 0;
    }
}
