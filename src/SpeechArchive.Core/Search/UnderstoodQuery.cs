using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// One search as <see cref="QueryUnderstanding"/> widened it: the query with thesaurus alternatives added, then — once
/// the searcher has matched it — exact matches ranked above expansions, hits labelled, and near matches appended.
/// </summary>
internal sealed class UnderstoodQuery
{
    private readonly IndexSnapshot index;
    private readonly QueryUnderstanding understanding;
    private readonly ParsedQuery original;
    private readonly SearchRequest request;
    private readonly string? probe;
    private Dictionary<QueryWord, WordMatch>? matches;
    private HashSet<int>? exactDocs;
    private int[]? strict;

    private UnderstoodQuery(IndexSnapshot index, QueryUnderstanding understanding, ParsedQuery original, SearchRequest request, ParsedQuery query, IReadOnlyList<QueryExpansion> expansions)
    {
        this.index = index;
        this.understanding = understanding;
        this.original = original;
        this.request = request;
        Query = query;
        Expansions = expansions;
        probe = Probe(original);
    }

    /// <summary>The query to match: the parsed query with each word's thesaurus terms added as OR alternatives.</summary>
    public ParsedQuery Query { get; }

    public IReadOnlyList<QueryExpansion> Expansions { get; }

    /// <summary>
    /// The passages a word matches, each word matched once per search: the searcher's matching, the exact matches that
    /// <see cref="Rank"/> keeps above the expansions, and the exclusions of the near matches share one match.
    /// </summary>
    public WordMatch Match(QueryWord word)
    {
        matches ??= [];
        if (!matches.TryGetValue(word, out var match))
        {
            match = Matcher.Match(index, word);
            matches[word] = match;
        }

        return match;
    }

    public static UnderstoodQuery Create(IndexSnapshot index, QueryUnderstanding understanding, ParsedQuery query, SearchRequest request)
    {
        if (!request.Expand || understanding.Thesaurus.Entries.Count == 0)
        {
            return new UnderstoodQuery(index, understanding, query, request, query, []);
        }

        var expansions = new List<QueryExpansion>();
        var clauses = new List<QueryClause>(query.Required.Count);
        foreach (var clause in query.Required)
        {
            var words = clause.Alternatives.ToList();
            foreach (var word in clause.Alternatives.Where(w => !w.Quoted))
            {
                var added = understanding.Thesaurus.RelatedTo(word.MatchForm)
                    .Where(r => !words.Any(w => w.MatchForm == r)).ToList();
                if (added.Count > 0)
                {
                    words.AddRange(added.Select(r => new QueryWord(r, false, r)));
                    expansions.Add(new QueryExpansion(word.Text, added));
                }
            }

            clauses.Add(new QueryClause(words));
        }

        var expanded = expansions.Count == 0 ? query : query with { Required = clauses };
        return new UnderstoodQuery(index, understanding, query, request, expanded, expansions);
    }

    /// <summary>
    /// Whether <see cref="Rank"/> may change a strict score: of several words, proximity; of one phrase that may match
    /// across punctuation, the preference for it as written; with thesaurus expansions, exact matches above the rest. When
    /// not, the searcher may score while it collects and hand over only the matched passages (<see cref="TakeStrict"/>).
    /// </summary>
    public bool Reranks => RewardsProximity || PrefersAsWritten || Expansions.Count > 0;

    /// <summary>Of several words run together (no OR alternatives), passages holding them together rise.</summary>
    private bool RewardsProximity => original.Required.Count >= 2 && probe is not null;

    /// <summary>One phrase of four characters or more, which may match across punctuation: see <see cref="PreferAsWritten"/>.</summary>
    private bool PrefersAsWritten => original.Required.Count == 1 && probe is { Length: >= 4 };

    /// <summary>
    /// Takes the strict scores. Of several words, passages holding them together and in order rise (proximity); passages
    /// found only through an expansion drop below every exact match.
    /// </summary>
    public void Rank(ScoredDocs? scores)
    {
        strict = scores?.Docs;
        if (scores is null)
        {
            return;
        }

        if (RewardsProximity)
        {
            RewardProximity(scores, probe!);
        }

        if (PrefersAsWritten)
        {
            PreferAsWritten(scores, probe!);
        }

        if (Expansions.Count == 0)
        {
            return;
        }

        exactDocs = ExactDocs();
        var minExact = double.MaxValue;
        var maxOther = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var (doc, score) = (scores.Docs[i], scores.Scores[i]);
            if (exactDocs.Contains(doc))
            {
                minExact = Math.Min(minExact, score);
            }
            else
            {
                maxOther = Math.Max(maxOther, score);
            }
        }

        if (minExact == double.MaxValue || maxOther < minExact * 0.9)
        {
            return;
        }

        var factor = minExact * 0.9 / maxOther;
        for (var i = 0; i < scores.Count; i++)
        {
            if (!exactDocs.Contains(scores.Docs[i]))
            {
                scores.Scores[i] *= factor;
            }
        }
    }

    /// <summary>Takes the strict matches of a query whose scores <see cref="Rank"/> would leave as they are (<see cref="Reranks"/> false).</summary>
    public void TakeStrict(int[] docs)
    {
        if (Reranks)
        {
            throw new InvalidOperationException("TakeStrict is for a query that Rank leaves as it is; call Rank.");
        }

        strict = docs;
    }

    /// <summary>The result with its hits labelled, near matches appended after the strict ones, and the expansions listed.</summary>
    public SearchResult Complete(SearchResult result)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var hits = result.Hits.Select(h => exactDocs is null || Expansions.Count == 0
            ? h
            : h with { Match = index.FindPassage(h.PassageId) is int d && !exactDocs.Contains(d) ? HitMatch.Expanded : HitMatch.Exact }).ToList();
        var near = FindNear(result.Total);
        var skip = Math.Max(0, result.Offset - result.Total);
        var room = result.Limit - hits.Count;
        if (room > 0)
        {
            hits.AddRange(near.Skip(skip).Take(room).Select(NearHit));
        }

        var took = Math.Round(result.TookMs + clock.Elapsed.TotalMilliseconds, 2);
        return result with { Hits = hits, NearTotal = near.Count, Expansions = Expansions, TookMs = took };
    }

    private List<NearMatch> FindNear(int strictTotal)
    {
        var options = understanding.NearMatches;
        if (!request.NearMatches || strict is null || probe is null)
        {
            return [];
        }

        if (probe.Length < 3 || probe.Length > QueryParser.MaxLength / 4 || strictTotal >= options.MaxStrictTotal
            || (probe.Length < options.MinLengthAlongsideStrict && strictTotal > 0))
        {
            return [];
        }

        var filters = ResolvedFilters.Resolve(index, original.Filters);
        var excluded = new HashSet<int>();
        foreach (var word in original.Excluded)
        {
            excluded.UnionWith(Match(word).Docs);
        }

        var strictDocs = strict;
        HashSet<int>? strictSpeeches = null;
        if (request.GroupBySpeech)
        {
            strictSpeeches = strictDocs.Where(d => filters.Failures(index, d) == 0).Select(d => index.PassageSpeech[d]).ToHashSet();
        }

        bool Accept(int doc) => Array.BinarySearch(strictDocs, doc) < 0 && !excluded.Contains(doc) && filters.Failures(index, doc) == 0
            && (strictSpeeches is null || !strictSpeeches.Contains(index.PassageSpeech[doc]));

        var variants = request.Expand ? understanding.Thesaurus.Substitutions(probe, options.MaxVariants) : [];
        var near = NearMatcher.Find(index, probe, variants, Accept, options);
        if (request.GroupBySpeech)
        {
            var seen = new HashSet<int>();
            near = near.Where(m => seen.Add(index.PassageSpeech[m.Doc])).ToList();
        }

        return near;
    }

    private SearchHit NearHit(NearMatch m)
    {
        var p = index.Passages[m.Doc];
        var snippet = MarkedSnippet.Build(p.SourceText, p.Start, p.End, p.SourceMarks(m.MatchStart, m.MatchEnd), request.SnippetLength);
        return SearchHit.Of(index, m.Doc, snippet, m.Similarity) with { Match = HitMatch.Near, Similarity = Math.Round(Math.Max(0, m.Similarity), 3) };
    }

    private void RewardProximity(ScoredDocs scores, string probe)
    {
        if (scores.Count < 2)
        {
            return;
        }

        var top = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores.Scores[i]).ThenBy(i => scores.Docs[i]).Take(ProximityDepth).ToList();
        var best = scores.Scores[top[0]];
        foreach (var i in top)
        {
            var similarity = NearMatcher.Similarity(index.Passages[scores.Docs[i]].MatchText, probe);
            scores.Scores[i] += similarity * similarity * best;
        }
    }

    /// <summary>
    /// A phrase of one word matches across in-sentence punctuation (企业的改组改 matches 企业的改组、改造), but a writer who types
    /// it without punctuation remembers it as written: of the best strict matches, those holding it as one run rise above
    /// those that hold it only across punctuation or quotation marks. Nothing changes when all or none hold it as written.
    /// </summary>
    private void PreferAsWritten(ScoredDocs scores, string probe)
    {
        if (scores.Count < 2)
        {
            return;
        }

        var top = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores.Scores[i]).ThenBy(i => scores.Docs[i]).Take(ProximityDepth).ToList();
        var written = top.Where(i => NearMatcher.OccursAsWritten(index, scores.Docs[i], probe)).ToList();
        if (written.Count == 0 || written.Count == top.Count)
        {
            return;
        }

        var best = scores.Scores[top[0]];
        foreach (var i in written)
        {
            scores.Scores[i] += best;
        }
    }

    /// <summary>How many of the best strict matches are checked for their words standing together.</summary>
    private const int ProximityDepth = 200;

    /// <summary>The query's words run together (as a writer remembers a clause), or null when it has OR alternatives.</summary>
    private static string? Probe(ParsedQuery query) => query.Required.Count == 0 || query.Required.Any(c => c.Alternatives.Count != 1)
        ? null
        : string.Concat(query.Required.Select(c => c.Alternatives[0].MatchForm.Replace(MatchText.Break.ToString(), "", StringComparison.Ordinal)));

    private HashSet<int> ExactDocs()
    {
        HashSet<int>? result = null;
        foreach (var clause in original.Required)
        {
            var docs = new HashSet<int>();
            foreach (var word in clause.Alternatives)
            {
                docs.UnionWith(Match(word).Docs);
            }

            if (result is null)
            {
                result = docs;
            }
            else
            {
                result.IntersectWith(docs);
            }
        }

        return result ?? [];
    }
}
