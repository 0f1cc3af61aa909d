using System.Text;
using SpeechArchive.Structure;

namespace SpeechArchive.Tests.Structure;

/// <summary>Checks what must hold for any parse: spans inside the text, in order, not overlapping, covering every non-space character once.</summary>
internal static class StructureInvariants
{
    public static void Check(string text, SpeechStructure structure, string name)
    {
        var owned = new bool[text.Length];
        Claim(text, owned, structure.Title, $"{name}: title");
        Claim(text, owned, structure.Salutation, $"{name}: salutation");
        CheckSections(text, structure.Sections, owned, name);
        CheckPassages(text, structure, owned, name);
        for (int i = 0; i < text.Length; i++)
        {
            if (!owned[i] && !IsSpace(text[i]))
            {
                Assert.Fail($"{name}: character {i} ('{text[i]}') belongs to no title, salutation, heading or passage");
            }
        }
    }

    private static void CheckSections(string text, IReadOnlyList<Section> sections, bool[] owned, string name)
    {
        for (int i = 0; i < sections.Count; i++)
        {
            Section section = sections[i];
            string where = $"{name}: section {i} {section.Heading}";
            Assert.Equal(i, section.Ordinal);
            Assert.True(section.Level >= 1, where);
            Claim(text, owned, section.HeadingSpan, where);
            Assert.Equal(section.Heading, text[section.HeadingSpan.Start..section.HeadingSpan.End]);
            Assert.StartsWith(section.Label, section.Heading, StringComparison.Ordinal);
            Assert.Equal(section.HeadingSpan.Start, section.Span.Start);
            Assert.True(section.Span.End >= section.HeadingSpan.End && section.Span.End <= text.Length, where);
            if (section.ParentOrdinal >= 0)
            {
                Section parent = sections[section.ParentOrdinal];
                Assert.True(section.ParentOrdinal < i && parent.Level < section.Level, where);
                Assert.True(parent.Span.Start <= section.Span.Start && section.Span.End <= parent.Span.End, $"{where} lies outside its parent");
            }

            if (i > 0 && sections[i - 1].ParentOrdinal == section.ParentOrdinal)
            {
                Assert.True(sections[i - 1].Span.End <= section.Span.Start, $"{where} overlaps its previous sibling");
            }
        }
    }

    private static void CheckPassages(string text, SpeechStructure structure, bool[] owned, string name)
    {
        int previousEnd = 0;
        for (int i = 0; i < structure.Passages.Count; i++)
        {
            Passage passage = structure.Passages[i];
            string where = $"{name}: passage {i}";
            Assert.Equal(i, passage.Ordinal);
            Claim(text, owned, passage.Span, where);
            Assert.True(passage.Span.Start >= previousEnd, $"{where} is out of order");
            previousEnd = passage.Span.End;
            string body = text[passage.Span.Start..passage.Span.End];
            Assert.True(passage.PointLabel is null || body.StartsWith(passage.PointLabel, StringComparison.Ordinal), $"{where} does not begin with {passage.PointLabel}");
            CheckSection(structure, passage, where);
            CheckSentences(text, passage, body, where);
        }
    }

    private static void CheckSection(SpeechStructure structure, Passage passage, string where)
    {
        if (passage.SectionOrdinal < 0)
        {
            Assert.Empty(passage.SectionPath);
            Assert.True(structure.Sections.Count == 0 || passage.Span.End <= structure.Sections[0].HeadingSpan.Start, $"{where} has no section but follows a heading");
            return;
        }

        var path = new List<string>();
        for (int ordinal = passage.SectionOrdinal; ordinal >= 0; ordinal = structure.Sections[ordinal].ParentOrdinal)
        {
            path.Insert(0, structure.Sections[ordinal].Heading);
        }

        Assert.Equal(path, passage.SectionPath);
        Section section = structure.Sections[passage.SectionOrdinal];
        Assert.True(section.Span.Start <= passage.Span.Start && passage.Span.End <= section.Span.End, $"{where} lies outside its section");
    }

    private static void CheckSentences(string text, Passage passage, string body, string where)
    {
        Assert.NotEmpty(passage.Sentences);
        int previousEnd = passage.Span.Start;
        var joined = new StringBuilder();
        foreach (TextSpan sentence in passage.Sentences)
        {
            Assert.True(sentence.Start >= previousEnd && sentence.End <= passage.Span.End && sentence.Length > 0, $"{where}: sentence {sentence} is out of place");
            Assert.False(IsSpace(text[sentence.Start]) || IsSpace(text[sentence.End - 1]), $"{where}: sentence {sentence} is not trimmed");
            joined.Append(WithoutSpace(text[sentence.Start..sentence.End]));
            previousEnd = sentence.End;
        }

        Assert.Equal(WithoutSpace(body), joined.ToString());
    }

    private static void Claim(string text, bool[] owned, TextSpan? span, string where)
    {
        if (span is not { } s)
        {
            return;
        }

        Assert.True(s.Start >= 0 && s.End <= text.Length && s.Length > 0, $"{where}: span {s} is empty or outside the text");
        Assert.False(IsSpace(text[s.Start]) || IsSpace(text[s.End - 1]), $"{where}: span {s} is not trimmed");
        for (int i = s.Start; i < s.End; i++)
        {
            if (owned[i])
            {
                Assert.Fail($"{where}: span {s} overlaps another part at {i}");
            }

            owned[i] = true;
        }
    }

    private static string WithoutSpace(string value) => string.Concat(value.Where(c => !IsSpace(c)));

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';
}
