using System.Text.RegularExpressions;
using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

/// <summary>Real archives: every shared text of the speech-like sets must read, with its manifest where there is one.</summary>
public sealed class SharedCorpusReadTests
{
    [SkippableTheory]
    [InlineData("seeds")]
    [InlineData("reports")]
    [InlineData("xi-2020")]
    public void WhenSharedSetIsRead_ShouldReadEveryFileWithATitleAndYear(string set)
    {
        var root = SharedCorpus.Require(set);

        var tables = new MetadataTableCache();
        var reader = new DocumentReader();

        var results = new CorpusScanner().Scan(root).Select(f => reader.Read(f, tables.For(f))).ToList();

        Assert.NotEmpty(results);
        Assert.Empty(results.Where(r => !r.Succeeded).Select(r => $"{r.Key}: {r.Reason}"));
        Assert.Empty(tables.Warnings);
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Document!.Metadata.Title), r.Key));
        Assert.All(results, r => Assert.NotNull(r.Document!.Metadata.Year));
        Assert.Equal(results.Count, results.Select(r => r.Document!.Id).Distinct().Count());
    }

    /// <summary>
    /// xi-2020's MANIFEST.tsv titles are rough (salutations, news datelines, the body's first 40 characters); the titles
    /// read from it must read as titles.
    /// </summary>
    [SkippableFact]
    public void WhenXi2020IsRead_ShouldGiveNoTitleThatIsASalutationADatelineOrTheOpening()
    {
        var root = SharedCorpus.Require("xi-2020");

        var tables = new MetadataTableCache();
        var reader = new DocumentReader();
        var documents = new CorpusScanner().Scan(root).Select(f => reader.Read(f, tables.For(f)).Document!).ToList();

        Assert.Equal(58, documents.Count);
        Assert.All(documents, d =>
        {
            var title = d.Metadata.Title!;
            var opening = Regex.Replace(d.Text, @"\s", "");
            Assert.False(MetadataInference.StartsWithSalutation(title), $"{d.Key}: '{title}' opens with a salutation");
            Assert.False(title.EndsWith('：'), $"{d.Key}: '{title}' is an address");
            Assert.DoesNotMatch(@"^(新华社|人民日报)\p{IsCJKUnifiedIdeographs}{0,8}\d{1,2}月\d{1,2}日电", title);
            Assert.DoesNotContain("※", title, StringComparison.Ordinal);
            Assert.NotEqual(opening[..Math.Min(40, opening.Length)], Regex.Replace(title, @"\s", ""));
        });
        Assert.Contains(documents, d => d.Metadata.Title == "在气候雄心峰会上的讲话");
        Assert.Contains(documents, d => d.Metadata.Title == "在纪念中国人民志愿军抗美援朝出国作战70周年大会上的讲话" && d.Key == "xi_00053.txt");
    }
}
