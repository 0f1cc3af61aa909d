using SpeechArchive.Structure;

namespace SpeechArchive.Classification;

/// <summary>One speech being classified: its text, structure, units in document order and the cues found in each unit.</summary>
internal sealed class SpeechWork
{
    private readonly CueHit[] allHits;
    private readonly (int Offset, int Count)[] headingHits;
    private readonly (int Offset, int Count)[][] sentenceHits;

    public SpeechWork(Taxonomy taxonomy, string text, SpeechStructure structure)
    {
        Text = text;
        Structure = structure;
        var matcher = taxonomy.Matcher;
        var scratch = new MatchScratch();
        var hits = new List<CueHit>();
        headingHits = new (int, int)[structure.Sections.Count];
        for (var s = 0; s < headingHits.Length; s++)
        {
            headingHits[s] = Match(matcher, scratch, structure.Sections[s].HeadingSpan, hits);
        }

        sentenceHits = new (int, int)[structure.Passages.Count][];
        for (var p = 0; p < sentenceHits.Length; p++)
        {
            var sentences = structure.Passages[p].Sentences;
            var ranges = sentenceHits[p] = new (int, int)[sentences.Count];
            for (var k = 0; k < ranges.Length; k++)
            {
                ranges[k] = Match(matcher, scratch, sentences[k], hits);
            }
        }

        allHits = [.. hits];
    }

    public string Text { get; }

    public SpeechStructure Structure { get; }

    public ArraySegment<CueHit> HeadingHits(int section) => Segment(headingHits[section]);

    public ArraySegment<CueHit> SentenceHits(int passage, int sentence) => Segment(sentenceHits[passage][sentence]);

    public ArraySegment<CueHit> HitsOf(SpeechUnit unit) =>
        unit.IsHeading ? HeadingHits(unit.SectionOrdinal) : SentenceHits(unit.PassageIndex, unit.SentenceIndex);

    /// <summary>Where a context opened inside the section (or the whole speech, for -1) ends.</summary>
    public int ScopeEnd(int sectionOrdinal) =>
        sectionOrdinal >= 0 && sectionOrdinal < Structure.Sections.Count ? Structure.Sections[sectionOrdinal].Span.End : Text.Length;

    public string Snippet(int start, int end, int max = 24)
    {
        var (s, e) = Clamp(new TextSpan(start, end));
        var text = Text[s..e].Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }

    /// <summary>
    /// True when the passage is an enumerated item: it has a point label (一是, 第一，, 一要) or starts with a point
    /// marker, a dash (——) or 一方面/另一方面/首先/其次/最后.
    /// </summary>
    public bool IsPoint(int passageIndex)
    {
        var passage = Structure.Passages[passageIndex];
        if (passage.PointLabel is not null)
        {
            return true;
        }

        var (start, end) = Clamp(passage.Span);
        while (start < end && char.IsWhiteSpace(Text[start]))
        {
            start++;
        }

        if (SentenceBody.MarkerLength(Text, start, end) > 0)
        {
            return true;
        }

        var opening = Text.AsSpan(start, Math.Min(4, end - start));
        return opening.StartsWith("——") || opening.StartsWith("一方面") || opening.StartsWith("另一方面")
            || opening.StartsWith("首先") || opening.StartsWith("其次") || opening.StartsWith("最后");
    }

    public List<SpeechUnit> Units()
    {
        var units = new List<SpeechUnit>();
        var sections = Structure.Sections;
        for (var s = 0; s < sections.Count; s++)
        {
            units.Add(new SpeechUnit(sections[s].HeadingSpan.Start, sections[s].HeadingSpan.End, s, -1, -1));
        }

        for (var p = 0; p < Structure.Passages.Count; p++)
        {
            var passage = Structure.Passages[p];
            for (var k = 0; k < passage.Sentences.Count; k++)
            {
                units.Add(new SpeechUnit(passage.Sentences[k].Start, passage.Sentences[k].End, passage.SectionOrdinal, p, k));
            }
        }

        units.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.PassageIndex.CompareTo(b.PassageIndex));
        return units;
    }

    private ArraySegment<CueHit> Segment((int Offset, int Count) range) => new(allHits, range.Offset, range.Count);

    /// <summary>Appends the cues of one span to the shared list and returns where they stand in it.</summary>
    private (int Offset, int Count) Match(CueMatcher matcher, MatchScratch scratch, TextSpan span, List<CueHit> hits)
    {
        var offset = hits.Count;
        var (start, end) = Clamp(span);
        if (end > start)
        {
            matcher.Match(Text, start, end, scratch, hits);
        }

        return (offset, hits.Count - offset);
    }

    private (int Start, int End) Clamp(TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, Text.Length);
        return (start, Math.Clamp(span.End, start, Text.Length));
    }
}
