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
    public void WhenTheSearchIsGivenUp_ShouldStopWithCellsOrWithout()
    {
        var (cells, plain) = (Build(50), Build(int.MaxValue));
        var query = Query(cells, "选拔年轻干部");
        using var cancellation = new CancellationTokenSource();

        Assert.NotEmpty(cells.Nearest(query, 30, probes: 3, cancellation: cancellation.Token));
        Assert.NotEmpty(plain.Nearest(query, 30, cancellation: cancellation.Token));
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => cells.Nearest(query, 30, probes: 3, cancellation: cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => plain.Nearest(query, 30, cancellation: cancellation.Token));
    }

    [Fact]
    public void WhenBuiltTwice_ShouldLayOutTheSameCells()
    {
        var (first, second) = (Build(50), Build(50));
        var query = Query(first, "选拔年轻干部");

        Assert.Equal(first.Cells, second.Cells);
        Assert.Equal(first.Nearest(query, 30, probes: 3), second.Nearest(query, 30, probes: 3));
    }

    [Fact]
    public void WhenStoredAndReadBack_ShouldGiveTheSameCellsAndTheTableTheyWereMadeFor()
    {
        var table = Table();
        var cells = Cells(table);

        var (read, madeFor) = VectorCells.FromBytes(cells.ToBytes(table.Fingerprint()), "test");

        Assert.Equal(table.Fingerprint(), madeFor);
        Assert.Equal(cells.CellOf, read.CellOf);
        Assert.Equal(cells.Start, read.Start);
        Assert.Equal(cells.Order, read.Order);
        Assert.Equal((table.Count, 0), (read.MadeFrom, read.Changed));
        var query = Query(PassageVectors.From(table, WordVectors.Base!, seeds.Snapshot.Lexicon, 50), "基层减负");
        Assert.Equal(cells.Probe(query, 5), read.Probe(query, 5));
    }

    [Fact]
    public void WhenTheStoredBytesAreCut_ShouldThrowNamingTheSource()
    {
        var table = Table();
        var bytes = Cells(table).ToBytes(table.Fingerprint());

        var e = Assert.Throws<SpeechArchiveException>(() => VectorCells.FromBytes(bytes[..^4], "index.db: vectors 'cells'"));
        Assert.Contains("index.db: vectors 'cells'", e.Message);
    }

    [Fact]
    public void WhenRowsAreFollowed_ShouldKeepTheOthersCellsPutEachNewOneWhereTheKMeansPutItAndCountTheChange()
    {
        var table = Table();
        var cells = Cells(table);
        var sums = PassageVectors.Sums(table.Data, table.Dimensions);

        // Every third row counted as new (-1) and its old row as gone; the k-means' last step put every row in its nearest
        // cell, as following does.
        var followed = cells.Follow([.. Enumerable.Range(0, table.Count).Select(i => i % 3 == 0 ? -1 : i)], table.Data, sums);
        Assert.Equal(cells.CellOf, followed.CellOf);
        Assert.Equal((table.Count, 2 * ((table.Count + 2) / 3)), (followed.MadeFrom, followed.Changed));

        // The first ten rows gone: the rest keep their cells, and ten more count as changed.
        var shrunk = cells.Follow([.. Enumerable.Range(10, table.Count - 10)], table.Data.AsSpan(10 * table.Dimensions).ToArray(), sums[10..]);
        Assert.Equal(cells.CellOf[10..], shrunk.CellOf);
        Assert.Equal(10, shrunk.Changed);
    }

    private PassageVectorTable Table()
    {
        var snapshot = seeds.Snapshot;
        return PassageVectorTable.Compute([.. Enumerable.Range(0, snapshot.Passages.Count).Select(i => (long)i)], snapshot.PassageText, WordVectors.Base!, new Segmenter(snapshot.Lexicon));
    }

    private static VectorCells Cells(PassageVectorTable table) =>
        VectorCells.Build(table.Data, table.Scales, PassageVectors.Sums(table.Data, table.Dimensions), table.Dimensions, 50)
        ?? throw new InvalidOperationException("no cells");

    private PassageVectors Build(int cellsFrom)
    {
        var snapshot = seeds.Snapshot;
        var texts = Enumerable.Range(0, snapshot.Passages.Count).Select(snapshot.PassageText).ToList();
        return PassageVectors.Build(texts, WordVectors.Base!, new Segmenter(snapshot.Lexicon), cellsFrom);
    }

    private static float[] Query(PassageVectors vectors, string text) =>
        vectors.Query(new Segmenter(Lexicon.Base).Segment(text).Select(w => w.Text)) ?? throw new InvalidOperationException($"no vector for {text}");
}
