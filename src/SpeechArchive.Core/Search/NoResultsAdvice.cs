using System.Text.Json.Serialization;

namespace SpeechArchive.Search;

/// <summary>
/// What to suggest when a search finds nothing, for the search page, <c>search</c> and <c>/api/search</c> alike: each
/// exclusion or filter without which the query finds passages, with how many (以钉钉子精神 -落实: every passage holding it
/// holds 落实), the query without the filters typed into it (八项规定 year:1990), each searched word alone, a shorter run of a
/// long phrase's own words (老百姓买房难怎么办 → 老百姓, never a cut through a word such as 老百姓买), the query without quotes.
/// The last three keep the query's typed filters and exclusions. Every suggestion is one the caller's <c>count</c> says finds
/// passages itself (near matches alone do not count), so no advice leads to another empty page.
/// </summary>
public sealed class NoResultsAdvice
{
    /// <summary>At most this many runs of a long phrase are searched for a shorter one (about two for each of its words).</summary>
    public const int MaxShorterTried = 64;

    /// <summary>Only a phrase longer than this is offered a shorter run of itself (八项规定 is a term: 项规定 would be no advice).</summary>
    public const int ShortPhrase = 4;

    /// <summary>No advice (a blank query, or one that does not parse).</summary>
    public static NoResultsAdvice None { get; } = new();

    /// <summary>
    /// Each exclusion or filter (typed into the query, or of the request) without which the query finds passages, with the
    /// query and filters without it and what they find: what emptied the result, when the words are not what to change.
    /// </summary>
    public IReadOnlyList<EmptyingPart> EmptiedBy { get; private init; } = [];

    public IReadOnlyList<string> SingleWords { get; private init; } = [];

    /// <summary>A shorter run of the phrase's words; not offered when an exclusion or filter emptied the result (<see cref="EmptiedBy"/>).</summary>
    public string? ShorterPhrase { get; private init; }

    public string? Unquoted { get; private init; }

    /// <summary>The query's words (and exclusions) without the filters typed into it, where there were both and no one filter alone is in <see cref="EmptiedBy"/>.</summary>
    public string? WithoutTypedFilters { get; private init; }

    /// <summary>
    /// The query is filters alone (year:1999 theme:integrity): no words to change. <see cref="EmptiedBy"/> names a field
    /// without which the others find passages; where one field alone finds nothing, its facet lists the values that do.
    /// </summary>
    public bool FiltersOnly { get; private init; }

    [JsonIgnore]
    public bool IsEmpty => EmptiedBy.Count == 0 && SingleWords.Count == 0 && ShorterPhrase is null && Unquoted is null && WithoutTypedFilters is null;

    /// <summary>
    /// Advice for <paramref name="request"/>, which found nothing: each suggestion is counted by <paramref name="count"/> (the
    /// passages a request finds, near matches not counted) and offered only where it finds some; <paramref name="wordsOf"/> cuts
    /// a phrase into the words a shorter run may be made of (<see cref="Searcher.WordsOf"/>). <see cref="Searcher.Advise"/> is this
    /// with the searcher's own.
    /// </summary>
    public static NoResultsAdvice For(SearchRequest request, Func<SearchRequest, int> count, Func<string, IReadOnlyList<string>> wordsOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(wordsOf);
        var query = request.Query;
        if (string.IsNullOrWhiteSpace(query))
        {
            // The page's facet selections alone (/?year=1990&theme=integrity): a selection without which the others find passages.
            return request.Filters.Count == 0 ? None : new NoResultsAdvice
            {
                FiltersOnly = true,
                EmptiedBy = EmptiedParts(request, "", [], [], count),
            };
        }

        ParsedQuery parsed;
        (IReadOnlyList<QueryParser.Operator> Filters, IReadOnlyList<QueryParser.Operator> Exclusions) typed;
        try
        {
            parsed = QueryParser.Parse(query);
            typed = QueryParser.Operators(query);
        }
        catch (QuerySyntaxException)
        {
            return None;
        }

        bool FindsQuery(string q) => count(request with { Query = q }) > 0;

        // A suggestion is other words with the query's own filters and exclusions.
        string With(string words) => Join(words, typed.Filters, typed.Exclusions);
        bool Finds(string words) => FindsQuery(With(words));

        var words = parsed.Required.SelectMany(c => c.Alternatives).ToList();
        var emptied = EmptiedParts(request, Clauses(parsed, Typed), typed.Filters, typed.Exclusions, count);
        var withoutFilters = typed.Filters.Count > 0 && words.Count > 0 && !emptied.Any(e => e.Kind is EmptyingPart.Filter or EmptyingPart.Everything)
            ? string.Join(' ', typed.Exclusions.Select(e => e.Typed).Prepend(Clauses(parsed, Typed))) : null;
        var single = words.Count > 1 ? words.Select(Typed).Distinct().ToList() : [];
        var unquoted = words.Any(w => w.Quoted) ? Clauses(parsed, w => w.Text) : null;

        // When the words find passages without an exclusion or a filter, those are what to change: a run of the phrase's
        // words is another question (子精神 of 以钉钉子精神 -落实 finds any 精神).
        var shorter = emptied.Count == 0 && words.Count == 1 && !words[0].Quoted && words[0].Text.Trim().Length > ShortPhrase
            ? Shorter(words[0].Text.Trim(), Finds, wordsOf) : null;
        return new NoResultsAdvice
        {
            FiltersOnly = words.Count == 0,
            EmptiedBy = emptied,
            WithoutTypedFilters = withoutFilters is not null && FindsQuery(withoutFilters) ? withoutFilters : null,
            SingleWords = [.. single.Where(w => !Stray(w) && Finds(w)).Select(With)],
            ShorterPhrase = shorter is null ? null : With(shorter),
            Unquoted = unquoted is not null && Finds(unquoted) ? With(unquoted) : null,
        };
    }

    /// <summary>At most this many searches look for the exclusion or filter that emptied a result (<see cref="EmptiedBy"/>).</summary>
    public const int MaxEmptiedTried = 12;

    /// <summary>
    /// Each exclusion, and each field of filters typed into the query or of the request (its values are ORed, so only the whole
    /// field can matter), without which the query finds passages, with how many; the exclusions together where no one alone
    /// did, and the words alone where no part did. At most <see cref="MaxEmptiedTried"/> searches.
    /// </summary>
    private static List<EmptyingPart> EmptiedParts(SearchRequest request, string words, IReadOnlyList<QueryParser.Operator> filters,
        IReadOnlyList<QueryParser.Operator> exclusions, Func<SearchRequest, int> count)
    {
        var found = new List<EmptyingPart>();
        var tried = 0;
        void Try(string kind, string part, string? field, IReadOnlyList<string> values, string query, IReadOnlyList<string> filtersLeft)
        {
            if (string.IsNullOrWhiteSpace(query) && filtersLeft.Count == 0)
            {
                return; // without it, a query of filters alone asks for nothing: no advice
            }

            if (tried++ >= MaxEmptiedTried)
            {
                return;
            }

            var total = count(request with { Query = query, Filters = filtersLeft });
            if (total > 0)
            {
                found.Add(new EmptyingPart(kind, part, field, values, query, filtersLeft, total));
            }
        }

        var distinct = exclusions.DistinctBy(e => e.Typed).ToList();
        foreach (var exclusion in distinct)
        {
            Try(EmptyingPart.Exclusion, exclusion.Typed, null, [exclusion.Value], Join(words, filters, [.. exclusions.Where(e => e.Typed != exclusion.Typed)]), request.Filters);
        }

        if (found.Count == 0 && distinct.Count > 1)
        {
            // No one of them alone, all of them together (钉钉子精神 -落实 -工作).
            Try(EmptyingPart.Exclusions, string.Join(' ', distinct.Select(e => e.Typed)), null, [.. distinct.Select(e => e.Value)], Join(words, filters, []), request.Filters);
        }

        var typedFields = filters.GroupBy(f => f.Field).ToList();
        foreach (var field in typedFields)
        {
            Try(EmptyingPart.Filter, string.Join(' ', field.Select(f => f.Typed).Distinct()), field.Key, [.. field.Select(f => f.Value).Distinct()],
                Join(words, [.. filters.Where(f => f.Field != field.Key)], exclusions), request.Filters);
        }

        var selected = request.Filters.Distinct(StringComparer.Ordinal).GroupBy(Field, StringComparer.Ordinal).ToList();
        foreach (var field in selected)
        {
            Try(EmptyingPart.Selection, string.Join(' ', field), field.Key.Length == 0 ? null : field.Key, [.. field.Select(ValueOf)], request.Query,
                [.. request.Filters.Where(f => !string.Equals(Field(f), field.Key, StringComparison.Ordinal))]);
        }

        if (found.Count == 0 && distinct.Count + typedFields.Count + selected.Count > 1)
        {
            // No one part alone: the words without any of them (以钉钉子精神 -落实 year:1990).
            Try(EmptyingPart.Everything, string.Join(' ', filters.Select(f => f.Typed).Concat(distinct.Select(e => e.Typed)).Concat(request.Filters)), null, [], words, []);
        }

        return found;

        static string Field(string selection) => selection.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? selection[..colon].ToLowerInvariant() : "";
        static string ValueOf(string selection) => selection[(selection.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim('"', '“', '”', '「', '」');
    }

    private static string Join(string words, IReadOnlyList<QueryParser.Operator> filters, IReadOnlyList<QueryParser.Operator> exclusions) =>
        string.Join(' ', filters.Select(f => f.Typed).Prepend(words).Concat(exclusions.Select(e => e.Typed)).Where(p => p.Length > 0));

    /// <summary>
    /// The longest run of <paramref name="phrase"/>'s own words, shorter than it, that finds passages: from each word on, the run
    /// grows while it finds (a phrase that finds nothing finds nothing longer either), so a long pasted sentence costs about two
    /// searches a word, not one for every run. A run beginning or ending with a question or function word is not offered.
    /// </summary>
    private static string? Shorter(string phrase, Func<string, bool> finds, Func<string, IReadOnlyList<string>> wordsOf)
    {
        var cut = wordsOf(phrase);
        if (cut.Count < 2)
        {
            return null;
        }

        string? best = null;
        var tried = 0;
        for (var start = 0; start < cut.Count && tried < MaxShorterTried; start++)
        {
            if (best is not null && cut.Skip(start).Sum(w => w.Length) <= best.Length)
            {
                break; // nothing from here on is longer
            }

            string? found = null;
            for (var end = start + 1; end <= cut.Count && end - start < cut.Count && tried < MaxShorterTried; end++)
            {
                var run = cut.Skip(start).Take(end - start).ToList();
                var text = string.Concat(run);
                if (QueryStopWords.Contains(run[0]))
                {
                    break; // a run is not offered beginning with a function or question word (和身边工作人员): the next start
                }

                if (Letters(text) < 2 || QueryStopWords.Contains(run[^1]))
                {
                    continue; // too short (1)> of onerror=alert(1)> is a digit), or ending on one (加强和改进新形势下党的): grow it first
                }

                tried++;
                if (!finds(text))
                {
                    break;
                }

                found = text;
            }

            if (found is not null && (best is null || found.Length > best.Length))
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>The letters and Chinese characters of <paramref name="text"/>: what a search of it matches.</summary>
    private static int Letters(string text) => text.Count(c => Analysis.TextNormalizer.KindOf(Analysis.TextNormalizer.Fold(c)) is Analysis.CharKind.Cjk or Analysis.CharKind.Alnum);

    /// <summary>
    /// A word typed with signs around one letter or digit ((1), x>): what it would find is every passage holding that character
    /// as a word, any number with a 1 in it, not what was typed, so it is no advice (a digit or letter typed alone is).
    /// </summary>
    private static bool Stray(string typed) => Letters(typed) == 1 && !typed.Any(Analysis.HanRuns.IsHan) && typed.Trim('"').Length > 1;

    /// <summary>The query's clauses, OR kept, each word written by <paramref name="write"/>.</summary>
    private static string Clauses(ParsedQuery parsed, Func<QueryWord, string> write) =>
        string.Join(' ', parsed.Required.Select(c => string.Join(" OR ", c.Alternatives.Select(write))));

    private static string Typed(QueryWord w) => w.Quoted ? "\"" + w.Text + "\"" : w.Text;
}
