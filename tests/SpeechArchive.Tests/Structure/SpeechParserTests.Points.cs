using SpeechArchive.Structure;
using static SpeechArchive.Tests.Structure.StructureFixtures;

namespace SpeechArchive.Tests.Structure;

public static partial class SpeechParserTests
{
    /// <summary>Paragraphs that run points inline (Fixtures/Structure/inline-points.tsv) and sentence splitting (sentences.tsv).</summary>
    public sealed class PointsAndSentences
    {
        public static TheoryData<string, string, string> InlinePoints => Table3("inline-points.tsv");

        public static TheoryData<string, string, string> Sentences => Table3("sentences.tsv");

        [Theory]
        [MemberData(nameof(InlinePoints))]
        public void WhenAParagraphRunsPoints_ShouldSplitItIntoLabelledPassages(string name, string paragraph, string labels)
        {
            SpeechStructure structure = SpeechParser.Parse(paragraph);

            Assert.Equal(labels, Labels(structure.Passages));
            StructureInvariants.Check(paragraph, structure, name);
        }

        [Theory]
        [MemberData(nameof(Sentences))]
        public void WhenAPassageHasSentenceEnds_ShouldSplitItIntoSentences(string name, string paragraph, string sentences)
        {
            SpeechStructure structure = SpeechParser.Parse(paragraph);

            Passage passage = Assert.Single(structure.Passages);
            Assert.Equal(sentences, string.Join("|", passage.Sentences.Select(s => paragraph[s.Start..s.End])));
            StructureInvariants.Check(paragraph, structure, name);
        }

        [Fact]
        public void WhenPointsAreSplit_ShouldEachPassageStartAtItsMarker()
        {
            const string paragraph = "主要表现在：一是局面还待形成。二是意识还待提升。";

            SpeechStructure structure = SpeechParser.Parse(paragraph);

            Assert.Equal(["主要表现在：", "一是局面还待形成。", "二是意识还待提升。"], structure.Passages.Select(p => paragraph[p.Span.Start..p.Span.End]));
        }
    }
}
