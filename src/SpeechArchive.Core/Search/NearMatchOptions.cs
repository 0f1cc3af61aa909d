namespace SpeechArchive.Search;

/// <summary>How near matches are found: how many candidates are aligned, and how close a passage must be to count.</summary>
public sealed record NearMatchOptions
{
    /// <summary>Passages (by shared bigrams) aligned character by character.</summary>
    public int Candidates { get; init; } = 120;

    /// <summary>Share of the probe's bigram weight a candidate must hold.</summary>
    public double MinOverlap { get; init; } = 0.25;

    /// <summary>Share of the probe a passage must hold in order (alignment score over a perfect match).</summary>
    public double MinSimilarity { get; init; } = 0.55;

    /// <summary>Near matches kept after the strict ones.</summary>
    public int MaxResults { get; init; } = 50;

    /// <summary>Probes shorter than this (in characters of match text) get near matches only when nothing matches strictly.</summary>
    public int MinLengthAlongsideStrict { get; init; } = 6;

    /// <summary>
    /// With this many strict matches or more, no near matches are looked for: the phrase is common as written (加强党的建设),
    /// the pages fill with exact matches, and near ones would only add noise and time.
    /// </summary>
    public int MaxStrictTotal { get; init; } = 200;

    /// <summary>Thesaurus variants of the probe aligned besides the probe itself.</summary>
    public int MaxVariants { get; init; } = 6;

    public static NearMatchOptions Default { get; } = new();
}
