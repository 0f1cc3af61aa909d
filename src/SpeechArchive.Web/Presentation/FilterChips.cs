using Microsoft.AspNetCore.WebUtilities;
using SpeechArchive.Search;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// The filters in force on a page, each a chip whose link is the same page without it (and back to its first page), so no
/// filter rides along unseen in a hidden field.
/// </summary>
internal sealed record FilterChips(IReadOnlyList<(string Label, string Remove)> Chips, string ClearAll)
{
    /// <summary>The chips of <paramref name="filters"/> on the page <paramref name="request"/> asked for.</summary>
    public static FilterChips For(HttpRequest request, SearchQuery filters, IndexSnapshot snapshot)
    {
        var chips = new List<(string, string)>();
        foreach (var param in SearchQuery.FilterParams)
        {
            foreach (var value in filters.ValuesOf(param))
            {
                chips.Add((Label(snapshot, param, value), Without(request, (p, v) => p == param && string.Equals(v, value, StringComparison.OrdinalIgnoreCase))));
            }
        }

        // Filters typed into the query itself (year:2018..2022) are in force too: each gets a chip that takes it out of q.
        var q = request.Query["q"].ToString();
        foreach (var (param, value, at) in TypedFilters.In(q))
        {
            var rest = string.Join(' ', (q[..at.Index] + " " + q[(at.Index + at.Length)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            chips.Add((Label(snapshot, param, value) + "（检索框内）", Without(request, (p, _) => p == "q", rest)));
        }

        // 清除全部 takes out the typed filters too, and keeps the words.
        return new FilterChips(chips, Without(request, (p, _) => p == "q" || SearchQuery.FilterParams.Contains(p), TypedFilters.Without(q, (_, _) => true)));
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
    /// The requested page's URL without the parameters <paramref name="drop"/> picks and without its page number; with
    /// <paramref name="q"/>, that as its query first.
    /// </summary>
    private static string Without(HttpRequest request, Func<string, string, bool> drop, string? q = null)
    {
        var kept = request.Query
            .SelectMany(p => p.Value.Select(v => (p.Key, Value: v ?? "")))
            .Where(p => p.Key != "page" && !drop(p.Key, p.Value))
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
        return QueryHelpers.AddQueryString(request.Path.Value ?? "/", string.IsNullOrEmpty(q) ? kept : kept.Prepend(new("q", q)));
    }
}
