using System.Globalization;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Web.Presentation;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Pages.Writing;

/// <summary>Trends: phrases per 10,000 characters by year side by side, and theme shares by year; charts drawn as SVG, CSV behind them.</summary>
internal sealed class TrendsModel(ArchiveHost archive) : WritingPageModel
{
    public const int Boxes = 4;

    public IReadOnlyList<string> Phrases { get; private set; } = [];
    public TrendResult? Result { get; private set; }
    public LineChart? PhraseChart { get; private set; }
    public ThemeTrendResult? Themes { get; private set; }
    public ThemeHeatmap? ThemeTable { get; private set; }

    /// <summary>The years the heat table shows (<c>from</c>, <c>to</c>); see <see cref="HeatYearRange"/>.</summary>
    public HeatYearRange? HeatYears { get; private set; }

    /// <summary>The ranges offered as links beside the heat table: label, the years it covers, link, whether it is the one shown.</summary>
    public IReadOnlyList<(string Label, string Years, string Href, bool Current)> Presets { get; private set; } = [];

    public void OnGet() => Run(p =>
    {
        Phrases = p.Phrases;
        if (Phrases.Count > 0)
        {
            Result = TrendBuilder.Phrases(archive.Snapshot, new TrendRequest { Phrases = Phrases, Filters = p.Filters });
            PhraseChart = LineChart.Create(Result.Years, Result.Series.Select(s => (s.Phrase, (IReadOnlyList<double>)s.PerTenThousand.Select((v, i) => Result.Characters[i] > 0 ? v : double.NaN).ToList())).ToList(), " 次/万字", "每万字出现次数，按年份", v => v.ToString("0.##", CultureInfo.InvariantCulture));
        }

        Themes = TrendBuilder.Themes(archive.Snapshot, p.Filters);
        HeatYears = HeatYearRange.Choose(Themes.Years.Where((_, i) => Themes.Passages[i] > 0), Request.Query["from"].FirstOrDefault(), Request.Query["to"].FirstOrDefault());
        ThemeTable = ThemeHeatmap.Create(Themes, Filters, HeatYears);
        Presets = PresetsFor(HeatYears);
    });

    /// <summary>The range parameters the page's forms carry on (the usable ones asked for), so drawing other phrases keeps the table's years.</summary>
    public IEnumerable<(string Name, int Year)> RangeFields()
    {
        if (HeatYears?.AskedFrom is { } from)
        {
            yield return ("from", from);
        }

        if (HeatYears?.AskedTo is { } to)
        {
            yield return ("to", to);
        }
    }

    /// <summary>This page with the heat table showing <paramref name="from"/> to <paramref name="to"/> (open ends: the data's), phrases and filters kept.</summary>
    public string RangeLink(int? from, int? to)
    {
        var pairs = Phrases.Select(q => new KeyValuePair<string, string?>("q", q)).Concat(Filters.FilterPairs()).ToList();
        if (from is { } f)
        {
            pairs.Add(new("from", f.ToString(CultureInfo.InvariantCulture)));
        }

        if (to is { } t)
        {
            pairs.Add(new("to", t.ToString(CultureInfo.InvariantCulture)));
        }

        return "/trends" + QueryString.Create(pairs) + "#theme-trend";
    }

    /// <summary>
    /// 近10年 and 近20年 (each where the data spans more: counted back from its newest year, to left open so a bookmark keeps
    /// up with new speeches) and 全部 (from the oldest year); none when every year fits anyway and all are shown.
    /// </summary>
    private List<(string, string, string, bool)> PresetsFor(HeatYearRange range)
    {
        var presets = new List<(string, string, string, bool)>();
        if (range.First == 0 || (!range.Spans(10) && range.ShowsAll))
        {
            return presets;
        }

        foreach (var span in new[] { 10, HeatYearRange.DefaultSpan })
        {
            if (range.Spans(span))
            {
                var from = range.Last - span + 1;
                presets.Add(($"近{span}年", $"{from}–{range.Last}", RangeLink(from, null), range.From == from && range.To >= range.Last));
            }
        }

        presets.Add(("全部", range.All, RangeLink(range.First, null), range.ShowsAll));
        return presets;
    }

    /// <summary>The JSON/CSV API URL for this page's phrases or themes, filters kept.</summary>
    public string ApiLink(bool themes, bool csv)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!themes)
        {
            pairs.AddRange(Phrases.Select(q => new KeyValuePair<string, string?>("q", q)));
        }

        pairs.AddRange(Filters.FilterPairs());
        if (csv)
        {
            pairs.Add(new("format", "csv"));
        }

        return (themes ? "/api/trends/themes" : "/api/trends") + QueryString.Create(pairs);
    }
}
