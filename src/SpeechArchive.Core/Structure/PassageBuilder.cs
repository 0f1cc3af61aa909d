using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>Turns paragraphs into passages: one per inline point, over-long ones cut at sentence ends, each with its sentences.</summary>
internal sealed class PassageBuilder(string text)
{
    private readonly List<Passage> passages = [];
    private readonly List<TextSpan> pieces = [];

    public List<Passage> Passages => passages;

    /// <summary>Adds the passages of the trimmed paragraph text[start..end) in the given section.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddParagraph(int start, int end, int sectionOrdinal, IReadOnlyList<string> sectionPath)
    {
        PointMarker? opening = PointMarkerReader.TryRead(text, start, end, out PointMarker marker) ? marker : null;
        string? label = opening?.LabelIn(text);
        int pieceStart = start;
        foreach (PointMarker point in InlinePointSplitter.Find(text, start, end, opening))
        {
            AddPiece(pieceStart, point.Start, label, sectionOrdinal, sectionPath);
            pieceStart = point.Start;
            label = point.LabelIn(text);
        }

        AddPiece(pieceStart, end, label, sectionOrdinal, sectionPath);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddPiece(int start, int end, string? label, int sectionOrdinal, IReadOnlyList<string> sectionPath)
    {
        start = TextChars.SkipSpace(text, start, end);
        end = TextChars.TrimEnd(text, start, end);
        if (end <= start)
        {
            return;
        }

        pieces.Clear();
        PassageChunker.Cut(text, start, end, pieces);
        for (int i = 0; i < pieces.Count; i++)
        {
            TextSpan span = pieces[i];
            List<TextSpan> sentences = SentenceSplitter.Split(text, span.Start, span.End);
            passages.Add(new Passage(passages.Count, span, sectionOrdinal, sectionPath, i == 0 ? label : null, sentences));
        }
    }
}
