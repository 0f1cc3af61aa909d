using SpeechArchive.Analysis;
using SpeechArchive.Search;
using SpeechArchive.Tests.Indexing;

namespace SpeechArchive.Tests.Search;

/// <summary>What a snapshot defers to first use (postings, match text) gives the same answers, from any number of threads.</summary>
public sealed class SnapshotLoadTests(IndexFixture fixture) : IClassFixture<IndexFixture>
{
    private static readonly string[] Queries = ["作风", "全面从严治党", "纪律 监督", "\"不敢腐\"", "依法", "廉", "year:2019..2022 巡视"];

    [Fact]
    public void WhenManyThreadsSearchAFreshSnapshot_ShouldAllGetWhatOneThreadGets()
    {
        var expected = Queries.Select(q => Answer(new Searcher(IndexSnapshot.Load(fixture.IndexDirectory)), q)).ToList();
        var shared = new Searcher(IndexSnapshot.Load(fixture.IndexDirectory)); // nothing decoded yet

        var answers = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .SelectMany(_ => Queries.Select((q, i) => (i, Answer(shared, q)))).ToList();

        foreach (var (i, answer) in answers)
        {
            Assert.Equal(expected[i], answer);
        }
    }

    [Fact]
    public void WhenLoaded_ShouldGivePassageLengthsAndMatchTextsAsIfBuiltFromTheText()
    {
        var snapshot = fixture.Snapshot;
        for (var d = 0; d < snapshot.Passages.Count; d++)
        {
            var p = snapshot.Passages[d];
            var built = MatchText.Build(snapshot.Speeches[p.Speech].Text, p.Start, p.End);
            Assert.Equal(built, p.MatchText);
            Assert.Equal(Math.Max(1, built.Length), snapshot.PassageLength[d]);
        }
    }

    [Fact]
    public void WhenDecodedPostingsPassTheirBudget_ShouldDropTheOldestAndAnswerAlike()
    {
        var expected = Queries.Select(q => Answer(new Searcher(IndexSnapshot.Load(fixture.IndexDirectory)), q)).ToList();
        var snapshot = IndexSnapshot.Load(fixture.IndexDirectory);
        snapshot.DecodedBudget = 50;
        var searcher = new Searcher(snapshot);

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(expected, Queries.Select(q => Answer(searcher, q)).ToList());
            Assert.True(snapshot.DecodedPostings <= 50 || snapshot.DecodedTermCount == 1, $"{snapshot.DecodedPostings} postings in {snapshot.DecodedTermCount} lists kept");
        }
    }

    [Fact]
    public void WhenLoaded_ShouldMapThePostingsAndLeaveNoFileOfThemBehind()
    {
        var snapshot = IndexSnapshot.Load(fixture.IndexDirectory);

        Assert.True(snapshot.PostingsMapped);
        Assert.True(new Searcher(snapshot).Search(new SearchRequest { Query = "作风" }).Total > 0);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(Directory.GetFiles(fixture.IndexDirectory, "postings-*"));
        }
    }

    private static string Answer(Searcher searcher, string query)
    {
        var result = searcher.Search(new SearchRequest { Query = query, Limit = 20 });
        return $"{result.Total} " + string.Join(',', result.Hits.Select(h => $"{h.PassageId}:{h.Score:F6}"));
    }
}
