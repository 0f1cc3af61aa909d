namespace SpeechArchive.Writing;

/// <summary>A concordance (KWIC): every occurrence of a phrase, one line each, with counts by year.</summary>
public sealed record ConcordanceResult
{
    public required string Phrase { get; init; }
    /// <summary>Occurrences (lines), not passages.</summary>
    public required int Total { get; init; }
    public required int Passages { get; init; }
    public required int Speeches { get; init; }
    /// <summary>Lines that repeat text found in another speech (<see cref="ConcordanceLine.DuplicateOf"/> set).</summary>
    public required int Duplicates { get; init; }
    public required IReadOnlyList<YearCount> ByYear { get; init; }
    public required int Offset { get; init; }
    public required int Limit { get; init; }
    public required IReadOnlyList<ConcordanceLine> Lines { get; init; }
    public required double TookMs { get; init; }
}

/// <summary>One occurrence: the hit with its left and right context (line breaks shown as spaces) and where it is.</summary>
public sealed record ConcordanceLine
{
    public required string Left { get; init; }
    public required string Hit { get; init; }
    public required string Right { get; init; }
    public required PassageSource Source { get; init; }
    /// <summary>When the same text (hit and context) occurs in another speech: the passage where it occurs first (by date).</summary>
    public string? DuplicateOf { get; init; }
}

/// <summary>How many occurrences fall in a year.</summary>
public sealed record YearCount(int Year, int Count);
