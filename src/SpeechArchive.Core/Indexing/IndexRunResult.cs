namespace SpeechArchive.Indexing;

/// <summary>What an indexing run did.</summary>
public sealed record IndexRunResult
{
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Removed { get; init; }
    /// <summary>Unchanged speeches whose labels changed because the taxonomy changed.</summary>
    public int Relabelled { get; init; }
    public IReadOnlyList<IndexFailure> Failed { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public int Speeches { get; init; }
    public int Passages { get; init; }
    public long Characters { get; init; }
    public long IndexBytes { get; init; }
    public long Generation { get; init; }
    public bool Committed { get; init; }
    /// <summary>What the vector stage after the commit did (null: it had nothing to do, or failed: see <see cref="Warnings"/>).</summary>
    public VectorRefresh? Vectors { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>Seconds spent per stage (read, parse, relabel, write, commit), for profiling and the benchmark.</summary>
    public IReadOnlyDictionary<string, double> StageSeconds { get; init; } = new Dictionary<string, double>();

    public bool Changed => Added + Updated + Removed + Relabelled > 0;
}

/// <summary>A file that could not be indexed, and why.</summary>
public sealed record IndexFailure(string File, string Reason);
