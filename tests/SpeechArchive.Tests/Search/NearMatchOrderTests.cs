using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// Sorted by date, the near matches after the counted hits are in date order too (a user trial found 最早 ordering the first
/// page and leaving the 近似 pages after it in relevance order, the same for 最新).
/// </summary>
public sealed class NearMatchOrderTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Searcher searcher;

    public NearMatchOrderTests()
    {
        // Each holds the clause with one to three characters changed: near matches of it, none a strict match, the closest
        // neither oldest nor newest first (2021, then 2012 and 2015, then 2019).
        var clauses = new (int Year, string Text)[]
        {
            (2021, "要把党风廉政建设和反腐败斗争不断推向深入。"),
            (2015, "要把党风廉政建设与反腐败斗争不断引向深处。"),
            (2019, "要把党风廉政建设与反腐败斗争不断推向深处。"),
            (2012, "要把党风廉政建设与反腐败斗争不断推向深入。"),
        };
        foreach (var (year, text) in clauses)
        {
            folder.Write($"corpus/{year}-lianzheng.md", $"""
                ---
                title: {year}年廉政工作会议讲话
                date: {year}-03-01
                ---
                同志们：{text}各级党组织要切实担负起主体责任。
                """);
        }

        searcher = folder.IndexAndSearch();
    }

    [Theory]
    [InlineData(SearchSort.DateAscending)]
    [InlineData(SearchSort.DateDescending)]
    public void NearMatches_ShouldFollowTheDateOrderAsked(SearchSort sort)
    {
        var result = searcher.Search(new SearchRequest { Query = "\"把党风廉政建设和反腐败斗争不断引向深入\"", Sort = sort, Limit = 10 });

        var near = result.Hits.Where(h => h.Match == HitMatch.Near).Select(h => h.Year ?? 0).ToList();
        Assert.Equal(0, result.Total);
        Assert.True(near.Count >= 3, $"{near.Count} near matches");
        Assert.Equal(sort == SearchSort.DateAscending ? near.Order() : near.OrderDescending(), near);
    }

    public void Dispose() => folder.Dispose();
}
