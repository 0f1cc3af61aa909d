namespace SpeechArchive.Structure;

/// <summary>
/// Keeps the stack of open sections. A heading closes the open sections of its own numbering style and everything inside
/// them; a style not yet open nests under the current section, after closing sections of deeper nominal rank
/// (a 一、 closes an open 1.). Markdown-hinted headings take their given level.
/// </summary>
internal sealed class SectionTracker(string text)
{
    private static readonly string[] NoPath = [];

    private readonly List<SectionDraft> all = [];
    private readonly List<SectionDraft> open = [];
    private int lastContentEnd;

    public int CurrentOrdinal => open.Count == 0 ? -1 : open[^1].Ordinal;

    public IReadOnlyList<string> CurrentPath => open.Count == 0 ? NoPath : open[^1].Path;

    /// <summary>Records that the text up to <paramref name="end"/> belongs to the open sections.</summary>
    public void NoteContent(int end) => lastContentEnd = end;

    public void OpenNumbered(TextLine line, PointMarker marker)
    {
        int same = open.FindLastIndex(s => !s.Hinted && s.Style == marker.Style);
        if (same >= 0)
        {
            CloseFrom(same);
        }
        else if (marker.Style.Rank() > 0)
        {
            int keep = open.Count;
            while (keep > 0 && !open[keep - 1].Hinted && open[keep - 1].Style.Rank() >= marker.Style.Rank())
            {
                keep--;
            }

            CloseFrom(keep);
        }

        int level = open.Count == 0 ? 1 : open[^1].Level + 1;
        Push(line, level, marker.Style, hinted: false, marker.LabelIn(text));
    }

    public void OpenHinted(TextLine line, int level)
    {
        level = Math.Max(1, level);
        int keep = open.Count;
        while (keep > 0 && open[keep - 1].Level >= level)
        {
            keep--;
        }

        CloseFrom(keep);
        bool numbered = PointMarkerReader.TryRead(text, line.Start, line.End, out PointMarker marker) && marker.Style.CanBeHeading();
        Push(line, level, numbered ? marker.Style : MarkerStyle.None, hinted: true, numbered ? marker.LabelIn(text) : string.Empty);
    }

    public List<Section> Finish()
    {
        CloseFrom(0);
        return all.ConvertAll(s => s.ToSection());
    }

    private void Push(TextLine line, int level, MarkerStyle style, bool hinted, string label)
    {
        string heading = text.Substring(line.Start, line.Length);
        string[] path = [.. CurrentPath, heading];
        var draft = new SectionDraft(all.Count, level, style, hinted, label, heading, new TextSpan(line.Start, line.End), CurrentOrdinal, path);
        all.Add(draft);
        open.Add(draft);
        lastContentEnd = line.End;
    }

    private void CloseFrom(int index)
    {
        for (int i = index; i < open.Count; i++)
        {
            open[i].End = lastContentEnd;
        }

        open.RemoveRange(index, open.Count - index);
    }
}
