using System.Globalization;

namespace SpeechArchive.LoadTest;

/// <summary>Command-line options; every run is bounded by them and stops by itself.</summary>
internal sealed record LoadOptions
{
    /// <summary>Folder of speeches to serve; default: the repository's corpus/ plus ../shared/corpus/{seeds,reports,xi-2020} when present.</summary>
    public string? Corpus { get; init; }

    /// <summary>The web app's dll; default: src/SpeechArchive.Web/bin/{Release,Debug}/net10.0/SpeechArchive.Web.dll.</summary>
    public string? Web { get; init; }

    /// <summary>Requests per second for the measured run; 0: find the highest sustainable rate first.</summary>
    public int Rate { get; init; }

    public int WarmUpSeconds { get; init; } = 30;

    public int Seconds { get; init; } = 60;

    /// <summary>Seconds per step while searching for the highest sustainable rate.</summary>
    public int StepSeconds { get; init; } = 8;

    /// <summary>Where to write the markdown report (also printed).</summary>
    public string? Out { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--corpus" => options with { Corpus = value },
                "--web" => options with { Web = value },
                "--rate" => options with { Rate = Number(value) },
                "--warmup" => options with { WarmUpSeconds = Number(value) },
                "--seconds" => options with { Seconds = Number(value) },
                "--step" => options with { StepSeconds = Number(value) },
                "--out" => options with { Out = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (see docs/reliability.md)"),
            };
            i++;
        }

        return options;
    }

    private static int Number(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
