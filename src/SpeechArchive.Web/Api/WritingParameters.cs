using System.Globalization;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Api;

/// <summary>Reads the writers' tools' URL parameters: <c>q</c> (repeatable for trends), the search page's filters, paging, sort and format.</summary>
internal sealed class WritingParameters(IQueryCollection query)
{
    public string Q => query["q"].FirstOrDefault()?.Trim() ?? "";

    public IReadOnlyList<string> Phrases => query["q"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();

    /// <summary>The search page's filter parameters as the request carries them (for a page's form and links).</summary>
    public SearchQuery Selection { get; } = SearchQuery.From(query);

    public IReadOnlyList<string> Filters => Selection.Filters();

    public bool WantsCsv => string.Equals(query["format"].FirstOrDefault(), "csv", StringComparison.OrdinalIgnoreCase);

    public ConcordanceSort ConcordanceSort => query["sort"].FirstOrDefault() switch
    {
        null or "" or "date" => ConcordanceSort.Date,
        "date-desc" => ConcordanceSort.DateDescending,
        "left" => ConcordanceSort.Left,
        "right" => ConcordanceSort.Right,
        var other => throw new QuerySyntaxException($"未知的排序“{other}”，可选 date、date-desc、left、right。(unknown sort '{other}')"),
    };

    /// <summary>An integer parameter in [min, max], or the fallback when absent; anything else is a 400.</summary>
    public int Number(string name, int fallback, int min, int max) => SearchQuery.Number(query[name].FirstOrDefault(), name, fallback, min, max);

    /// <summary>A share in [0, 1] (e.g. <c>min=0.7</c>), or the fallback.</summary>
    public double Share(string name, double fallback)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1 || double.IsNaN(value))
        {
            throw new QuerySyntaxException($"参数 {name}=“{text}”无效，应为 0 到 1 之间的小数。({name} must be a number from 0 to 1)");
        }

        return value;
    }
}
