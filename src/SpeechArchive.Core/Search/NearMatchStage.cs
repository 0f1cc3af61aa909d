namespace SpeechArchive.Search;

/// <summary>
/// The last stage: near matches (<see cref="NearMatcher"/>: characters missing, halves swapped, a near-synonym) appended after
/// the counted hits, never counted in the total or the facets, and not looked for beside many counted matches.
/// </summary>
internal static class NearMatchStage
{
    /// <summary>
    /// The result with the near matches of <paramref name="query"/> filling the page after the counted hits, within the
    /// <paramref name="filters"/> the search resolved; with <paramref name="exhaustive"/>, found without the near matcher's shortcuts.
    /// </summary>
    public static SearchResult Append(IndexSnapshot index, UnderstoodQuery query, Ranking ranking, WordMatches matches, ResolvedFilters filters,
        SearchResult result, bool exhaustive = false)
    {
        var request = query.Request;
        var near = Folded(index, request, Find(index, query, ranking, matches, filters, result.Total, exhaustive));
        if (near.Count == 0)
        {
            return result;
        }

        if (request.Sort != SearchSort.Relevance)
        {
            // Newest or oldest first, as the counted hits before them are (the closest first within a date).
            var rows = SearchStructures.Of(index).Rows;
            var ranked = near.Select((m, rank) => (Doc: rank, Score: (double)-rank, rows[m.Match.Doc].Date)).ToList();
            ranked.Sort((a, b) => TopK.Compare(a, b, request.Sort)); // the rank stands in for the score: ties keep their order
            near = [.. ranked.Select(r => near[r.Doc])];
        }

        var hits = result.Hits.ToList();
        var skip = Math.Max(0, result.Offset - (result.Total - result.Folded));
        var room = result.Limit - hits.Count;
        if (room > 0)
        {
            hits.AddRange(near.Skip(skip).Take(room).Select(m => Hit(index, m.Match, request) with
            {
                Reprints = m.Reprints is { Count: > 0 } folded ? [.. folded.Select(d => SearchReprint.Of(index, d))] : [],
            }));
        }

        return result with { Hits = hits, NearTotal = near.Count };
    }

    private static List<NearMatch> Find(IndexSnapshot index, UnderstoodQuery query, Ranking ranking, WordMatches matches, ResolvedFilters filters,
        int countedTotal, bool exhaustive)
    {
        var request = query.Request;
        var probe = query.Probe;
        if (query.Understanding is not { } understanding || !request.NearMatches || probe is null)
        {
            return [];
        }

        var options = understanding.NearMatches;
        if (probe.Length < 3 || probe.Length > QueryParser.MaxLength / 4 || countedTotal >= options.MaxStrictTotal
            || (probe.Length < options.MinLengthAlongsideStrict && countedTotal > 0) || ranking.Docs is not { } counted)
        {
            return [];
        }

        var excluded = new HashSet<int>();
        foreach (var word in query.Original.Excluded)
        {
            excluded.UnionWith(matches.Get(word).Docs);
        }

        HashSet<int>? countedSpeeches = null;
        if (request.GroupBySpeech)
        {
            countedSpeeches = counted.Where(d => filters.Failures(index, d) == 0).Select(d => index.PassageSpeech[d]).ToHashSet();
        }

        bool Accept(int doc) => Array.BinarySearch(counted, doc) < 0 && !excluded.Contains(doc) && filters.Failures(index, doc) == 0
            && (countedSpeeches is null || !countedSpeeches.Contains(index.PassageSpeech[doc]));

        var variants = request.Expand ? understanding.Thesaurus.Substitutions(probe, options.MaxVariants) : [];
        var near = NearMatcher.Find(index, probe, variants, Accept, options, exhaustive);
        if (request.GroupBySpeech)
        {
            var seen = new HashSet<int>();
            near = near.Where(m => seen.Add(index.PassageSpeech[m.Doc])).ToList();
        }

        return near;
    }

    /// <summary>
    /// The near matches with the reprints folded as the counted hits are (<see cref="Reprints"/>): a text printed in two
    /// speeches is one near match, the other listed under it; grouped by speech, a twin speech under the first.
    /// </summary>
    private static List<(NearMatch Match, List<int>? Reprints)> Folded(IndexSnapshot index, SearchRequest request, List<NearMatch> near)
    {
        if (near.Count < 2 || !request.FoldReprints || SearchStructures.Of(index).Reprints is not { Groups: > 0 } reprints)
        {
            return [.. near.Select(m => (m, (List<int>?)null))];
        }

        var byDoc = new Dictionary<int, NearMatch>(near.Count);
        foreach (var m in near)
        {
            byDoc.TryAdd(m.Doc, m);
        }

        var ranked = near.Select(m => (m.Doc, m.Similarity, 0)).ToList();
        var folded = request.GroupBySpeech ? reprints.FoldSpeeches(ranked, index.PassageSpeech) : reprints.Fold(ranked);
        return [.. folded.Select(x => (byDoc[x.Doc], x.Folded))];
    }

    private static SearchHit Hit(IndexSnapshot index, NearMatch m, SearchRequest request)
    {
        var p = index.Passages[m.Doc];
        var snippet = MarkedSnippet.Build(p.SourceText, p.Start, p.End, NearMarks.Of(p, m.MatchStart, m.MatchEnd, SearchStructures.Of(index).Segmenter), request.SnippetLength);
        return SearchHit.Of(index, m.Doc, snippet, m.Similarity) with { Match = HitMatch.Near, Similarity = Math.Round(Math.Max(0, m.Similarity), 3) };
    }
}
