namespace SpeechArchive.Structure;

/// <summary>A numbering marker at <see cref="Start"/>: its style, its number and the length of the label as written.</summary>
internal readonly record struct PointMarker(MarkerStyle Style, int Number, int Start, int Length)
{
    public string LabelIn(string text) => text.Substring(Start, Length);
}
