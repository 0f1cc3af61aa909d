using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public static partial class DocumentReaderTests
{
    public sealed class Metadata : IDisposable
    {
        private const string Manifest = "file\ttitle\tyear\tcategory\n" +
            "given.md\t表中的标题\t2020\t工作会议\n" +
            "plain.txt\t表中的标题\t2020\t工作会议\n" +
            "salute.txt\t同志们：\t2021\t\n" +
            "wire.txt\t新华社北京10月23日电在全国工作会议上的讲话\t2020\t\n" +
            "byline.txt\t考古学的新境界※习近平\t2020\t\n" +
            "opening.txt\t同志们：今天，我们召开一个企业家座谈会，一是同大家谈谈心\t2020\t\n" +
            "front.md\t同志们：\t2020\t\n";

        private readonly TempFolder _folder = new();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void WhenFrontMatterAndTableBothGiveValues_ShouldPreferFrontMatterAndFillTheRestFromTheTable()
        {
            var result = ReadWithTable("given.md", "---\ntitle: 前言中的标题\n---\n2023年的讲话正文。");

            Assert.True(result.Succeeded, result.Reason);
            var m = result.Document.Metadata;
            Assert.Equal("前言中的标题", m.Title);
            Assert.Equal("front matter", m.TitleProvenance.Origin);
            Assert.Equal(2020, m.Year);
            Assert.Equal(new MetadataProvenance("MANIFEST.tsv", 1.0), m.YearProvenance);
            Assert.Equal("工作会议", m.Category);
        }

        [Fact]
        public void WhenOnlyTheTableGivesValues_ShouldUseThemOverInference()
        {
            var result = ReadWithTable("plain.txt", "在全市工作会议上的讲话\n2023年的讲话正文。");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("表中的标题", result.Document.Metadata.Title);
            Assert.Equal(2020, result.Document.Metadata.Year);
            Assert.Equal(1.0, result.Document.Metadata.TitleProvenance.Confidence);
        }

        [Fact]
        public void WhenTableTitleIsASalutation_ShouldKeepItWithConfidenceBelowOne()
        {
            var result = ReadWithTable("salute.txt", "同志们：\n今天开会。");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("同志们：", result.Document.Metadata.Title);
            Assert.True(result.Document.Metadata.TitleProvenance.Confidence < 1.0);
        }

        [Fact]
        public void WhenTableTitleCarriesANewsDateline_ShouldRemoveItAndSayWhatTheTableGave()
        {
            var result = ReadWithTable("wire.txt", "新华社北京10月23日电在全国工作会议上的讲话（2020年10月23日）同志们：今天开会。");

            Assert.True(result.Succeeded, result.Reason);
            var m = result.Document.Metadata;
            Assert.Equal("在全国工作会议上的讲话", m.Title);
            Assert.Equal(new MetadataProvenance("MANIFEST.tsv (title mended: news dateline removed)", TitleRepair.CleanedConfidence), m.TitleProvenance);
            Assert.Contains(result.Document.Warnings, w => w.Contains("MANIFEST.tsv gave '新华社北京10月23日电在全国工作会议上的讲话'", StringComparison.Ordinal));
        }

        [Fact]
        public void WhenTableTitleEndsWithAnAuthor_ShouldSplitItOffAsTheSpeaker()
        {
            var result = ReadWithTable("byline.txt", "考古学的新境界※习近平我国是世界四大文明古国之一。");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("考古学的新境界", result.Document.Metadata.Title);
            Assert.Equal("习近平", result.Document.Metadata.Speaker);
        }

        [Fact]
        public void WhenTableTitleIsTheTextsOpening_ShouldDeriveOneFromTheOccasionWithLowerConfidence()
        {
            var result = ReadWithTable("opening.txt", "同志们：今天，我们召开一个企业家座谈会，一是同大家谈谈心，二是给大家鼓鼓劲。");

            Assert.True(result.Succeeded, result.Reason);
            var m = result.Document.Metadata;
            Assert.Equal("在企业家座谈会上的讲话", m.Title);
            Assert.StartsWith("inferred: occasion named in the opening", m.TitleProvenance.Origin, StringComparison.Ordinal);
            Assert.Equal(TitleRepair.OccasionConfidence, m.TitleProvenance.Confidence);
            Assert.Contains(result.Document.Warnings, w => w.StartsWith("标题取自正文开头", StringComparison.Ordinal) && w.Contains("(title derived from the opening", StringComparison.Ordinal)
                && w.Contains("gave '同志们：今天，我们召开一个企业家座谈会，一是同大家谈谈心'", StringComparison.Ordinal));
            var english = result.Document.Warnings.Single(w => w.StartsWith("标题取自正文开头", StringComparison.Ordinal)).Split(" (title ", 2)[1];
            Assert.DoesNotContain('(', english); // one gloss, not parentheses three deep (the admin page showed "(title … (… (the table's title was …)); …)")
        }

        [Fact]
        public void WhenFrontMatterGivesAnAddressAsTitle_ShouldKeepItAsWritten()
        {
            var result = ReadWithTable("front.md", "---\ntitle: 同志们：\n---\n同志们：今天，我们召开一个企业家座谈会，一是同大家谈谈心。");

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("同志们：", result.Document.Metadata.Title);
            Assert.Equal("front matter", result.Document.Metadata.TitleProvenance.Origin);
            Assert.DoesNotContain(result.Document.Warnings, w => w.StartsWith("title ", StringComparison.Ordinal));
        }

        [Fact]
        public void WhenNothingGivesValues_ShouldInferThemWithProvenance()
        {
            var result = ReadWithTable("other.txt", "在全市工作会议上的讲话\n同志们：\n2022年是党的二十大召开之年。");

            Assert.True(result.Succeeded, result.Reason);
            var m = result.Document.Metadata;
            Assert.Equal("在全市工作会议上的讲话", m.Title);
            Assert.Equal(2022, m.Year);
            Assert.StartsWith("inferred: ", m.TitleProvenance.Origin, StringComparison.Ordinal);
            Assert.StartsWith("inferred: ", m.YearProvenance.Origin, StringComparison.Ordinal);
            Assert.InRange(m.YearProvenance.Confidence, 0.01, 0.99);
        }

        [Fact]
        public void WhenTheTableRowChanges_ShouldChangeTheContentHash()
        {
            var path = _folder.Write("plain.txt", "正文。");
            var before = Read(path, Manifest);
            var after = Read(path, Manifest.Replace("plain.txt\t表中的标题", "plain.txt\t改过的标题", StringComparison.Ordinal));
            var unrelated = Read(path, Manifest.Replace("salute.txt\t同志们：", "salute.txt\t别的", StringComparison.Ordinal));
            var bare = Fixture.Read(path);

            Assert.NotEqual(before.Document!.ContentHash, after.Document!.ContentHash);
            Assert.Equal(before.Document.ContentHash, unrelated.Document!.ContentHash);
            Assert.NotEqual(before.Document.ContentHash, bare.Document!.ContentHash);
            Assert.Equal(64, bare.Document.ContentHash.Length);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), bare.Document.ContentHash);
        }

        [SkippableFact]
        public void WhenReportIsReadWithItsManifest_ShouldTakeTitleYearAndCategoryFromIt()
        {
            var reports = SharedCorpus.Require("reports");

            var table = MetadataTable.Load(Path.Combine(reports, "MANIFEST.tsv"));
            var file = new CorpusScanner().Scan(reports).Single(f => f.Key == "gwr_00001.txt");

            var result = new DocumentReader().Read(file, table);

            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal("2025年中华人民共和国国务院政府工作报告", result.Document.Metadata.Title);
            Assert.Equal(2025, result.Document.Metadata.Year);
            Assert.Equal("government_work_report", result.Document.Metadata.Category);
            Assert.Equal(new MetadataProvenance("MANIFEST.tsv", 1.0), result.Document.Metadata.TitleProvenance);
        }

        [SkippableFact]
        public void WhenXiTextHasARoughManifestTitle_ShouldKeepConfidenceBelowOne()
        {
            var xi = SharedCorpus.Require("xi-2020");

            var table = MetadataTable.Load(Path.Combine(xi, "MANIFEST.tsv"));
            var files = new CorpusScanner().Scan(xi).ToDictionary(f => f.Key);
            var reader = new DocumentReader();

            // xi_00001: the manifest title is the address line of a letter; xi_00006: a title cut out of a flattened paragraph.
            var salutation = reader.Read(files["xi_00001.txt"], table).Document!.Metadata;
            var cut = reader.Read(files["xi_00006.txt"], table).Document!.Metadata;
            var clean = reader.Read(files["xi_00038.txt"], table).Document!.Metadata;

            Assert.Equal("给北京科技大学全体巴基斯坦留学生的回信", salutation.Title);
            Assert.True(salutation.TitleProvenance.Confidence < 1.0);
            Assert.True(cut.TitleProvenance.Confidence < 1.0);
            Assert.Equal("全面提高依法防控依法治理能力健全国家公共卫生应急管理体系", cut.Title);
            Assert.Equal("在全国劳动模范和先进工作者表彰大会上的讲话", clean.Title);
            Assert.Equal(1.0, clean.TitleProvenance.Confidence);
            Assert.Equal(new DateOnly(2020, 11, 25), clean.Date);
        }

        private DocumentReadResult ReadWithTable(string name, string text)
        {
            var path = _folder.Write(name, text);
            return Read(path, Manifest);
        }

        private DocumentReadResult Read(string path, string manifest)
        {
            var table = MetadataTable.Load(_folder.Write("MANIFEST.tsv", manifest));
            return new DocumentReader().Read(new CorpusFile(Path.GetFileName(path), path, new FileInfo(path).Length), table);
        }
    }
}
