using SpeechArchive.Classification;
using SpeechArchive.Structure;
using Xunit.Abstractions;
using static SpeechArchive.Tests.Classification.ClassificationFixtures;

namespace SpeechArchive.Tests.Classification;

public sealed partial class SpeechClassifierTests
{
    /// <summary>Real sentences and passages of ../shared/corpus/seeds; expectations in Fixtures/Classification/seed-*.tsv were written by reading.</summary>
    public sealed class Seeds(ITestOutputHelper output)
    {
        private static readonly string[] SeedFiles =
        [
            "000_39643405c31a4271.txt", "001_d360594ca85ace08.txt", "002_22fd2559203ccce3.txt", "003_9825695c093ec318.txt",
            "004_c0712a82aed4905c.txt",
        ];

        public static TheoryData<string, string, string> Directives => Table3("seed-directives.tsv");

        public static TheoryData<string, string, string> Themes => Table3("seed-themes.tsv");

        [SkippableTheory]
        [MemberData(nameof(Directives))]
        public void WhenClassifyingASeedSentence_ShouldGiveTheTypeAReaderGives(string seed, string text, string expected)
        {
            var speech = Seed(seed);

            var at = speech.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, $"fixture text not found in {seed}: {text}");
            var sentence = Default.ClassifyText(speech).Sentences.Single(s => s.Start <= at && at < s.End);
            output.WriteLine(string.Join("\n", sentence.Reasons));

            Assert.Equal(NoneAsNull(expected), sentence.DirectiveType);
        }

        [SkippableTheory]
        [MemberData(nameof(Themes))]
        public void WhenClassifyingASeedPassage_ShouldFindItsMainThemes(string seed, string start, string expected)
        {
            var speech = Seed(seed);

            var at = speech.IndexOf(start, StringComparison.Ordinal);
            var passage = Default.ClassifyText(speech).Passages.Single(p => p.Start <= at && at < p.End);
            output.WriteLine(string.Join("\n", passage.Reasons));

            if (NoneAsNull(expected) is null)
            {
                Assert.Empty(passage.Themes);
            }
            else
            {
                Assert.All(expected.Split(','), theme => Assert.Contains(theme, passage.Themes));
            }
        }

        [SkippableFact]
        public void WhenClassifyingEverySeed_ShouldGiveEveryLabelItsReasons()
        {
            foreach (var file in SeedFiles)
            {
                var speech = Seed(file);

                var structure = SpeechParser.Parse(speech);
                var labels = Default.Classify(speech, structure);

                Assert.Equal(structure.Passages.Count, labels.Passages.Count);
                Assert.Equal(structure.Sections.Count, labels.Headings.Count);
                Assert.All(labels.Headings, h => Assert.NotEmpty(h.Reasons));
                Assert.All(labels.Passages, p =>
                {
                    Assert.NotEmpty(p.Reasons);
                    Assert.InRange(p.Themes.Count, 0, Taxonomy.Default.Settings.MaxThemes);
                    Assert.All(p.Sentences, s => Assert.NotEmpty(s.Reasons));
                });
                Assert.All(labels.ThemeShares.Values, share => Assert.InRange(share, 0, 1));
            }
        }
    }
}
