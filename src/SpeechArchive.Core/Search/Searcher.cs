using System.Diagnostics;

namespace SpeechArchive.Search;

/// <summary>
/// Runs searches against one <see cref="IndexSnapshot"/>, stage by stage: parse → understand → match and rank → collect
/// facets → snippets → near matches. Each stage takes the previous one's output.
/// </summary>
public sealed partial class Searcher(IndexSnapshot index, QueryUnderstanding? understanding = null)
{
    public IndexSnapshot Index { get; } = index;

    /// <summary>Free text, thesaurus expansion and near matches; null: strict matching only.</summary>
    public QueryUnderstanding? Understanding { get; } = understanding;

    /// <summary>
    /// Every search through the general pass — no facet tables, no scoring while collecting, no joins from the rarest word,
    /// no counting by label set: the reference the tests hold those shortcuts to.
    /// </summary>
    internal bool Exhaustive { get; init; }

    /// <summary>From how many passages a one-term word is broad: its counts are kept and its top k skips blocks (lowered in tests).</summary>
    internal int BroadFrom { get; init; } = 2048;

    /// <summary>
    /// <paramref name="text"/> cut where the archive's words cut it (the segmenter free text is read with), each piece running to
    /// the next word less the punctuation it ends with, so that pieces side by side join into a run of the text as a phrase
    /// matches it, across punctuation (<see cref="NoResultsAdvice"/>'s shorter runs).
    /// </summary>
    public IReadOnlyList<string> WordsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = SearchStructures.Of(Index).Segmenter.Segment(text);
        return [.. spans.Select((s, i) => text[s.Start..(i + 1 < spans.Count ? spans[i + 1].Start : text.Length)].TrimEnd().TrimEnd(TrailingPunctuation)).Where(p => p.Length > 0)];
    }

    private static readonly char[] TrailingPunctuation = ['，', '。', '、', '；', '：', '？', '！', ',', '.', ';', ':', '?', '!'];

    /// <summary>Searches; a malformed query throws <see cref="QuerySyntaxException"/> with a one-line message.</summary>
    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var (query, matches, ranking) = Rank(request);
        var filters = ResolvedFilters.Resolve(Index, query.Query.Filters);
        var collected = Collect(ranking, filters, request,
            Ranker.OrdersTopically(query, ranking) ? best => Ranker.OrderTopically(Index, query, ranking, matches, best)
            : Ranker.OrdersFreeText(query, ranking) ? best => Ranker.OrderFreeText(Index, query, ranking, matches, best) : null);
        var marks = Marks(query, ranking);
        var hits = collected.Top.Select(x => MakeHit(x.Doc, x.Score, query, ranking, filters, x.InSpeech, marks) with
        {
            Reprints = x.Reprints is { Count: > 0 } folded ? [.. folded.Select(d => SearchReprint.Of(Index, d))] : [],
        }).ToList();
        var result = new SearchResult
        {
            Query = request.Query,
            Total = collected.Total,
            Folded = collected.Folded,
            TotalSpeeches = collected.Speeches,
            TookMs = 0,
            Offset = collected.Offset,
            Limit = collected.Limit,
            Hits = hits,
            Facets = collected.Facets.Result(query.Query.Filters),
            Searched = query.Query.Required.SelectMany(c => c.Alternatives).Select(w => w.Text).ToList(),
            Expansions = query.Expansions,
            Reading = query.FreeText is { } free ? QueryReadings.Of(Index, free, ranking, filters, matches) : null,
            FilterNotes = FilterValueAdvice.Notes(Index, query.Query.Filters),
        };
        if (result.Reading is not null && query.Query.Filters.Years.Count == 0) // not where a year is chosen already (typed in any spelling, or a facet box)
        {
            result = result with
            {
                YearFilters = YearHints.Of(request.Query, result.Facets.Year,
                    q => Search(request with { Query = q, Limit = 0, Offset = 0, Advise = false, NearMatches = false }).Total),
            };
        }

        result = NearMatchStage.Append(Index, query, ranking, matches, filters, result, Exhaustive);
        result = result with { TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2) };
        return request.Advise && result.Total == 0 ? result with { Advice = Advise(request) } : result; // the advice's searches are not the search's time
    }

    /// <summary>
    /// What to try for <paramref name="request"/>, which found nothing (<see cref="NoResultsAdvice"/>): each suggestion searched
    /// with the request's options, mode and filters, and counted without near matches.
    /// </summary>
    public NoResultsAdvice Advise(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NoResultsAdvice.For(request, Count, WordsOf);
    }

    /// <summary>
    /// The passages <paramref name="request"/> finds (near matches not counted); 0 for a query that does not parse. Advice
    /// offers a query only where this is above 0, so that no suggestion leads to another empty page.
    /// </summary>
    public int Count(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return Search(request with { Limit = 0, Offset = 0, NearMatches = false, Advise = false }).Total;
        }
        catch (QuerySyntaxException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The best strict matches of <paramref name="query"/> in BM25's order (before the topical order), best first, each with
    /// its tier and its topical features (<see cref="Ranker.TopicalRows"/>): what <c>eval-topical --learn-order</c> learns the
    /// topical order's weights from. Empty for a query the topical order does not take (read as free text, or a common word).
    /// </summary>
    internal List<(string Passage, int Tier, double[] Features)> TopicalCandidates(string query) =>
        OrderCandidates(new SearchRequest { Query = query, Limit = Ranker.TopicalDepth, FoldReprints = false }, Ranker.OrdersTopically, Ranker.TopicalRows);

    /// <summary>
    /// The best free-text matches of <paramref name="query"/> before the free-text order, best first, each with its tier and
    /// features (<see cref="Ranker.FreeTextRows"/>): what <c>eval-topical --learn-order</c> learns the free-text orders' weights
    /// from. Empty for a query the free-text order does not take (plain words, ranked without meaning, or among articles of
    /// law), and for one not read as <paramref name="question"/> asks (a question, or a statement asking nothing) where it is given.
    /// </summary>
    internal List<(string Passage, int Tier, double[] Features)> FreeTextCandidates(string query, bool? question = null) =>
        OrderCandidates(new SearchRequest { Query = query, Limit = Ranker.TopicalDepth, OrderTopically = false, FoldReprints = false },
            (understood, ranking) => Ranker.TakesFreeTextOrder(understood.FreeText, ranking) && (question is not { } asks || understood.FreeText!.Question == asks),
            Ranker.FreeTextRows);

    /// <summary>
    /// The best matches of <paramref name="request"/> as collected before an order, best first, with the tier and features
    /// <paramref name="rowsOf"/> reads for each (what <c>eval-topical --learn-order</c> learns from); empty when
    /// <paramref name="takes"/> says the order does not take the query.
    /// </summary>
    private List<(string Passage, int Tier, double[] Features)> OrderCandidates(SearchRequest request, Func<UnderstoodQuery, Ranking, bool> takes,
        Func<IndexSnapshot, UnderstoodQuery, Ranking, WordMatches, IReadOnlyList<(int Doc, double Score, int Date)>, int, (int Tier, double[] Features)[]> rowsOf)
    {
        var (understood, matches, ranking) = Rank(request);
        if (!takes(understood, ranking))
        {
            return [];
        }

        var top = Collect(ranking, ResolvedFilters.Resolve(Index, understood.Query.Filters), request).Top.Select(x => (x.Doc, x.Score, 0)).ToList();
        var rows = rowsOf(Index, understood, ranking, matches, top, top.Count);
        return [.. top.Select((x, i) => (Index.Passages[x.Doc].Id, rows[i].Tier, rows[i].Features))];
    }

    /// <summary>The parse, understand and rank stages of <paramref name="request"/>, with the word matches they made.</summary>
    private (UnderstoodQuery Query, WordMatches Matches, Ranking Ranking) Rank(SearchRequest request)
    {
        var parsed = QueryParser.Parse(request.Query, request.Filters);
        var matches = new WordMatches(Index) { Exhaustive = Exhaustive };
        var query = Understanding is null ? UnderstoodQuery.Strict(parsed, request) : Understanding.Understand(Index, parsed, request, matches);
        return (query, matches, Ranker.Rank(Index, query, matches, Exhaustive));
    }

    /// <summary>
    /// What a search's snippets mark, made once for its page: the query's forms, and the formulations it describes only where
    /// they were searched (not over articles of law) and there only where not negated (<c>AffirmedOnly</c>).
    /// </summary>
    private static (List<string> Forms, IReadOnlySet<string>? AffirmedOnly, Dictionary<string, int>? Concepts) Marks(UnderstoodQuery query, Ranking ranking)
    {
        if (query.FreeText is not { } free)
        {
            return (query.Forms, null, null);
        }

        var concepts = free.Concepts(ranking.FormulationsSearched); // every form marked (FreeTextQuery.Marked), each with its word
        return ([.. concepts.Keys], ranking.FormulationsSearched ? free.FormulationsOnly() : null, concepts);
    }

    /// <summary>
    /// The hit for passage <paramref name="doc"/>: how it matched, a snippet with the query's <paramref name="marks"/>
    /// (<see cref="Marks"/>), and the heading over it if one holds a phrase.
    /// </summary>
    private SearchHit MakeHit(int doc, double score, UnderstoodQuery query, Ranking ranking, ResolvedFilters filters, int? inSpeech,
        (List<string> Forms, IReadOnlySet<string>? AffirmedOnly, Dictionary<string, int>? Concepts) marks)
    {
        var p = Index.Passages[doc];
        (int, int)? focus = null;
        if (filters.HasTypes)
        {
            var typed = p.Sentences.FirstOrDefault(s => s.Type is not null && (filters.TypeMask & TypeBit(s.Type)) != 0);
            focus = typed.Type is null ? null : (typed.Start, typed.End);
        }

        var request = query.Request;
        var (match, similarity) = ranking.Label(doc);
        var snippet = (match == HitMatch.Aligned && query.Probe is { } probe ? NearSnippet(p, probe, request.SnippetLength) : null) // the clause it aligned, as an appended near match shows it
            ?? SnippetBuilder.Build(p.SourceText, p.Start, p.End, marks.Forms, request.SnippetLength, focus, marks.AffirmedOnly, marks.Concepts);
        var hit = SearchHit.Of(Index, doc, snippet, score, inSpeech) with { Match = match, Similarity = similarity };
        if (match == HitMatch.Exact && Array.BinarySearch(ranking.Titled, doc) >= 0 && query.FreeText is { } free)
        {
            var title = Index.Speeches[Index.PassageSpeech[doc]].Title;
            var marked = SnippetBuilder.Build(title, 0, title.Length, [.. free.WordForms], title.Length + 1);
            hit = hit with { MatchedHeading = marked, Match = HitMatch.Title };
        }
        else if (match == HitMatch.Exact && SearchStructures.Of(Index).HeadingHits.Describe(doc, query.Phrases) is { } heading)
        {
            var marked = SnippetBuilder.Build(heading.Text, 0, heading.Text.Length, query.Phrases, heading.Text.Length + 1);
            hit = hit with { MatchedHeading = marked, Match = heading.IsTitle ? HitMatch.Title : HitMatch.Heading };
        }

        return hit;
    }

    /// <summary>
    /// Where each passage says a clause typed as free text nearly as written (打铁必须自身硬 for 打铁还须自身硬), as the spans of
    /// the speech's text to mark (<see cref="NearMarks"/>: cut at clause punctuation, no half word at their edges), by the near tier's own rules (<c>Ranker.RewardOrder</c>): at least the near matches'
    /// minimum and a character more than the reading's longest word, and two of its words — in the passage, or in the part
    /// aligned, a word counted through a component — unless nearly all of it (领导干部收入 is not 领导干部收红包, whose hit
    /// marks only 领导干部). Null for a passage holding the clause as typed (marked as it is) or saying it less nearly; none at
    /// all where the query is not one run of at least <see cref="NearMatchOptions.MinLengthAlongsideStrict"/> characters.
    /// The reader marks the span, as the hit's snippet does, rather than the words inside it apart (打铁 … 自身, a user trial).
    /// </summary>
    public Func<string, IReadOnlyList<(int Start, int End)>?>? AlignedSpans(string query, QueryReading reading)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reading);
        var options = Understanding?.NearMatches ?? NearMatchOptions.Default;
        if (QueryParser.Parse(query) is not { Required: [{ Alternatives: [var run] }], Excluded.Count: 0 }
            || run.MatchForm.Length < options.MinLengthAlongsideStrict || run.MatchForm.Contains(Analysis.MatchText.Break, StringComparison.Ordinal))
        {
            return null;
        }

        var probe = run.MatchForm;
        var words = reading.Words;
        var floor = Ranker.NearFloor(options, probe.Length, [.. words.Select(w => w.Word)]);
        var scorer = NearMatcher.For(probe);
        var index = Index;
        var segmenter = SearchStructures.Of(index).Segmenter;
        return passageId =>
        {
            if (index.FindPassage(passageId) is not { } doc || index.Passages[doc].MatchText is var text && Analysis.MatchText.HoldsWhole(text, probe))
            {
                return null;
            }

            var (similarity, start, end, _) = scorer.Score(text, floor);
            return similarity >= floor && end > start
                && (similarity >= Ranker.NearWithOneWord || words.Count < 2 || HoldsTwo(text)
                    || Ranker.AlignedHoldsTwoWords(text.AsSpan(start, end - start), words.Select(w => (w.Word, (IEnumerable<string>)w.Components))))
                && NearMarks.Of(index.Passages[doc], start, end, segmenter) is [_, ..] marks ? marks : null;
        };

        // Whether the passage holds two of the reading's words anywhere: a word, one of its parts or terms, or all its components.
        bool HoldsTwo(string text) => words.Count(w => Analysis.MatchText.HoldsWhole(text, w.Word)
            || w.Parts.Concat(w.Expansions).Any(f => Analysis.MatchText.HoldsWhole(text, f))
            || (w.Components.Count > 1 && w.Components.All(c => Analysis.MatchText.HoldsWhole(text, c)))) >= 2;
    }

    /// <summary>
    /// The snippet of the clause the query aligned with as typed; null where the query as typed aligns with none (it aligned
    /// through a thesaurus term: 公款大吃大喝 with 铺张浪费, whose best alignment as typed was a lone 大 of 很大的资金, marked as
    /// if it were the match, a user trial found), so the words' snippet marks the term instead.
    /// </summary>
    private string? NearSnippet(PassageInfo p, string probe, int length)
    {
        var (similarity, start, end) = NearMatcher.Score(p.MatchText, probe);
        return similarity < (Understanding?.NearMatches ?? NearMatchOptions.Default).MinSimilarity ? null
            : MarkedSnippet.Build(p.SourceText, p.Start, p.End, NearMarks.Of(p, start, end, SearchStructures.Of(Index).Segmenter), length);
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
