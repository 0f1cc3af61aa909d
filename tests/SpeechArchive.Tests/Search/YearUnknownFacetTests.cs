using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// Passages of a speech without a year are counted beside the year facet's values (无年份), so the values and that count
/// add up to what the year facet counts: the total where no year is selected. Every way of counting agrees (the fast
/// paths and the exhaustive searcher, by passage and by speech, words, free text, browsing).
/// </summary>
public sealed class YearUnknownFacetTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexSnapshot index;

    public YearUnknownFacetTests()
    {
        var corpus = temp.Combine("corpus");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "dated.md"), "---\ntitle: 作风建设会议讲话\ndate: 2022-03-01\n---\n\n要加强作风建设，推动工作落实。\n\n要严明纪律，改进作风。\n");
        File.WriteAllText(Path.Combine(corpus, "undated.md"), "---\ntitle: 关于作风建设的讲话\n---\n\n作风建设永远在路上，要持之以恒。\n\n要抓好作风建设，推动工作。\n\n发展是第一要务。\n");
        var dir = temp.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = dir });
        index = IndexSnapshot.Load(dir);
    }

    [Theory]
    [InlineData("")]
    [InlineData("作风建设")]
    [InlineData("作风建设怎么抓")]
    [InlineData("作风 -发展")]
    [InlineData("year:2022")]
    [InlineData("作风建设 year:2022")]
    public void WhenSomeSpeechHasNoYear_ShouldCountItsPassagesBesideTheYearsAlike(string query)
    {
        Assert.Null(index.Speeches.Single(s => s.Title == "关于作风建设的讲话").Year); // no year given or said in the text

        foreach (var group in new[] { false, true })
        {
            var request = new SearchRequest { Query = query, Limit = 0, NearMatches = false, ByMeaning = false, GroupBySpeech = group };
            var fast = new Searcher(index).Search(request);
            var exhaustive = new Searcher(index) { Exhaustive = true }.Search(request);

            Assert.Equal(exhaustive.Facets.YearUnknown, fast.Facets.YearUnknown);
            Assert.Equal(exhaustive.Facets.Year.Select(y => (y.Value, y.Count)), fast.Facets.Year.Select(y => (y.Value, y.Count)));
            var undated = new Searcher(index).Search(request with { Query = query.Replace("year:2022", "", StringComparison.Ordinal), Limit = 100, GroupBySpeech = false })
                .Hits.Count(h => h.Year is null);
            Assert.Equal(undated, fast.Facets.YearUnknown); // what the year facet counts: the query without its year
            if (!query.Contains("year:", StringComparison.Ordinal) && !group)
            {
                Assert.Equal(fast.Total, fast.Facets.Year.Sum(y => y.Count) + fast.Facets.YearUnknown);
            }
        }

        Assert.True(new Searcher(index).Search(new SearchRequest { Query = "", Limit = 0 }).Facets.YearUnknown > 0); // the rule matters here
    }

    [Fact]
    public void WhenSortingByDateEitherWay_ShouldListTheUndatedLastInSearchAndConcordanceAlike()
    {
        foreach (var sort in new[] { SearchSort.DateAscending, SearchSort.DateDescending })
        {
            foreach (var exhaustive in new[] { false, true })
            {
                var hits = new Searcher(index) { Exhaustive = exhaustive }.Search(new SearchRequest { Query = "作风", Sort = sort, Limit = 100, NearMatches = false, ByMeaning = false }).Hits;
                Assert.Contains(hits, h => h.Year is null);
                Assert.Contains(hits, h => h.Year is not null);
                Assert.Equal(hits.OrderBy(h => h.Year is null), hits); // a stable sort: only the undated moved, and none had to
            }
        }

        foreach (var sort in new[] { SpeechArchive.Writing.ConcordanceSort.Date, SpeechArchive.Writing.ConcordanceSort.DateDescending })
        {
            var lines = SpeechArchive.Writing.ConcordanceBuilder.Build(index, new SpeechArchive.Writing.ConcordanceRequest { Phrase = "作风", Sort = sort, Limit = 0 }).Lines;
            Assert.Contains(lines, l => l.Source.Year is null);
            Assert.Equal(lines.OrderBy(l => l.Source.Year is null), lines);
        }
    }

    public void Dispose() => temp.Dispose();
}
