using SpeechArchive.Documents;
using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>A category (a collection a speech belongs to) is its own facet with a Chinese label, never an organisation.</summary>
public sealed class CategoryFacetTests : IDisposable
{
    private const string Paragraph = "同志们，要持续深化作风建设，驰而不息纠治“四风”，坚决防止反弹回潮。";
    private readonly TempFolder temp = new();
    private readonly string corpus;
    private readonly string index;

    public CategoryFacetTests()
    {
        corpus = temp.Combine("corpus");
        index = temp.Combine("index");
        Directory.CreateDirectory(Path.Combine(corpus, "reports"));
        File.WriteAllText(Path.Combine(corpus, "bureau.md"), "---\ntitle: 在局作风建设会议上的讲话\norganization: 市人社局\nyear: 2022\n---\n\n" + Paragraph + "\n");
        foreach (var (file, year) in new[] { ("a.txt", 2019), ("b.txt", 2020), ("c.txt", 2021) })
        {
            File.WriteAllText(Path.Combine(corpus, "reports", file), $"{year}年报告\n\n{Paragraph}\n");
        }

        File.WriteAllText(Path.Combine(corpus, "reports", "MANIFEST.tsv"),
            "file\ttitle\tyear\tcategory\n" +
            "a.txt\t2019年政府工作报告\t2019\tgovernment_work_report\n" +
            "b.txt\t十九大报告\t2020\tcpc_congress_report_19\n" +
            "c.txt\t一份汇编\t2021\tmy_collection_of_texts\n");
    }

    [Fact]
    public void WhenASpeechHasACategoryAndNoOrganisation_ShouldShowItUnderItsChineseLabelNotAsAnOrganisation()
    {
        var result = Search("作风建设");

        Assert.Equal(["市人社局"], result.Facets.Organization.Select(v => v.Value));
        Assert.Equal(
            ["my collection of texts", "党的全国代表大会报告", "政府工作报告"],
            result.Facets.Category.Select(v => v.Label).Order(StringComparer.Ordinal).ToList());
        var report = Assert.Single(result.Hits, h => h.Title == "2019年政府工作报告");
        Assert.Null(report.Organization);
        Assert.Equal("政府工作报告", report.Category);
    }

    [Fact]
    public void WhenFilteringByCategory_ShouldMatchItsLabelOrItsIdExactlyAndCountTheOthersDrillSideways()
    {
        var byLabel = Search("作风建设 category:政府工作报告");
        var byId = Search("作风建设 category:government_work_report");
        var partial = Assert.Throws<QuerySyntaxException>(() => Search("作风建设 category:报告"));
        var asOrganisation = Assert.Throws<QuerySyntaxException>(() => Search("作风建设 org:government_work_report"));

        Assert.Equal(["2019年政府工作报告"], byLabel.Hits.Select(h => h.Title));
        Assert.Equal(["2019年政府工作报告"], byId.Hits.Select(h => h.Title));
        Assert.Contains("“报告”", partial.Message, StringComparison.Ordinal);
        Assert.Contains("是类别，请用 category:government_work_report", asOrganisation.Message, StringComparison.Ordinal); // never a filter passing nothing
        Assert.True(byLabel.Facets.Category.Single(v => v.Label == "政府工作报告").Selected);
        Assert.Equal(1, byLabel.Facets.Category.Single(v => v.Label == "党的全国代表大会报告").Count);
    }

    [Theory]
    [InlineData("作风建设 category:报告")]
    [InlineData("作风建设 category:government")]
    [InlineData("category:一份汇编")]
    [InlineData("作风建设 category:政府工作报告 category:no_such_collection")]
    public void WhenACategoryIsNotTheArchives_ShouldRefuseItNamingTheValueAndTheArchivesCategories(string query)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => Search(query));

        var value = query[(query.LastIndexOf(':') + 1)..];
        Assert.StartsWith($"未知的类别“{value}”", e.Message, StringComparison.Ordinal);
        Assert.Contains($"unknown category '{value}'", e.Message, StringComparison.Ordinal);
        foreach (var label in new[] { "政府工作报告", "党的全国代表大会报告", "my collection of texts" })
        {
            Assert.Contains(label, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WhenTheArchiveHasNoCategoryAtAll_ShouldSaySo()
    {
        Directory.Delete(Path.Combine(corpus, "reports"), recursive: true);

        var e = Assert.Throws<QuerySyntaxException>(() => Search("作风建设 category:政府工作报告"));

        Assert.Contains("本库的讲话都没有类别", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAWritersToolGetsAnUnknownCategory_ShouldRefuseItToo()
    {
        Search("作风建设");
        var snapshot = IndexSnapshot.Load(index);

        var e = Assert.Throws<QuerySyntaxException>(() => SpeechArchive.Writing.ConcordanceBuilder.Build(snapshot, new SpeechArchive.Writing.ConcordanceRequest { Phrase = "作风建设", Filters = ["category:报告"] }));

        Assert.Contains("“报告”", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheCorpusLabelsACategory_ShouldUseThatLabelFromTheNextRunAndCiteNoCategory()
    {
        File.WriteAllText(Path.Combine(corpus, CategoryLabels.FileName), "# 本库的类别\nmy_collection_*\t文件汇编\ngovernment_work_report\t国务院政府工作报告\n");

        var result = Search("作风建设");

        Assert.Contains(result.Facets.Category, v => v.Label == "文件汇编");
        Assert.Contains(result.Facets.Category, v => v.Label == "国务院政府工作报告");
        var snapshot = IndexSnapshot.Load(index);
        var report = snapshot.Speeches.Single(s => s.Title == "2019年政府工作报告");
        var citation = SpeechArchive.Writing.PassageSource.Of(snapshot, report.Passages[0]).Citation;
        Assert.DoesNotContain("government_work_report", citation, StringComparison.Ordinal);
        Assert.DoesNotContain("国务院政府工作报告", citation, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheLabelTableHasABadLine_ShouldSayWhichLineAndKeepTheLabelsInForce()
    {
        File.WriteAllText(Path.Combine(corpus, CategoryLabels.FileName), "government_work_report\t国务院政府工作报告\n");
        Search("作风建设");
        File.WriteAllText(Path.Combine(corpus, CategoryLabels.FileName), "government_work_report\n");

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });

        var failure = Assert.Single(run.Failed);
        Assert.Contains("categories.tsv: line 1", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(new Searcher(IndexSnapshot.Load(index)).Search(new SearchRequest { Query = "作风建设" }).Facets.Category, v => v.Label == "国务院政府工作报告");
    }

    [Fact]
    public void WhenASpeechHasBothAnOrganisationAndACategory_ShouldCountInBothFacetsAndBeFoundByEither()
    {
        File.WriteAllText(Path.Combine(corpus, "both.md"), "---\ntitle: 国务院的报告\norganization: 国务院\ncategory: government_work_report\nyear: 2023\n---\n\n" + Paragraph + "\n");

        var all = Search("作风建设");
        var byCategory = Search("作风建设 category:政府工作报告");
        var byOrganisation = Search("作风建设 org:国务院");

        Assert.Equal(1, all.Facets.Organization.Single(v => v.Label == "国务院").Count);
        Assert.Equal(2, all.Facets.Category.Single(v => v.Label == "政府工作报告").Count);
        Assert.Equal(["2019年政府工作报告", "国务院的报告"], byCategory.Hits.Select(h => h.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["国务院的报告"], byOrganisation.Hits.Select(h => h.Title));
    }

    [Fact]
    public void ALineOfTheFile_ShouldWinOverEveryBuiltInLabelPrefixesIncluded()
    {
        var labels = CategoryLabels.Parse("government_*\t政府文件\ncpc_*\t党的文件\n", "categories.tsv");

        Assert.Equal("政府文件", labels.Label("government_work_report"));
        Assert.Equal("党的文件", labels.Label("cpc_congress_report_19"));
        Assert.Equal("习近平2020年讲话文章", labels.Label("xi_2020"));
    }

    [Theory]
    [InlineData("xi_2020", "习近平2020年讲话文章")]
    [InlineData("cpc_congress_report_9", "党的全国代表大会报告")]
    [InlineData("行政法规", "行政法规")]
    [InlineData("some_new_set", "some new set")]
    public void BuiltInLabels_ShouldReadChineseOrAtLeastWrapBetweenWords(string id, string label) =>
        Assert.Equal(label, CategoryLabels.Default.Label(id));

    private SearchResult Search(string query)
    {
        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        Assert.Empty(run.Failed);
        // Every speech here prints the same paragraph: each its own hit, so each hit's labels show (folded, they are one hit).
        return new Searcher(IndexSnapshot.Load(index)).Search(new SearchRequest { Query = query, Limit = 50, FoldReprints = false });
    }

    public void Dispose() => temp.Dispose();
}
