using SpeechArchive.Structure;
using Xunit.Abstractions;
using static SpeechArchive.Tests.Structure.StructureFixtures;

namespace SpeechArchive.Tests.Structure;

public static partial class SpeechParserTests
{
    /// <summary>The five sample speeches of ../shared/corpus/seeds; expectations in Fixtures/Structure/seed-*.tsv were written by reading them.</summary>
    public sealed class Seeds(ITestOutputHelper output)
    {
        public static TheoryData<string, string, string> Openings => Table3("seed-openings.tsv");

        public static TheoryData<string, string, string, string> SelectedPassages => Table4("seed-passages.tsv");

        public static TheoryData<string, string, string> PointSplits => Table3("seed-point-splits.tsv");

        [Theory]
        [MemberData(nameof(Openings))]
        public void WhenParsingASeed_ShouldFindItsTitleAndSalutation(string seed, string title, string salutation)
        {
            if (Read(seed) is not { } text)
            {
                return;
            }

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Equal(NoneAsNull(Unescape(title)), Slice(text, structure.Title));
            Assert.Equal(NoneAsNull(salutation), Slice(text, structure.Salutation));
        }

        [Fact]
        public void WhenParsingEachSeed_ShouldFindItsHeadingsInOrder()
        {
            foreach (var seed in Rows("seed-headings.tsv").GroupBy(row => row[0]))
            {
                if (Read(seed.Key) is not { } text)
                {
                    return;
                }

                SpeechStructure structure = SpeechParser.Parse(text);

                Assert.Equal(string.Join("|", seed.Select(row => $"{row[1]}:{row[2]}")), Outline(structure));
            }
        }

        [Theory]
        [MemberData(nameof(SelectedPassages))]
        public void WhenParsingASeed_ShouldPlacePassagesInTheirSections(string seed, string begins, string path, string label)
        {
            if (Read(seed) is not { } text)
            {
                return;
            }

            SpeechStructure structure = SpeechParser.Parse(text);

            Passage passage = Assert.Single(structure.Passages, p => text.AsSpan(p.Span.Start, p.Span.Length).StartsWith(begins, StringComparison.Ordinal));
            Assert.Equal(NoneAsNull(path) ?? string.Empty, passage.SectionPathText);
            Assert.Equal(NoneAsNull(label), passage.PointLabel);
        }

        [Theory]
        [MemberData(nameof(PointSplits))]
        public void WhenASeedParagraphRunsPointsInline_ShouldSplitItAtEachPoint(string seed, string lineBegins, string labels)
        {
            if (Read(seed) is not { } text)
            {
                return;
            }

            int start = text.StartsWith(lineBegins, StringComparison.Ordinal) ? 0 : text.IndexOf("\n" + lineBegins, StringComparison.Ordinal) + 1;
            Assert.True(start > 0 || text.StartsWith(lineBegins, StringComparison.Ordinal), $"no line begins with {lineBegins}");
            int end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Equal(labels, Labels(structure.Passages.Where(p => p.Span.Start >= start && p.Span.End <= end)));
        }

        [Fact]
        public void WhenParsingEachSeed_ShouldKeepTheInvariants()
        {
            if (SharedCorpus.FindOrExplain("seeds", output) is not { } folder)
            {
                return;
            }

            foreach (string file in Directory.GetFiles(folder, "*.txt"))
            {
                string text = File.ReadAllText(file);
                StructureInvariants.Check(text, SpeechParser.Parse(text), Path.GetFileName(file));
            }
        }

        private string? Read(string seed)
        {
            if (SharedCorpus.FindOrExplain("seeds", output) is not { } folder)
            {
                return null;
            }

            return File.ReadAllText(Assert.Single(Directory.GetFiles(folder, seed + "_*.txt")));
        }
    }
}
