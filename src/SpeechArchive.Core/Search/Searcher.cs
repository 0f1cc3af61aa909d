using System.Diagnostics;

namespace SpeechArchive.Search;

/// <summary>Runs searches against one <see cref="IndexSnapshot"/>: parse → match → rank → collect facets → make snippets.</summary>
public sealed class Searcher(IndexSnapshot index, QueryUnderstanding? understanding = null)
{
    public IndexSnapshot Index { get; } = index;

    /// <summary>Thesaurus expansion and near matches; null: strict matching only.</summary>
    public QueryUnderstanding? Understanding { get; } = understanding;

    /// <summary>Searches; a malformed query throws <see cref="QuerySyntaxException"/> with a one-line message.</summary>
    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var query = QueryParser.Parse(request.Query, request.Filters);
        var understood = Understanding?.Understand(Index, query, request);
        query = understood?.Query ?? query;
        var filters = ResolvedFilters.Resolve(Index, query.Filters);

        var scores = Match(query);
        understood?.Rank(scores);
        var facets = new FacetCollector(Index);
        var passing = new List<(int Doc, double Score)>(scores?.Count ?? Index.Passages.Count);
        if (scores is null)
        {
            for (var doc = 0; doc < Index.Passages.Count; doc++)
            {
                if (facets.Collect(doc, filters.Failures(Index, doc)))
                {
                    passing.Add((doc, 0));
                }
            }
        }
        else
        {
            foreach (var (doc, score) in scores)
            {
                if (facets.Collect(doc, filters.Failures(Index, doc)))
                {
                    passing.Add((doc, score));
                }
            }
        }

        var forms = query.Required.SelectMany(c => c.Alternatives).Select(w => w.MatchForm).ToList();
        var limit = Math.Clamp(request.Limit, 0, 1000);
        var offset = Math.Max(0, request.Offset);
        var speechCounts = new Dictionary<int, int>();
        foreach (var (doc, _) in passing)
        {
            var s = Index.PassageSpeech[doc];
            speechCounts[s] = speechCounts.TryGetValue(s, out var c) ? c + 1 : 1;
        }

        var ordered = Order(passing, request.Sort, request.GroupBySpeech);
        var page = ordered.Skip(offset).Take(limit)
            .Select(x => MakeHit(x.Doc, x.Score, forms, filters, request, request.GroupBySpeech ? speechCounts[Index.PassageSpeech[x.Doc]] : null))
            .ToList();

        var result = new SearchResult
        {
            Query = request.Query,
            Total = request.GroupBySpeech ? speechCounts.Count : passing.Count,
            TotalSpeeches = speechCounts.Count,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
            Offset = offset,
            Limit = limit,
            Hits = page,
            Facets = facets.Result(query.Filters),
            Searched = query.Required.SelectMany(c => c.Alternatives).Select(w => w.Text).ToList(),
        };
        return understood?.Complete(result) ?? result;
    }

    /// <summary>Scores per passage for the query's words, or null when the query has no words (browse everything).</summary>
    private Dictionary<int, double>? Match(ParsedQuery query)
    {
        if (!query.HasWords && query.Excluded.Count == 0)
        {
            return null;
        }

        var bm25 = new Bm25(Index);
        Dictionary<int, double>? combined = null;
        foreach (var clause in query.Required)
        {
            var clauseScores = new Dictionary<int, double>();
            foreach (var word in clause.Alternatives)
            {
                bm25.Accumulate(Matcher.Match(Index, word), clauseScores);
            }

            if (combined is null)
            {
                combined = clauseScores;
            }
            else
            {
                var next = new Dictionary<int, double>(Math.Min(combined.Count, clauseScores.Count));
                var (small, large) = combined.Count <= clauseScores.Count ? (combined, clauseScores) : (clauseScores, combined);
                foreach (var (doc, score) in small)
                {
                    if (large.TryGetValue(doc, out var other))
                    {
                        next[doc] = score + other;
                    }
                }

                combined = next;
            }

            if (combined.Count == 0)
            {
                return combined;
            }
        }

        if (combined is null)
        {
            combined = new Dictionary<int, double>(Index.Passages.Count);
            for (var doc = 0; doc < Index.Passages.Count; doc++)
            {
                combined[doc] = 0;
            }
        }

        foreach (var word in query.Excluded)
        {
            foreach (var doc in Matcher.Match(Index, word).Docs)
            {
                combined.Remove(doc);
            }
        }

        return combined;
    }

    private IEnumerable<(int Doc, double Score)> Order(List<(int Doc, double Score)> passing, SearchSort sort, bool group)
    {
        IEnumerable<(int Doc, double Score)> items = passing;
        if (group)
        {
            items = passing.GroupBy(x => Index.PassageSpeech[x.Doc]).Select(g => g.OrderByDescending(x => x.Score).ThenBy(x => x.Doc).First());
        }

        return sort switch
        {
            SearchSort.DateDescending => items.OrderByDescending(x => SortDate(x.Doc), StringComparer.Ordinal).ThenByDescending(x => x.Score).ThenBy(x => x.Doc),
            SearchSort.DateAscending => items.OrderBy(x => SortDate(x.Doc), StringComparer.Ordinal).ThenByDescending(x => x.Score).ThenBy(x => x.Doc),
            _ => items.OrderByDescending(x => x.Score).ThenByDescending(x => SortDate(x.Doc), StringComparer.Ordinal).ThenBy(x => x.Doc),
        };
    }

    private string SortDate(int doc)
    {
        var s = Index.Speeches[Index.PassageSpeech[doc]];
        return s.Date ?? (s.Year is int y ? y.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) : "");
    }

    private SearchHit MakeHit(int doc, double score, List<string> forms, ResolvedFilters filters, SearchRequest request, int? inSpeech)
    {
        var p = Index.Passages[doc];
        var speech = Index.Speeches[p.Speech];
        int? focus = null;
        if (filters.HasTypes)
        {
            var typed = p.Sentences.FirstOrDefault(s => s.Type is not null && (filters.TypeMask & TypeBit(s.Type)) != 0);
            focus = typed.Type is null ? null : typed.Start;
        }

        return new SearchHit
        {
            SpeechId = speech.Id,
            Title = speech.Title,
            Year = speech.Year,
            Date = speech.Date,
            Organization = speech.Organization ?? speech.Category,
            Section = p.SectionPath,
            PassageId = p.Id,
            Text = speech.Text[p.Start..p.End],
            Snippet = SnippetBuilder.Build(speech.Text, p.Start, p.End, forms, request.SnippetLength, focus),
            Score = Math.Round(score, 4),
            Themes = p.Themes,
            DirectiveTypes = p.DirectiveTypes,
            PassagesInSpeech = inSpeech,
        };
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
