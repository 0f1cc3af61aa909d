using Microsoft.AspNetCore.WebUtilities;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A link of the search page: a path, the query text it searches (the page's, <paramref name="Q"/>, changed by
/// <paramref name="Edit"/>) and its other parameters. Written whole as an <c>href</c> (<see cref="Href"/>), or, where the page
/// carries its query once in a form, as a button of that form naming the link less its query (<see cref="To"/>), which the
/// search page follows (<see cref="Follow"/>): a pasted paragraph of 1,000 characters is some 9 KB in every URL, and a page
/// of a hundred such links weighed nearly a megabyte.
/// </summary>
public sealed record SearchLink(string Path, string? Q, QueryEdit? Edit, IReadOnlyList<KeyValuePair<string, string?>> Pairs)
{
    /// <summary>The parameter of the page form's buttons: the link less its query.</summary>
    public const string Parameter = "to";

    /// <summary>The id of the search page's form that carries its query once, whose buttons are the page's links.</summary>
    public const string Form = "here";

    /// <summary>The paths a page form's button may lead to: the search page, its CSV export, the related-terms page.</summary>
    public static readonly IReadOnlyList<string> Paths = [SearchLinks.SearchPath, "/api/search", "/related"];

    /// <summary>
    /// The longest query (in UTF-16 units; a Chinese character is one) whose page writes its links whole: 64 characters are at
    /// most 576 bytes percent-encoded, so a page of a hundred such links stays near the size of one without them, and every
    /// query typed rather than pasted is shorter (the user trial's paragraph was 986).
    /// </summary>
    public const int LongestLinkedQuery = 64;

    /// <summary>
    /// Whether the page writes this link whole (<see cref="Href"/>, an <c>&lt;a href&gt;</c>), its query being short
    /// (<see cref="LongestLinkedQuery"/>); else as a button of its form (<see cref="To"/>). Every link of a page shares its query,
    /// so a page writes all its links one way.
    /// </summary>
    public bool IsWrittenWhole => Q is null || Q.Length <= LongestLinkedQuery;

    /// <summary>The query text the link searches.</summary>
    public string? Query => Edit is null ? Q : Edit.Apply(Q);

    /// <summary>The whole link, its query first.</summary>
    public string Href
    {
        get
        {
            var q = Query;
            var pairs = string.IsNullOrWhiteSpace(q) ? Pairs : Pairs.Prepend(new("q", q)).ToList();
            return pairs.Count == 0 ? Path : Path + QueryString.Create(pairs);
        }
    }

    /// <summary>The link less its query text: its path and other parameters, and how it changes the page's query (<see cref="QueryEdit.Parameter"/>).</summary>
    public string To
    {
        get
        {
            IReadOnlyList<KeyValuePair<string, string?>> pairs = Edit is null ? Pairs : [.. Pairs, .. Edit.Pairs()];
            return pairs.Count == 0 ? Path : Path + QueryString.Create(pairs);
        }
    }

    public override string ToString() => Href;

    public static implicit operator string(SearchLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Href;
    }

    /// <summary>
    /// The link <paramref name="to"/> (<see cref="To"/> of a link of a page whose query was <paramref name="q"/>) names, whole;
    /// null when it names none: a path other than <see cref="Paths"/>, or an edit that cannot be read.
    /// </summary>
    public static string? Follow(string? q, string? to)
    {
        if (string.IsNullOrEmpty(to) || to.Length > 8192)
        {
            return null;
        }

        var question = to.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? to : to[..question];
        if (!Paths.Contains(path, StringComparer.Ordinal))
        {
            return null;
        }

        var all = Parse(question < 0 ? "" : to[question..]);
        var edit = all.Where(p => p.Key == QueryEdit.Parameter).Select(p => p.Value ?? "").ToList();
        var pairs = all.Where(p => p.Key is not (QueryEdit.Parameter or "q")).ToList();
        var read = QueryEdit.Read(edit);
        return edit.Count > 0 && read is null ? null : new SearchLink(path, q, read, pairs).Href;
    }

    /// <summary><paramref name="url"/> less its query text when that is <paramref name="q"/> (a reader's way back, whose own query is the same).</summary>
    public static string WithoutQuery(string url, string? q)
    {
        ArgumentNullException.ThrowIfNull(url);
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0 || string.IsNullOrEmpty(q))
        {
            return url;
        }

        var pairs = Parse(url[question..]);
        var kept = pairs.Where(p => !(p.Key == "q" && p.Value == q)).ToList();
        return kept.Count == pairs.Count ? url : kept.Count == 0 ? url[..question] : url[..question] + QueryString.Create(kept);
    }

    /// <summary><paramref name="url"/> with the query text <paramref name="q"/> first when it carries none (<see cref="WithoutQuery"/> undone).</summary>
    public static string WithQuery(string url, string? q)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrWhiteSpace(q))
        {
            return url;
        }

        var question = url.IndexOf('?', StringComparison.Ordinal);
        var pairs = question < 0 ? [] : Parse(url[question..]);
        return pairs.Any(p => p.Key == "q") ? url : (question < 0 ? url : url[..question]) + QueryString.Create(pairs.Prepend(new("q", q)));
    }

    private static List<KeyValuePair<string, string?>> Parse(string query)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var pair in new QueryStringEnumerable(query))
        {
            pairs.Add(new(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }
}
