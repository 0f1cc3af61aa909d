using System.Text;
using SpeechArchive.Structure;

namespace SpeechArchive.Tests.Structure;

public static partial class SpeechParserTests
{
    /// <summary>Over-long paragraphs and sentences, huge lines, empty and odd input.</summary>
    public sealed class LongText
    {
        [Fact]
        public void WhenAParagraphIsLong_ShouldCutItIntoPassagesAtSentenceEnds()
        {
            var builder = new StringBuilder();
            for (int i = 0; i < 60; i++)
            {
                builder.Append('第').Append(i).Append("句话").Append('文', 10 + (i * 7 % 30)).Append('。');
            }

            string text = builder.ToString();

            SpeechStructure structure = SpeechParser.Parse(text);

            List<string> passages = structure.Passages.Select(p => text[p.Span.Start..p.Span.End]).ToList();
            Assert.True(passages.Count >= 3, $"{text.Length} characters gave {passages.Count} passages");
            Assert.All(passages, p => Assert.EndsWith("。", p, StringComparison.Ordinal));
            Assert.All(passages, p => Assert.InRange(p.Length, 200, 800));
            Assert.All(passages.SkipLast(2), p => Assert.InRange(p.Length, 300, 600));
            Assert.Equal(text, string.Concat(passages));
            StructureInvariants.Check(text, structure, "long paragraph");
        }

        [Fact]
        public void WhenAParagraphIsJustOverTheLimit_ShouldKeepItWhole()
        {
            string text = string.Concat(Enumerable.Repeat("这是一个用来凑足长度的句子。", 57));

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.InRange(text.Length, 780, 800);
            Assert.Single(structure.Passages);
        }

        [Fact]
        public void WhenASentenceHasNoEnd_ShouldCutItAtACommaWithinTheLimit()
        {
            string text = string.Concat(Enumerable.Repeat("甲乙丙丁，", 600));

            SpeechStructure structure = SpeechParser.Parse(text);

            List<string> passages = structure.Passages.Select(p => text[p.Span.Start..p.Span.End]).ToList();
            Assert.All(passages, p => Assert.InRange(p.Length, 1, 1000));
            Assert.All(passages.SkipLast(1), p => Assert.EndsWith("，", p, StringComparison.Ordinal));
            Assert.Equal(text, string.Concat(passages));
        }

        [Fact]
        public void WhenASentenceHasNoPunctuation_ShouldCutItHardWithoutSplittingSurrogatePairs()
        {
            string text = "甲" + string.Concat(Enumerable.Repeat("\U00020000", 1500));

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.True(structure.Passages.Count >= 3);
            Assert.All(structure.Passages, p => Assert.InRange(p.Span.Length, 1, 1000));
            Assert.All(structure.Passages, p => Assert.False(char.IsLowSurrogate(text[p.Span.Start]) || char.IsHighSurrogate(text[p.Span.End - 1])));
            StructureInvariants.Check(text, structure, "surrogates");
        }

        [Theory]
        [InlineData("字")]
        [InlineData("这是一个句子，用来测试很长的段落。")]
        [InlineData("一是甲。二是乙。")]
        public void WhenALineHasFiveMillionCharacters_ShouldFinishWithBoundedPassages(string unit)
        {
            string text = new StringBuilder(5_000_000 + unit.Length).Insert(0, unit, 5_000_000 / unit.Length).ToString();

            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.True(structure.Passages.Count >= 5_000, $"{structure.Passages.Count} passages");
            Assert.All(structure.Passages, p => Assert.InRange(p.Span.Length, 1, 1000));
            StructureInvariants.Check(text, structure, $"5M × {unit}");
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n \u3000\n\u00a0\n\r\n")]
        public void WhenTheTextIsEmptyOrBlank_ShouldFindNothing(string text)
        {
            SpeechStructure structure = SpeechParser.Parse(text);

            Assert.Null(structure.Title);
            Assert.Null(structure.Salutation);
            Assert.Empty(structure.Sections);
            Assert.Empty(structure.Passages);
        }

        [Fact]
        public void WhenTheTextIsNull_ShouldThrowArgumentNull()
        {
            Assert.Throws<ArgumentNullException>(() => SpeechParser.Parse(null!));
        }

        [Fact]
        public void WhenTheTextIsRandom_ShouldNeverThrowAndKeepTheInvariants()
        {
            const string alphabet = "一二三十是要第，、。！？!?…；：:（）()1.２ 　\u00a0\n\n\r\t同志们代表”“\uD800\uDC00\uDFFF条章部分\uFEFF";
            var random = new Random(20220701);
            for (int round = 0; round < 500; round++)
            {
                var chars = new char[random.Next(0, 400)];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = alphabet[random.Next(alphabet.Length)];
                }

                string text = new(chars);
                StructureInvariants.Check(text, SpeechParser.Parse(text, new SpeechParseOptions { KnownTitle = text.Length > 5 ? text[..5] : null }), $"round {round}");
            }
        }
    }
}
