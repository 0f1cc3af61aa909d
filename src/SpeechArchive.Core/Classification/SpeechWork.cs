using SpeechArchive.Structure;

namespace SpeechArchive.Classification;

/// <summary>One speech being classified: its text, structure, units in document order and the cues found in each unit.</summary>
internal sealed class SpeechWork
{
    private readonly List<CueHit>[] headingHits;
    private readonly List<CueHit>[][] sentenceHits;

    public SpeechWork(Taxonomy taxonomy, string text, SpeechStructure structure)
    {
        Text = text;
        Structure = structure;
        var matcher = taxonomy.Matcher;
        var scratch = new MatchScratch();
        headingHits = [.. structure.Sections.Select(s => Match(matcher, scratch, s.HeadingSpan))];
        sentenceHits = [.. structure.Passages.Select(p => p.Sentences.Select(s => Match(matcher, scratch, s)).ToArray())];
    }

    public string Text { get; }

    public SpeechStructure Structure { get; }

    public List<CueHit> HeadingHits(int section) => headingHits[section];

    public List<CueHit> SentenceHits(int passage, int sentence) => sentenceHits[passage][sentence];

    public List<CueHit> HitsOf(SpeechUnit unit) =>
        unit.IsHeading ? headingHits[unit.SectionOrdinal] : sentenceHits[unit.PassageIndex][unit.SentenceIndex];

    /// <summary>Where a context opened inside the section (or the whole speech, for -1) ends.</summary>
    public int ScopeEnd(int sectionOrdinal) =>
        sectionOrdinal >= 0 && sectionOrdinal < Structure.Sections.Count ? Structure.Sections[sectionOrdinal].Span.End : Text.Length;

    public string Snippet(int start, int end, int max = 24)
    {
        var (s, e) = Clamp(new TextSpan(start, end));
        var text = Text[s..e].Trim();
        return text.Length <= max ? text : text[..max] + "…";
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

    private List<CueHit> Match(CueMatcher matcher, MatchScratch scratch, TextSpan span)
    {
        var hits = new List<CueHit>();
        var (start, end) = Clamp(span);
        if (end > start)
        {
            matcher.Match(Text, start, end, scratch, hits);
        }

        return hits;
    }

    private (int Start, int End) Clamp(TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, Text.Length);
        return (start, Math.Clamp(span.End, start, Text.Length));
    }
}
