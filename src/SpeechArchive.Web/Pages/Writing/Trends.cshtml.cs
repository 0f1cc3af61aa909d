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

    public void OnGet() => Run(p =>
    {
        Phrases = p.Phrases;
        if (Phrases.Count > 0)
        {
            Result = TrendBuilder.Phrases(archive.Snapshot, new TrendRequest { Phrases = Phrases, Filters = p.Filters });
            PhraseChart = LineChart.Create(Result.Years, Result.Series.Select(s => (s.Phrase, (IReadOnlyList<double>)s.PerTenThousand.Select((v, i) => Result.Characters[i] > 0 ? v : double.NaN).ToList())).ToList(), " 次/万字", "每万字出现次数，按年份", v => v.ToString("0.##", CultureInfo.InvariantCulture));
        }

        Themes = TrendBuilder.Themes(archive.Snapshot, p.Filters);
        ThemeTable = ThemeHeatmap.Create(Themes, Filters);
    });

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
