using SpeechArchive.Structure;
using static SpeechArchive.Tests.Structure.StructureFixtures;

namespace SpeechArchive.Tests.Structure;

public static partial class SpeechParserTests
{
    /// <summary>The five sample speeches of ../shared/corpus/seeds; expectations in Fixtures/Structure/seed-*.tsv were written by reading them.</summary>
    public sealed class Seeds
    {
        public static TheoryData<string, string, string> Openings => Table3("seed-openings.tsv");

        public static TheoryData<string, string, string, string> SelectedPassages => Table4("seed-passages.tsv");

        public static TheoryData<string, string, string> PointSplits => Table3("seed-point-splits.tsv");

        [SkippableTheory]
        [MemberData(nameof(Openings))]
        public void WhenParsingASeed_ShouldFindItsTitleAndSalutation(string seed, string title, string salutation)
        {
            var text = Read(seed);

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Equal(NoneAsNull(Unescape(title)), Slice(text, structure.Title));
            Assert.Equal(NoneAsNull(salutation), Slice(text, structure.Salutation));
        }

        [SkippableFact]
        public void WhenParsingEachSeed_ShouldFindItsHeadingsInOrder()
        {
            foreach (var seed in Rows("seed-headings.tsv").GroupBy(row => row[0]))
            {
                var text = Read(seed.Key);

                SpeechStructure structure = SpeechParser.Parse(text);

                Assert.Equal(string.Join("|", seed.Select(row => $"{row[1]}:{row[2]}")), Outline(structure));
            }
        }

        [SkippableTheory]
        [MemberData(nameof(SelectedPassages))]
        public void WhenParsingASeed_ShouldPlacePassagesInTheirSections(string seed, string begins, string path, string label)
        {
            var text = Read(seed);

            SpeechStructure structure = SpeechParser.Parse(text);

            Passage passage = Assert.Single(structure.Passages, p => text.AsSpan(p.Span.Start, p.Span.Length).StartsWith(begins, StringComparison.Ordinal));
            Assert.Equal(NoneAsNull(path) ?? string.Empty, passage.SectionPathText);
            Assert.Equal(NoneAsNull(label), passage.PointLabel);
        }

        [SkippableTheory]
        [MemberData(nameof(PointSplits))]
        public void WhenASeedParagraphRunsPointsInline_ShouldSplitItAtEachPoint(string seed, string lineBegins, string labels)
        {
            var text = Read(seed);

            int start = text.StartsWith(lineBegins, StringComparison.Ordinal) ? 0 : text.IndexOf("\n" + lineBegins, StringComparison.Ordinal) + 1;
            Assert.True(start > 0 || text.StartsWith(lineBegins, StringComparison.Ordinal), $"no line begins with {lineBegins}");
            int end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Equal(labels, Labels(structure.Passages.Where(p => p.Span.Start >= start && p.Span.End <= end)));
        }

        [SkippableFact]
        public void WhenParsingEachSeed_ShouldKeepTheInvariants()
        {
            var folder = SharedCorpus.Require("seeds");
            foreach (string file in Directory.GetFiles(folder, "*.txt"))
            {
                string text = File.ReadAllText(file);
                StructureInvariants.Check(text, SpeechParser.Parse(text), Path.GetFileName(file));
            }
        }

        /// <summary>The text of a seed; skips the test when ../shared/corpus/seeds is absent.</summary>
        private static string Read(string seed) =>
            File.ReadAllText(Assert.Single(Directory.GetFiles(SharedCorpus.Require("seeds"), seed + "_*.txt")));
    }
}
