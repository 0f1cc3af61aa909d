namespace SpeechArchive.Search;

/// <summary>
/// A passage held in memory, read from the snapshot's columns (<see cref="PassageColumns"/>): where it is, its labels, and
/// its match text. A view of two words, so reading a passage allocates nothing; its id is made when asked for.
/// </summary>
public readonly struct PassageInfo
{
    private readonly PassageColumns columns;
    private readonly int doc;

    internal PassageInfo(PassageColumns columns, int doc)
    {
        this.columns = columns;
        this.doc = doc;
    }

    /// <summary>The passage's public id, <c>speechId:number</c> (its ordinal + 1), made on each call.</summary>
    public string Id => columns.Id(doc);
    public int Speech => columns.Speech[doc];
    public int Ordinal => columns.Ordinal[doc];
    /// <summary>The ordinal of its innermost section within its speech, or -1.</summary>
    public int SectionOrdinal => columns.SectionOrdinal(doc);
    public string SectionPath => columns.SectionPath(doc);
    public string? PointLabel => columns.PointLabel(doc);
    public int Start => columns.Start[doc];
    public int End => columns.End[doc];
    public IReadOnlyList<string> Themes => columns.Labels(doc).Themes;
    public IReadOnlyList<string> DirectiveTypes => columns.Labels(doc).Types;
    /// <summary>Sentences as (start, end, directive type or null), decoded on demand from the stored form.</summary>
    public IReadOnlyList<(int Start, int End, string? Type)> Sentences => columns.Sentences(doc);

    /// <summary>
    /// The passage's match form, built from <see cref="SourceText"/> on first use: most passages are never confirmed by a
    /// phrase, so loading a snapshot does not build them all (two threads may both build it once; either result is kept).
    /// </summary>
    internal string MatchText => columns.MatchText(doc);

    /// <summary>How often <see cref="MatchText"/> holds <paramref name="needle"/> as a whole, without keeping a match text it had not (<see cref="PassageColumns.CountInMatchText"/>).</summary>
    internal int CountInMatchText(string needle, ref char[] buffer, Analysis.MatchText.Excludes? except = null) => columns.CountInMatchText(doc, needle, ref buffer, except);

    /// <summary>The passage's match form without keeping it (<see cref="PassageColumns.MatchTextIn"/>): its kept match text, else written into <paramref name="buffer"/>.</summary>
    internal ReadOnlySpan<char> MatchTextIn(ref char[] buffer) => columns.MatchTextIn(doc, ref buffer);

    /// <summary>The whole text of the passage's speech, which <see cref="Start"/> and <see cref="End"/> index into.</summary>
    internal ReadOnlySpan<char> SourceText => columns.SourceText(doc);

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
}
