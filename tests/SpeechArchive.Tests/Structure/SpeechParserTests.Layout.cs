using SpeechArchive.Documents;
using SpeechArchive.Structure;
using static SpeechArchive.Tests.Structure.StructureFixtures;

namespace SpeechArchive.Tests.Structure;

public static partial class SpeechParserTests
{
    /// <summary>Titles, salutations and headings on small texts (Fixtures/Structure/titles.tsv, salutations.tsv, headings.tsv).</summary>
    public sealed class Layout
    {
        public static TheoryData<string, string, string, string> Titles => Table4("titles.tsv");

        public static TheoryData<string, string, string, string> Salutations => Table4("salutations.tsv");

        public static TheoryData<string, string, string> Headings => Table3("headings.tsv");

        [Theory]
        [MemberData(nameof(Titles))]
        public void WhenTheTextOpensWithShortLines_ShouldTakeThemAsTitleOnlyWhenTitleShaped(string name, string text, string knownTitle, string title)
        {
            text = Unescape(text);

            SpeechStructure structure = SpeechParser.Parse(text, new SpeechParseOptions { KnownTitle = NoneAsNull(knownTitle) });

            Assert.Equal(NoneAsNull(Unescape(title)), Slice(text, structure.Title));
            StructureInvariants.Check(text, structure, name);
        }

        [Theory]
        [InlineData("inner 雪松林计划 test", "inner 雪松林计划 test")]
        [InlineData("# 雪松林计划", "雪松林计划")]
        [InlineData("踔厉奋发，笃行不怠\n坚定不移推进全面从严治党", "踔厉奋发 笃行不怠——坚定不移推进全面从严治党")]
        public void WhenTheTextIsOnlyItsTitle_ShouldKeepItAsItsPassages(string text, string knownTitle)
        {
            // A one-line upload: its line inferred as its title made no passage, and no search found it (a user trial).
            var headings = text.StartsWith('#') ? new[] { new HeadingHint(0, 1) } : [];
            text = text.TrimStart('#', ' ');

            SpeechStructure structure = SpeechParser.Parse(text, new SpeechParseOptions { KnownTitle = knownTitle, Headings = headings });

            Assert.Null(structure.Title);
            Assert.Equal(text.Split('\n'), structure.Passages.Select(p => Slice(text, p.Span)));
            StructureInvariants.Check(text, structure, knownTitle);
        }

        [Theory]
        [InlineData("关于加强作风建设的几点意见\n一、加强学习\n二、改进作风", "关于加强作风建设的几点意见", false)]
        [InlineData("关于加强作风建设的几点意见\n同志们：\n一、加强学习\n（一）学深悟透\n二、改进作风", "关于加强作风建设的几点意见", false)]
        [InlineData("关于加强作风建设的几点意见\n加强学习\n改进作风", "关于加强作风建设的几点意见", true)]
        public void WhenTheTextIsATitleAndHeadingsOnly_ShouldKeepItsHeadingsAsItsPassages(string text, string title, bool hinted)
        {
            // An outline uploaded: as sections its headings made no passage, and no search found the speech.
            var headings = hinted ? new[] { new HeadingHint(text.IndexOf("加强学习", StringComparison.Ordinal), 2), new HeadingHint(text.IndexOf("改进作风", StringComparison.Ordinal), 2) } : [];

            SpeechStructure structure = SpeechParser.Parse(text, new SpeechParseOptions { KnownTitle = title, Headings = headings });

            Assert.Equal(title, Slice(text, structure.Title));
            Assert.Empty(structure.Sections);
            var lines = text.Split('\n').Skip(1).Where(l => l != "同志们：");
            Assert.Equal(lines, structure.Passages.Select(p => Slice(text, p.Span)));
            StructureInvariants.Check(text, structure, title);
        }

        [Fact]
        public void WhenAHeadingHasAParagraphUnderIt_ShouldKeepTheHeadingsAsSections()
        {
            const string text = "关于加强作风建设的几点意见\n一、加强学习\n二、改进作风\n要改进作风。";

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Equal(2, structure.Sections.Count);
            Assert.Equal("要改进作风。", Slice(text, Assert.Single(structure.Passages).Span));
        }

        [Theory]
        [MemberData(nameof(Salutations))]
        public void WhenTheBodyOpensWithAnAddress_ShouldTakeItAsSalutation(string name, string text, string salutation, string firstPassage)
        {
            text = Unescape(text);

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Equal(NoneAsNull(salutation), Slice(text, structure.Salutation));
            Assert.NotEmpty(structure.Passages);
            Assert.StartsWith(firstPassage, Slice(text, structure.Passages[0].Span), StringComparison.Ordinal);
            StructureInvariants.Check(text, structure, name);
        }

        [Theory]
        [MemberData(nameof(Headings))]
        public void WhenLinesAreNumbered_ShouldNestHeadingsByTheirNumberingStyle(string name, string text, string outline)
        {
            text = Unescape(text);

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Equal(outline, Outline(structure));
            StructureInvariants.Check(text, structure, name);
        }

        [Fact]
        public void WhenSectionsNest_ShouldGivePassagesTheirPathAndSectionsTheirExtent()
        {
            const string text = "开场白。\n一、总体要求\n（一）指导思想\n正文在此。\n（二）主要目标\n目标正文。\n二、重点任务\n任务正文。";

            SpeechStructure structure = SpeechParser.Parse(text);

            Passage body = Assert.Single(structure.Passages, p => Slice(text, p.Span) == "正文在此。");
            Assert.Equal(["一、总体要求", "（一）指导思想"], body.SectionPath);
            Assert.Equal("（一）", structure.Sections[body.SectionOrdinal].Label);
            Assert.Equal(-1, structure.Passages[0].SectionOrdinal);
            Assert.Equal("一、总体要求\n（一）指导思想\n正文在此。\n（二）主要目标\n目标正文。", Slice(text, structure.Sections[0].Span));
            Assert.Equal("（一）指导思想\n正文在此。", Slice(text, structure.Sections[1].Span));
            Assert.Equal(0, structure.Sections[2].ParentOrdinal);
            Assert.Equal("二、重点任务\n任务正文。", Slice(text, structure.Sections[3].Span));
        }

        [Fact]
        public void WhenHeadingHintsAreGiven_ShouldTakeThoseLinesAsHeadingsAtTheirLevel()
        {
            const string text = "开场白。\n总体要求\n正文一。\n具体措施\n（一）细则\n正文二。\n三、补充说明。";
            var options = new SpeechParseOptions
            {
                Headings = [new HeadingHint(text.IndexOf("总体要求", StringComparison.Ordinal), 1), new HeadingHint(text.IndexOf("具体措施", StringComparison.Ordinal), 1),
                    new HeadingHint(text.IndexOf("三、", StringComparison.Ordinal), 2)],
            };

            SpeechStructure structure = SpeechParser.Parse(text, options);

            Assert.Equal("1:总体要求|1:具体措施|2:（一）细则|2:三、补充说明。", Outline(structure));
            Assert.Equal(["", "", "（一）", "三、"], structure.Sections.Select(s => s.Label));
            Assert.Equal("具体措施 › （一）细则", Assert.Single(structure.Passages, p => Slice(text, p.Span) == "正文二。").SectionPathText);
            StructureInvariants.Check(text, structure, "hints");
        }

        [Fact]
        public void WhenHeadingHintsPointOutsideTheText_ShouldIgnoreThem()
        {
            const string text = "开场白。\n\n正文。";
            var options = new SpeechParseOptions { Headings = [new HeadingHint(-5, 1), new HeadingHint(5, 1), new HeadingHint(10_000, 2)] };

            SpeechStructure structure = SpeechParser.Parse(text, options);

            Assert.Empty(structure.Sections);
            Assert.Equal(2, structure.Passages.Count);
        }
    }
}
