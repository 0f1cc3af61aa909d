using SpeechArchive.Search;
using SpeechArchive.Semantics;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>A word's neighbours by meaning over the seed speeches, as the ranking by meaning reads the word.</summary>
public sealed class NeighboursTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenTheVectorsKnowTheWord_ShouldReadItFromItsOwnVectorAndListOtherWordsNearestFirst()
    {
        var result = Neighbours.Find(seeds.Snapshot, "腐败", 10);

        var reading = Assert.Single(result.ReadAs);
        Assert.Equal(WordReading.OwnVector, reading.Source);
        Assert.True(reading.Passages > 0);
        Assert.Equal(10, result.Neighbours.Count);
        Assert.DoesNotContain(result.Neighbours, n => n.Word == "腐败");
        Assert.Equal(result.Neighbours.Select(n => n.Cosine).OrderDescending(), result.Neighbours.Select(n => n.Cosine));
        Assert.NotEmpty(result.Model);
    }

    [Fact]
    public void WhenOnlyTheArchiveHoldsTheWord_ShouldReadItFromThePassagesHoldingIt()
    {
        // A run of four characters from a seed passage that the vectors' vocabulary lacks.
        var vectors = seeds.Snapshot.MeaningVectors!;
        var text = seeds.Snapshot.PassageText(5);
        var run = Enumerable.Range(0, text.Length - 4).Select(i => text.Substring(i, 4))
            .First(r => r.All(c => c is >= '\u4e00' and <= '\u9fff') && !vectors.Words.Contains(r));

        var result = Neighbours.Find(seeds.Snapshot, run, 5);

        var reading = Assert.Single(result.ReadAs);
        Assert.Equal(run, reading.Word);
        Assert.Equal(WordReading.FromPassages, reading.Source);
        Assert.InRange(reading.Passages, 1, seeds.Snapshot.Passages.Count);
        Assert.NotEmpty(result.Neighbours);
    }

    [Fact]
    public void WhenTheTextIsBlank_ShouldRefuseIt()
    {
        Assert.Throws<QuerySyntaxException>(() => Neighbours.Find(seeds.Snapshot, "  ", 5));
    }

    [Fact]
    public void WhenRankedByMeaningAlone_ShouldReturnTheNearestPassagesLabelledByMeaning()
    {
        var result = seeds.Searcher.Search(new SearchRequest { Query = "怎样防止干部腐败", Limit = 10, Mode = SearchMode.Vectors, NearMatches = false });
        var vectors = seeds.Snapshot.MeaningVectors!;
        var query = vectors.Query(["防止", "干部", "腐败"])!;

        Assert.Equal(10, result.Hits.Count);
        Assert.All(result.Hits, h => Assert.Equal(HitMatch.Meaning, h.Match));
        Assert.Equal(vectors.Nearest(query, 10).Select(n => seeds.Snapshot.Passages[n.Passage].Id), result.Hits.Select(h => h.PassageId));
    }
}
