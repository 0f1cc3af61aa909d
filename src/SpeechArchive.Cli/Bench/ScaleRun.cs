namespace SpeechArchive.Cli.Bench;

/// <summary>What <c>bench --scale</c> measured on the archive N times the corpus (web figures null when the web app was not run).</summary>
internal sealed record ScaleRun
{
    public required int Times { get; init; }
    public required int Speeches { get; init; }
    public required int Passages { get; init; }
    public required long Characters { get; init; }
    /// <summary>Seconds to copy the corpus and write the recombined rounds (not part of any target).</summary>
    public required double WriteSeconds { get; init; }
    /// <summary>The full build up to the lexical commit (search works from here).</summary>
    public required double LexicalSeconds { get; init; }
    /// <summary>The vector stage after the commit (learning word vectors, embedding every passage).</summary>
    public required double VectorSeconds { get; init; }
    public required long IndexBytes { get; init; }
    /// <summary>Peak resident memory of the index command (VmHWM, sampled every 200 ms).</summary>
    public required long BuildPeakBytes { get; init; }
    public required int Failures { get; init; }
    public required double LoadSeconds { get; init; }
    /// <summary>Seconds to make the passages' vectors ready after the load (cells included).</summary>
    public required double MeaningSeconds { get; init; }
    /// <summary>
    /// Live managed bytes the snapshot added in the bench process: after the load, after its passage vectors were made
    /// ready, and after the mix (with the structures searches derive, and similar passages' norms).
    /// </summary>
    public required long[] ManagedBytes { get; init; }
    public required IReadOnlyList<MixTiming> Classes { get; init; }
    public required MixTiming Whole { get; init; }
    public double? ReadySeconds { get; init; }
    public ProcessMemory? AtReady { get; init; }
    public ProcessMemory? AfterLoad { get; init; }
    /// <summary><c>依法</c> at 16 clients for the first seconds after the web app answered, with no warm-up.</summary>
    public HttpLoad.Result? First { get; init; }
    /// <summary><c>依法</c> at 16 clients after the warm-up.</summary>
    public HttpLoad.Result? Warm { get; init; }
    /// <summary>The many-word load (<see cref="ScaleBench.ManyWords"/>) for the first seconds after a restarted web app answered.</summary>
    public HttpLoad.Result? ManyFirst { get; init; }
    /// <summary>The many-word load after its warm-up.</summary>
    public HttpLoad.Result? ManyWarm { get; init; }
    /// <summary>The restarted web app's memory after the many-word load.</summary>
    public ProcessMemory? AfterManyWords { get; init; }
    public required string LoadAverageBefore { get; init; }
    public required string LoadAverageAfter { get; init; }

    public double BuildSeconds => LexicalSeconds + VectorSeconds;
}
