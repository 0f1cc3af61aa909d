using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// Links of the search page: each names the whole state (q, filters, sort, grouping, page) so every view is bookmarkable; the
/// page writes those that keep or edit its query as buttons of its form, which carries the query once (<see cref="SearchLink"/>).
/// </summary>
internal sealed class SearchLinks(SearchQuery query)
{
    public const string SearchPath = "/";

    public SearchQuery Query { get; } = query;

    /// <summary>
    /// Selects the value, or deselects it when it is selected (multi-select within a facet); back to page 1. A value selected
    /// by a range (<c>year=2018..2022</c>, or typed: <c>year:2018..2022</c>) is deselected by splitting the range around it; one
    /// selected by a filter typed into the query, by taking that filter out of the query.
    /// </summary>
    public SearchLink Toggle(string param, FacetValue value)
    {
        if (!value.Selected)
        {
            return Build(param, values => values.Add(value.Value));
        }

        if (param == "year" && int.TryParse(value.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return WithoutYear(year);
        }

        var inUrl = Query.ValuesOf(param).Any(v => Selects(v, value));
        if (inUrl)
        {
            return Build(param, list => list.RemoveAll(v => Selects(v, value)));
        }

        // Selected by filters typed into the query: take out those that select it (all of the field's when none says so plainly).
        var typed = TypedFilters.In(Query.Q).Where(f => f.Field == param).ToList();
        var selecting = typed.Any(f => Selects(f.Value, value));
        return Url(WithoutTyped((field, v) => field == param && (!selecting || Selects(v, value))), Selections(), Query.Sort, Query.IsGrouped, 1);
    }

    /// <summary>Whether a filter value (an id, a label, or part of an organisation's name) selects the facet value.</summary>
    private static bool Selects(string filter, FacetValue value) =>
        Same(filter, value.Value) || Same(filter, value.Label) || value.Label.Contains(filter, StringComparison.OrdinalIgnoreCase);

    /// <summary>The search without year <paramref name="year"/>: every year range in force (URL or typed) split around it, as URL parameters.</summary>
    private SearchLink WithoutYear(int year)
    {
        var kept = new List<string>();
        var typed = TypedFilters.In(Query.Q).Where(f => f.Field == "year").Select(f => f.Value);
        foreach (var value in Query.ValuesOf("year").Concat(typed))
        {
            if (!TypedFilters.TryYears(value, out var r) || year < r.From || year > r.To)
            {
                kept.Add(value);
                continue;
            }

            if (r.From < year)
            {
                kept.Add(Range(r.From, year - 1));
            }

            if (year < r.To)
            {
                kept.Add(Range(year + 1, r.To));
            }
        }

        var selections = Selections();
        selections.RemoveAll(s => s.Param == "year");
        selections.Add(("year", kept));
        return Url(WithoutTyped((field, _) => field == "year"), selections, Query.Sort, Query.IsGrouped, 1);

        static string Range(int from, int to) => from == to
            ? from.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{from}..{to}");
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The edit that takes out of the query the filters typed into it that <paramref name="drop"/> picks; null when none is typed.</summary>
    private QueryEdit? WithoutTyped(Func<string, string, bool> drop)
    {
        var dropped = TypedFilters.In(Query.Q).Where(f => drop(f.Field, f.Value)).Select(f => (f.Field, f.Value)).ToList();
        return dropped.Count == 0 ? null : QueryEdit.WithoutFilters(dropped);
    }

    public SearchLink Remove(string param, params string[] values) =>
        Build(param, list => list.RemoveAll(v => values.Any(x => string.Equals(v, x, StringComparison.OrdinalIgnoreCase))));

    /// <summary>The same words without any filter, typed ones included.</summary>
    public SearchLink ClearFilters() => Url(WithoutTyped((_, _) => true), [], Query.Sort, Query.IsGrouped, 1);

    public SearchLink WithQuery(string? q, bool keepFilters = true) => Url(QueryEdit.Set(q), keepFilters ? Selections() : [], Query.Sort, Query.IsGrouped, 1);

    public SearchLink WithSort(string? sort) => Url(null, Selections(), sort, Query.IsGrouped, 1);

    public SearchLink WithGrouping(bool group) => Url(null, Selections(), Query.Sort, group, 1);

    public SearchLink WithPage(int page) => Url(null, Selections(), Query.Sort, Query.IsGrouped, page);

    /// <summary>The same search with thesaurus expansion on or off (<c>expand=0</c>).</summary>
    public SearchLink WithExpansion(bool on) => Url(null, Selections(), Query.Sort, Query.IsGrouped, 1, on, Query.WithNearMatches);

    /// <summary>The same search with near matches on or off (<c>near=0</c>).</summary>
    public SearchLink WithNearMatches(bool on) => Url(null, Selections(), Query.Sort, Query.IsGrouped, 1, Query.IsExpanded, on);

    /// <summary>The same search with reprints folded under one hit (on) or each passage a hit of its own (off, <c>fold=0</c>).</summary>
    public SearchLink WithFolding(bool on) => Url(null, Selections(), Query.Sort, Query.IsGrouped, 1, Query.IsExpanded, Query.WithNearMatches, Query.Mode == "exact", on);

    /// <summary>The same search exactly as typed (<c>mode=exact</c>), or as free text.</summary>
    public SearchLink WithExact(bool on) => Url(null, Selections(), Query.Sort, Query.IsGrouped, 1, Query.IsExpanded, Query.WithNearMatches, on);

    /// <summary>
    /// The same search without <paramref name="word"/> (a word of the free-text reading), as free text: wherever the query
    /// spells it, but not inside another word of the reading (<paramref name="others"/>: 罚 goes from 罚款会被罚吗, 罚款 stays),
    /// and where the query spells it with an aspect particle after its first character, as the reading joined it (丢了工作
    /// for 丢工作, 吸过毒 for 吸毒).
    /// </summary>
    public SearchLink WithoutWord(string word, IEnumerable<string>? others = null) =>
        Url(QueryEdit.WithoutWord(word, others), Selections(), Query.Sort, Query.IsGrouped, 1);

    /// <summary>The same search with <paramref name="word"/> (a word of the free-text reading) replaced by <paramref name="other"/>.</summary>
    public SearchLink WithWordReplaced(string word, string other) =>
        Url(QueryEdit.Replace(word, other), Selections(), Query.Sort, Query.IsGrouped, 1);

    /// <summary>The same search without reading it as describing <paramref name="formulation"/> (the × on a 按提法 chip).</summary>
    public SearchLink WithoutFormulation(string formulation) =>
        Url(null, Selections(), Query.Sort, Query.IsGrouped, 1, Query.IsExpanded, Query.WithNearMatches, Query.Mode == "exact", Query.FoldsReprints,
            [.. Query.WithoutFormulations.Append(formulation).Distinct(StringComparer.Ordinal)]);

    /// <summary>The same search read as describing <paramref name="formulation"/> again, where the reader finds it.</summary>
    public SearchLink WithFormulation(string formulation) =>
        Url(null, Selections(), Query.Sort, Query.IsGrouped, 1, Query.IsExpanded, Query.WithNearMatches, Query.Mode == "exact", Query.FoldsReprints,
            [.. Query.WithoutFormulations.Where(f => f != formulation)]);

    /// <summary>
    /// This search's hits as a CSV file (<c>/api/search?…&amp;format=csv</c>): the same query, filters and order, from the
    /// first hit or from <paramref name="offset"/>.
    /// </summary>
    public SearchLink Export(int offset = 0)
    {
        var link = Url(null, Selections(), Query.Sort, Query.IsGrouped, 1);
        KeyValuePair<string, string?>[] csv = offset > 0 ? [new("format", "csv"), new("offset", offset.ToString(CultureInfo.InvariantCulture))] : [new("format", "csv")];
        return link with { Path = "/api/search", Pairs = [.. link.Pairs, .. csv] };
    }

    /// <summary>
    /// The CSV files that hold <paramref name="hits"/> hits, <paramref name="perFile"/> to a file, as (first hit, last hit,
    /// link), 1-based: at most <paramref name="files"/> of them, so the page says where the export stops rather than cutting
    /// it silently at the first file.
    /// </summary>
    public IReadOnlyList<(int From, int To, SearchLink Link)> ExportFiles(int hits, int perFile, int files)
    {
        var result = new List<(int From, int To, SearchLink Link)>();
        for (var from = 0; from < hits && result.Count < files; from += perFile)
        {
            result.Add((from + 1, Math.Min(hits, from + perFile), Export(from)));
        }

        return result;
    }

    /// <summary>
    /// The reader at the passage, carrying the query so its hits are marked there, and, from the search page, how it was read
    /// (<paramref name="readAs"/>: <c>mode=exact</c>, <c>expand=0</c>, <c>noform</c>), so the reader marks what the search found;
    /// <paramref name="back"/>, the page the link is on (its filters, order and page), is where the reader's 返回 leads
    /// (<see cref="BackTo"/>): carried less its query, which is the reader's own (a pasted paragraph was in every result's link
    /// twice, once percent-encoded twice over). Percent-encoded as every URL, so a copied link works from any client (curl sent
    /// raw UTF-8 and got Kestrel's blank 400), but for a long query (over <see cref="SearchLink.LongestLinkedQuery"/> characters),
    /// written as an IRI (<see cref="IriQuery"/>): its Chinese as it is, 3 bytes a character rather than 9, which a browser
    /// encodes when it follows or copies the link (a pasted paragraph's page: 90 KB over the seed speeches, 149 KB encoded).
    /// </summary>
    public static string Reader(string speechId, string? q, int? passageOrdinal = null, SearchQuery? readAs = null, string? back = null)
    {
        var path = "/speeches/" + Uri.EscapeDataString(speechId);
        if (string.IsNullOrWhiteSpace(q))
        {
            return passageOrdinal is int p ? path + "#p-" + (p + 1) : path;
        }

        KeyValuePair<string, string?>[] pairs = [new("q", q), .. ReadingPairs(readAs), .. back is null ? [] : new KeyValuePair<string, string?>[] { new("back", SearchLink.WithoutQuery(back, q)) }];
        var url = path + (q.Length <= SearchLink.LongestLinkedQuery ? QueryString.Create(pairs).ToString() : IriQuery.Create(pairs));
        return passageOrdinal is int n ? url + "#p-" + (n + 1) : url;
    }

    /// <summary>
    /// The reader at a writers' tool's source, a passage (#p-N) or a section heading (#s-N: a concordance row of a heading linked
    /// to #p-0, which no reader has, a user trial found).
    /// </summary>
    public static string Reader(SpeechArchive.Writing.PassageSource source, string? q = null, string? back = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Reader(source.SpeechId, q, back: back) + "#" + source.Anchor;
    }

    /// <summary>The pages a reader's 返回 may lead to: the search page and the concordance.</summary>
    private static readonly string[] BackPaths = [SearchPath, "/concordance"];

    /// <summary>
    /// <paramref name="back"/> when it is a page of this site a reader's 返回 may lead to (the search page or the concordance,
    /// with its query string), with the reader's query <paramref name="q"/> put back where it carries none (<see cref="Reader(string, string?, int?, SearchQuery?, string?)"/>
    /// leaves it out), else null: a link made elsewhere cannot send the reader off the site.
    /// </summary>
    public static string? BackTo(string? back, string? q)
    {
        if (back is null || back.Length > 4096 || back.Any(char.IsControl))
        {
            return null;
        }

        var question = back.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? back : back[..question];
        return BackPaths.Contains(path, StringComparer.Ordinal) ? SearchLink.WithQuery(back, q) : null;
    }

    /// <summary>Page <paramref name="page"/> of these results (their filters, order and grouping), as the link back to it.</summary>
    public SearchLink Here(int page) => Url(null, Selections(), Query.Sort, Query.IsGrouped, page);

    /// <summary>The search page with the reader's query, read as the reader was asked to read it.</summary>
    public static string SearchFor(string q, SearchQuery? readAs) =>
        SearchPath + QueryString.Create([new("q", q), .. ReadingPairs(readAs)]);

    /// <summary>The parameters that change how a query is read and are not the default: mode=exact, expand=0, each noform.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> ReadingPairs(SearchQuery? query)
    {
        if (query is null)
        {
            yield break;
        }

        if (query.IsExact)
        {
            yield return new("mode", "exact");
        }

        if (!query.IsExpanded)
        {
            yield return new("expand", "0");
        }

        foreach (var form in query.WithoutFormulations)
        {
            yield return new("noform", form);
        }
    }

    private SearchLink Build(string param, Action<List<string>> change)
    {
        var selections = Selections();
        var list = selections.FirstOrDefault(s => s.Param == param).Values ?? [];
        change(list);
        selections.RemoveAll(s => s.Param == param);
        selections.Add((param, list));
        return Url(null, selections, Query.Sort, Query.IsGrouped, 1);
    }

    private List<(string Param, List<string> Values)> Selections() =>
        SearchQuery.FilterParams.Select(p => (p, Query.ValuesOf(p).ToList())).ToList();

    private SearchLink Url(QueryEdit? edit, List<(string Param, List<string> Values)> selections, string? sort, bool group, int page) =>
        Url(edit, selections, sort, group, page, Query.IsExpanded, Query.WithNearMatches, Query.Mode == "exact");

    private SearchLink Url(QueryEdit? edit, List<(string Param, List<string> Values)> selections, string? sort, bool group, int page, bool expand, bool near) =>
        Url(edit, selections, sort, group, page, expand, near, Query.Mode == "exact");

    private SearchLink Url(QueryEdit? edit, List<(string Param, List<string> Values)> selections, string? sort, bool group, int page, bool expand, bool near, bool exact) =>
        Url(edit, selections, sort, group, page, expand, near, exact, Query.FoldsReprints, Query.WithoutFormulations);

    private SearchLink Url(QueryEdit? edit, List<(string Param, List<string> Values)> selections, string? sort, bool group, int page, bool expand, bool near, bool exact,
        bool fold) => Url(edit, selections, sort, group, page, expand, near, exact, fold, Query.WithoutFormulations);

    /// <summary>The search page with the page's query changed by <paramref name="edit"/> (none: as it is) and the other parameters given.</summary>
    private SearchLink Url(QueryEdit? edit, List<(string Param, List<string> Values)> selections, string? sort, bool group, int page, bool expand, bool near, bool exact,
        bool fold, IReadOnlyList<string> noForms)
    {
        var q = edit is null ? Query.Q : edit.Apply(Query.Q);
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var param in SearchQuery.FilterParams)
        {
            var values = selections.FirstOrDefault(s => s.Param == param).Values ?? [];
            pairs.AddRange(values.Distinct(StringComparer.OrdinalIgnoreCase).Select(v => new KeyValuePair<string, string?>(param, v)));
        }

        if (!string.IsNullOrEmpty(sort) && sort != "relevance")
        {
            pairs.Add(new("sort", sort));
        }

        var groupsByDefault = string.IsNullOrWhiteSpace(q) && selections.All(s => s.Values.Count == 0); // the bare home page (SearchQuery.GroupsBlankQuery)
        if (group != groupsByDefault)
        {
            pairs.Add(new("group", group ? "1" : "0"));
        }

        if (!expand)
        {
            pairs.Add(new("expand", "0"));
        }

        if (!near)
        {
            pairs.Add(new("near", "0"));
        }

        if (!fold)
        {
            pairs.Add(new("fold", "0"));
        }

        if (exact)
        {
            pairs.Add(new("mode", "exact"));
        }

        pairs.AddRange(noForms.Select(f => new KeyValuePair<string, string?>("noform", f)));

        if (page > 1)
        {
            pairs.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new SearchLink(SearchPath, Query.Q, edit, pairs);
    }
}
