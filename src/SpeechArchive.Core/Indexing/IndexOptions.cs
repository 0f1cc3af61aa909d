namespace SpeechArchive.Indexing;

/// <summary>Where to read the corpus, where the index lives, and how to run.</summary>
public sealed record IndexOptions
{
    public required string CorpusDirectory { get; init; }
    public required string IndexDirectory { get; init; }
    /// <summary>Start from an empty index (still one atomic commit: a failed rebuild leaves the old index).</summary>
    public bool Rebuild { get; init; }
    /// <summary>Taxonomy file; default <c>taxonomy.yaml</c> in the corpus folder, else the built-in default.</summary>
    public string? TaxonomyPath { get; init; }
    /// <summary>Degree of parallelism for reading, parsing and labelling.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>From this many characters on, the archive learns its own word vectors (<see cref="ArchiveVectors"/>); below, the base vectors serve.</summary>
    public long VectorTrainingFrom { get; init; } = ArchiveVectors.TrainFrom;
    /// <summary>From this many passages on, the vector stage cuts the passages' vectors into cells and stores them (<see cref="ArchiveVectors"/>).</summary>
    public int VectorCellsFrom { get; init; } = ArchiveVectors.CellsFrom;
}
