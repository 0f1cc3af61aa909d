using SpeechArchive.Search;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// The filters in force on a page, each a chip whose link is the same page without it (and back to its first page), so no
/// filter rides along unseen in a hidden field. On the search page (<paramref name="Form"/>: the id of its form, which carries
/// the query once) the chips are buttons of that form; elsewhere links.
/// </summary>
internal sealed record FilterChips(IReadOnlyList<(string Label, SearchLink Remove)> Chips, SearchLink ClearAll, string? Form = null)
{
    /// <summary>The chips of <paramref name="filters"/> on the page <paramref name="request"/> asked for.</summary>
    public static FilterChips For(HttpRequest request, SearchQuery filters, IndexSnapshot snapshot)
    {
        var q = request.Query["q"].ToString();
        var chips = new List<(string, SearchLink)>();
        foreach (var param in SearchQuery.FilterParams)
        {
            foreach (var value in filters.ValuesOf(param))
            {
                chips.Add((Label(snapshot, param, value), Without(request, (p, v) => p == param && string.Equals(v, value, StringComparison.OrdinalIgnoreCase))));
            }
        }

        // Filters typed into the query itself (year:2018..2022) are in force too: each gets a chip that takes it out of q.
        foreach (var (param, value, _) in TypedFilters.In(q))
        {
            chips.Add((Label(snapshot, param, value) + "（检索框内）", Without(request, (_, _) => false, QueryEdit.WithoutFilters([(param, value)]))));
        }

        // 清除全部 takes out the typed filters too, and keeps the words.
        var typed = TypedFilters.In(q).Select(f => (f.Field, f.Value)).ToList();
        return new FilterChips(chips, Without(request, (p, _) => SearchQuery.FilterParams.Contains(p), typed.Count == 0 ? null : QueryEdit.WithoutFilters(typed)));
    }

    /// <summary>How a filter reads on its chip: 主题：作风建设, 年份：2018–2022年.</summary>
    public static string Label(IndexSnapshot snapshot, string param, string value) => param switch
    {
        "theme" => "主题：" + snapshot.LabelOfTheme(value),
        "type" => "指示类型：" + snapshot.LabelOfDirectiveType(value),
        "year" => "年份：" + (!TypedFilters.TryYears(value, out var years) ? $"“{value}”（不是年份）" // on the page that refuses it, to remove
            : years.From != years.To ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{years.From}–{years.To}年") // a reversed range, as searched
            : value.Replace("..", "–", StringComparison.Ordinal) + "年"),
        "org" => "单位：" + value,
        "category" => "类别：" + (snapshot.CategoryLabel(value) ?? value),
        _ => "讲话人：" + value,
    };

    /// <summary>
    /// The requested page without the parameters <paramref name="drop"/> picks and without its page number, its query changed
    /// by <paramref name="edit"/>.
    /// </summary>
    private static SearchLink Without(HttpRequest request, Func<string, string, bool> drop, QueryEdit? edit = null)
    {
        var kept = request.Query
            .SelectMany(p => p.Value.Select(v => (p.Key, Value: v ?? "")))
            .Where(p => p.Key is not ("page" or "q") && !drop(p.Key, p.Value))
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
            .ToList();
        return new SearchLink(request.Path.Value ?? "/", request.Query["q"].FirstOrDefault(), edit, kept);
    }
}
