using System.Globalization;
using System.Reflection;

namespace SpeechArchive.Documents;

/// <summary>A phrase (with its variants) that dates a speech: the years it points to and how much evidence it is (see YearCues.tsv).</summary>
internal sealed record YearCue(IReadOnlyList<string> Variants, IReadOnlyList<int> Years, double Weight)
{
    public string Cue => Variants[0];

    public bool Matches(string text) => Variants.Any(v => text.Contains(v, StringComparison.Ordinal));

    private const string ResourceName = "SpeechArchive.Documents.YearCues.tsv";

    /// <summary>The cues shipped with the library (embedded YearCues.tsv).</summary>
    public static IReadOnlyList<YearCue> Default { get; } = Load();

    private static List<YearCue> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new SpeechArchiveException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses the TSV (comment lines start with #, the header begins with "cue").</summary>
    public static List<YearCue> Parse(string tsv)
    {
        var cues = new List<YearCue>();
        foreach (var record in DelimitedText.ReadTsv(tsv))
        {
            var fields = record.Fields;
            if (fields[0].StartsWith('#') || fields[0] == "cue")
            {
                continue;
            }

            var years = fields.Count >= 3 ? ParseYears(fields[1]) : null;
            if (years is null || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new SpeechArchiveException($"YearCues.tsv line {record.Line}: expected cue, years (2022 or 2022|2023) and weight");
            }

            cues.Add(new YearCue(fields[0].Split('|'), years, weight));
        }

        return cues;
    }

    private static List<int>? ParseYears(string text)
    {
        var years = new List<int>();
        foreach (var part in text.Split('|'))
        {
            if (!MetadataValues.TryParseYear(part, out var year))
            {
                return null;
            }

            years.Add(year);
        }

        return years;
    }
}
