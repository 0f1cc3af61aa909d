namespace SpeechArchive.Search;

/// <summary>A passage held in memory: where it is, its labels, and its match text.</summary>
public sealed record PassageInfo
{
    public required string Id { get; init; }
    public required int Speech { get; init; }
    public required int Ordinal { get; init; }
    public required int SectionOrdinal { get; init; }
    public required string SectionPath { get; init; }
    public string? PointLabel { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> DirectiveTypes { get; init; } = [];
    /// <summary>Sentences as (start, end, directive type or null), decoded on demand from the stored form.</summary>
    public IReadOnlyList<(int Start, int End, string? Type)> Sentences => Storage.SentenceColumn.Decode(SentencesCompact, Start);

    internal string SentencesCompact { get; init; } = "";

    /// <summary>
    /// The passage's match form, built from <see cref="SourceText"/> on first use: most passages are never confirmed by a
    /// phrase, so loading a snapshot does not build them all (two threads may both build it once; either result is kept).
    /// </summary>
    internal string MatchText => matchText ??= Analysis.MatchText.Build(SourceText, Start, End);

    /// <summary>For each character of <see cref="MatchText"/>, the offset in <see cref="SourceText"/> it came from (built anew: few callers need it).</summary>
    internal List<int> MatchOffsets()
    {
        var offsets = new List<int>(End - Start);
        Analysis.MatchText.Build(SourceText, Start, End, offsets);
        return offsets;
    }

    /// <summary>The span [<paramref name="matchStart"/>, <paramref name="matchEnd"/>) of <see cref="MatchText"/> as a range of <see cref="SourceText"/> to mark; none when it is empty.</summary>
    internal List<(int Start, int End)> SourceMarks(int matchStart, int matchEnd)
    {
        if (matchEnd <= matchStart)
        {
            return [];
        }

        var offsets = MatchOffsets();
        return [(offsets[matchStart], offsets[matchEnd - 1] + 1)];
    }

    /// <summary>The whole text of the passage's speech, which <see cref="Start"/> and <see cref="End"/> index into.</summary>
    internal string SourceText { get; init; } = "";

    private string? matchText;
}
