using SpeechArchive.Documents;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Structure;

namespace SpeechArchive.Tests.Documents;

/// <summary>
/// A licence notice a source appends to a text (Wikisource's 本作品来自…属于公有领域, its back-links ↑ and footnotes,
/// Public domainPublic domainfalsefalse) is left out of the speech by the reader; 公有领域 or 著作权 in a speech or a law stays.
/// </summary>
public static class LicenceNoticeTests
{
    /// <summary>The cases of Fixtures/Documents/licence-notice-cases.tsv.</summary>
    public sealed class Cases
    {
        public static TheoryData<string[]> Rows => Fixture.Rows("licence-notice-cases.tsv");

        [Theory]
        [MemberData(nameof(Rows))]
        public void WhenATextIsCut_ShouldKeepTheBodyAndLeaveOutOnlyTheNotice(string[] row)
        {
            var (text, warning) = LicenceNotice.Cut(row[1]);

            if (row[2] == "=")
            {
                Assert.Equal(row[1], text);
                Assert.Null(warning);
                return;
            }

            Assert.Equal(row[2], text);
            Assert.StartsWith(text.TrimEnd(), row[1], StringComparison.Ordinal); // the body's offsets are the file's
            Assert.NotNull(warning);
            Assert.StartsWith("正文末尾的版权声明未编入正文", warning, StringComparison.Ordinal);
            Assert.Contains("(licence notice at the end left out of the text", warning, StringComparison.Ordinal);
        }
    }

    /// <summary>Fixtures/Documents/licence-notice: a speech ending with a notice, and a law whose articles speak of 公有领域.</summary>
    public sealed class FixtureFiles
    {
        private static string Original => File.ReadAllText(Fixture.PathOf("licence-notice/speech.txt"));

        [Fact]
        public void WhenASpeechEndsWithANotice_ShouldReadItsBodyAloneAndWarn()
        {
            var document = Fixture.Read(Fixture.PathOf("licence-notice/speech.txt")).Document!;

            Assert.EndsWith("奋力开创基层治理工作新局面！\n", document.Text, StringComparison.Ordinal);
            foreach (var word in new[] { "本作品", "著作权", "公有领域", "↑", "示范文书汇编", "本模板", "Public domain" })
            {
                Assert.DoesNotContain(word, document.Text, StringComparison.Ordinal);
            }

            var warning = Assert.Single(document.Warnings);
            Assert.Equal(
                "正文末尾的版权声明未编入正文：自“本作品来自本市人民政府的公文。依据《中华…”起 5 段 166 字 " +
                "(licence notice at the end left out of the text: 5 paragraphs, 166 characters from '本作品来自本市人民政府的公文。依据《中华…')",
                warning);
        }

        [Fact]
        public void WhenANoticeIsLeftOut_ShouldGiveTheBodysPassagesTheirNumbersAndSpans()
        {
            var document = Fixture.Read(Fixture.PathOf("licence-notice/speech.txt")).Document!;
            var noticeStart = Original.IndexOf("本作品", StringComparison.Ordinal);

            var before = SpeechParser.Parse(Original).Passages.Where(p => p.Span.Start < noticeStart).ToList();
            var after = SpeechParser.Parse(document.Text).Passages;

            Assert.Equal(before.Select(p => (p.Ordinal, p.Span, p.SectionPathText)), after.Select(p => (p.Ordinal, p.Span, p.SectionPathText)));
            Assert.Equal(Original[..noticeStart].TrimEnd(), document.Text.TrimEnd());
        }

        [Fact]
        public void WhenALawEndsWithANotice_ShouldKeepItsArticlesOnThePublicDomain()
        {
            var path = Fixture.PathOf("licence-notice/law.txt");
            var original = File.ReadAllText(path);

            var document = Fixture.Read(path).Document!;

            Assert.Equal(original[..original.IndexOf("本作品", StringComparison.Ordinal)].TrimEnd() + "\n", document.Text);
            Assert.Contains("提供已进入公有领域的技术的", document.Text, StringComparison.Ordinal);
            Assert.Contains("（二）公有领域中与该信息相关的情况；", document.Text, StringComparison.Ordinal);
            Assert.EndsWith("第四条 本条例自公布之日起施行。\n", document.Text, StringComparison.Ordinal);
            Assert.Single(document.Warnings);
        }

        [Fact]
        public void WhenIndexed_ShouldFindTheBodyAndNotTheNotice()
        {
            using var temp = new TempFolder();
            foreach (var name in new[] { "speech.txt", "law.txt" })
            {
                File.Copy(Fixture.PathOf($"licence-notice/{name}"), temp.Write($"corpus/{name}", ""), overwrite: true);
            }

            var run = Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") });
            var snapshot = IndexSnapshot.Load(temp.Combine("index"));
            var searcher = new Searcher(snapshot);
            List<string> Found(string query) =>
                [.. searcher.Search(new SearchRequest { Query = query, Limit = 50, Mode = SearchMode.Exact, NearMatches = false, FoldReprints = false }).Hits.Select(h => h.PassageId)];

            Assert.Contains(run.Warnings, w => w.StartsWith("speech.txt: 正文末尾的版权声明未编入正文", StringComparison.Ordinal));
            Assert.Contains(run.Warnings, w => w.StartsWith("law.txt: 正文末尾的版权声明未编入正文", StringComparison.Ordinal));
            Assert.Empty(Found("著作权法"));
            Assert.Empty(Found("示范文书汇编"));
            Assert.Empty(Found("刑事审判庭"));
            Assert.Empty(Found("Public domain"));
            Assert.Equal(2, Found("公有领域").Count(id => id.StartsWith("law:", StringComparison.Ordinal)));
            Assert.DoesNotContain(Found("公有领域"), id => !id.StartsWith("law:", StringComparison.Ordinal));
            Assert.Single(Found("矛盾纠纷化解在基层"));
            Assert.Single(Found("奋力开创基层治理工作新局面"));
            var speech = snapshot.Speeches.ToList().FindIndex(s => s.Id == "speech");
            var passages = Enumerable.Range(0, snapshot.Passages.Count).Where(d => snapshot.Passages[d].Speech == speech)
                .Select(snapshot.PassageText).ToList();
            Assert.Equal("同志们，让我们以更加昂扬的精神状态，奋力开创基层治理工作新局面！", passages[^1]);
        }
    }

    /// <summary>The shared sets, read by path: the reports' Wikisource notices are left out; the laws' articles on 公有领域 stay.</summary>
    public sealed class SharedSets
    {
        [SkippableFact]
        public void WhenTheReportsAreRead_ShouldHoldNoPassageOfALicenceNotice()
        {
            var root = SharedCorpus.Require("reports");
            var tables = new MetadataTableCache();
            var reader = new DocumentReader();

            var documents = new CorpusScanner().Scan(root).Select(f => reader.Read(f, tables.For(f)).Document!).ToList();

            Assert.NotEmpty(documents);
            var offending = (
                from d in documents
                let structure = SpeechParser.Parse(d.Text, new SpeechParseOptions { KnownTitle = d.Metadata.TitleAsGiven ?? d.Metadata.Title, Headings = d.Headings })
                from p in structure.Passages
                let text = d.Text[p.Span.Start..p.Span.End]
                where text.Contains("Public domain", StringComparison.OrdinalIgnoreCase) || text.StartsWith("本作品来自", StringComparison.Ordinal)
                select $"{d.Key}:{p.Ordinal + 1} {text[..Math.Min(30, text.Length)]}").ToList();
            Assert.Empty(offending);
            Assert.Contains(documents, d => d.Warnings.Any(w => w.StartsWith("正文末尾的版权声明未编入正文", StringComparison.Ordinal)));
        }

        /// <summary>The laws hold no notice; one appended to a law whose articles speak of 公有领域 is cut, and the articles stay.</summary>
        [SkippableTheory]
        [InlineData("law_02061.txt", "已进入公有领域的技术")]
        [InlineData("law_02128.txt", "（四）公有领域中与商业秘密相关信息的情况；")]
        public void WhenALawSpeakingOfThePublicDomainEndsWithANotice_ShouldKeepItsArticles(string file, string words)
        {
            var path = Path.Combine(SharedCorpus.Require("laws"), file);
            Skip.IfNot(File.Exists(path), $"{path} not found");
            var law = File.ReadAllText(path).TrimEnd() + "\n";
            using var temp = new TempFolder();
            var copy = temp.Write(file, law + "\n本作品是中华人民共和国的法律、法规，根据《中华人民共和国著作权法》第五条第一项，本作品不适用于该法，属于公有领域。\n\nPublic domainPublic domainfalsefalse\n");

            var document = Fixture.Read(copy).Document!;

            Assert.Contains(words, document.Text, StringComparison.Ordinal);
            Assert.Equal(law, document.Text);
            Assert.Single(document.Warnings, w => w.StartsWith("正文末尾的版权声明未编入正文", StringComparison.Ordinal));
        }
    }
}
