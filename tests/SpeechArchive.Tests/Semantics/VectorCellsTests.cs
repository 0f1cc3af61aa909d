using SpeechArchive.Analysis;
using SpeechArchive.Semantics;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Semantics;

/// <summary>
/// The k-means cells of the passage vectors (the inverted-file index), over the seed speeches' passages with cells forced on
/// a small archive (by default they start at 40,000 passages).
/// </summary>
public sealed class VectorCellsTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private static readonly string[] Queries = ["怎样防止干部腐败", "公款大吃大喝", "选拔年轻干部", "巡视发现的问题整改", "基层减负", "八项规定精神"];

    [Fact]
    public void WhenCellsAreLaidOut_ShouldGiveEveryPassageTheSameCosineAsWithoutCells()
    {
        var (plain, cells) = (Build(int.MaxValue), Build(50));
        Assert.Equal(0, plain.Cells);
        Assert.True(cells.Cells > 1, "cells were built");

        var query = Query(cells, "怎样防止干部腐败");
        for (var passage = 0; passage < plain.Count; passage++)
        {
            Assert.Equal(plain.Similarity(query, passage), cells.Similarity(query, passage), 9);
        }
    }

    [Fact]
    public void WhenEveryCellIsProbed_ShouldFindExactlyWhatAScanOfEveryPassageFinds()
    {
        var vectors = Build(50);
        foreach (var text in Queries)
        {
            var query = Query(vectors, text);
            Assert.Equal(vectors.Nearest(query, 30, exhaustive: true), vectors.Nearest(query, 30, probes: vectors.Cells));
        }
    }

    [Fact]
    public void WhenAFewCellsAreProbed_ShouldFindMostOfTheNearestAndOnlyRealCosines()
    {
        var vectors = Build(50);
        var queries = Queries.Select(q => Query(vectors, q)).ToList();

        var recall = vectors.CellRecall(queries, 20, probes: Math.Max(1, vectors.Cells / 4));

        Assert.InRange(recall, 0.5, 1.0);
        Assert.True(vectors.CellRecall(queries, 20, probes: 1) < recall, "probing one cell finds fewer than probing a quarter");
        foreach (var (passage, cosine) in vectors.Nearest(queries[0], 20, probes: 2))
        {
            Assert.InRange(cosine - vectors.Similarity(queries[0], passage), -0.02, 0.02); // the scan's query is in 7 bits
        }
    }

    [Fact]
    public void WhenBuiltTwice_ShouldLayOutTheSameCells()
    {
        var (first, second) = (Build(50), Build(50));
        var query = Query(first, "选拔年轻干部");

        Assert.Equal(first.Cells, second.Cells);
        Assert.Equal(first.Nearest(query, 30, probes: 3), second.Nearest(query, 30, probes: 3));
    }

    private PassageVectors Build(int cellsFrom)
    {
        var snapshot = seeds.Snapshot;
        var texts = Enumerable.Range(0, snapshot.Passages.Count).Select(snapshot.PassageText).ToList();
        return PassageVectors.Build(texts, WordVectors.Base!, new Segmenter(snapshot.Lexicon), cellsFrom);
    }

    private static float[] Query(PassageVectors vectors, string text) =>
        vectors.Query(new Segmenter(Lexicon.Base).Segment(text).Select(w => w.Text)) ?? throw new InvalidOperationException($"no vector for {text}");
}
