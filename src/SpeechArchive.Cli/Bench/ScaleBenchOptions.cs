namespace SpeechArchive.Cli.Bench;

/// <summary>What <c>bench --scale</c> measures and where it writes.</summary>
internal sealed record ScaleBenchOptions
{
    /// <summary>The real corpus (×1).</summary>
    public required string Corpus { get; init; }
    /// <summary>Scratch folder for the archives and their indexes, deleted and recreated.</summary>
    public required string Work { get; init; }
    /// <summary>The multiples to measure, ascending, starting with 1 (the baseline).</summary>
    public required IReadOnlyList<int> Times { get; init; }
    public string? WebDll { get; init; }
    public int Seed { get; init; } = 15;
    public int Iterations { get; init; } = 20;
    public TimeSpan HttpDuration { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Keep the archives and indexes after the run.</summary>
    public bool Keep { get; init; }
}
