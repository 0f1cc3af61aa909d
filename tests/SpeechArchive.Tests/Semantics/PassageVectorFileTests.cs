using SpeechArchive.Analysis;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Semantics;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Storage;

namespace SpeechArchive.Tests.Semantics;

/// <summary>
/// A snapshot maps its passages' vectors, laid out for their cells, from a file of its generation beside the index, written
/// when it first uses them; they find what the stored table laid out in the heap finds, and a load that finds the file
/// whole reads no table. A file cut short, altered, laid out otherwise than the stored cells or of another generation is
/// written again, and where none can be written the table in the heap serves.
/// (The project's own speeches, with cells from 50 passages on rather than 40,000.)
/// </summary>
public sealed class PassageVectorFileTests : IDisposable
{
    private const int CellsFrom = 50;

    private static readonly string[] Queries = ["怎样防止干部腐败", "公款大吃大喝", "选拔年轻干部", "基层减负"];

    private readonly TempFolder temp = new();

    [Fact]
    public void WhenLoaded_ShouldMapTheVectorsFromTheFileAndFindWhatTheStoredTableFinds()
    {
        var index = Build(Corpus(), temp.Combine("index"));
        Assert.Empty(VectorFiles(index)); // indexing does not write it: the first load does

        var first = IndexSnapshot.Load(index).MeaningVectors!;
        var file = Assert.Single(VectorFiles(index));
        var again = IndexSnapshot.Load(index);
        var mapped = again.MeaningVectors!;
        var inHeap = PassageVectors.FromOwned(StoredTable(index), again.Meaning!.Words, again.Lexicon, StoredCells(index));

        Assert.True(first.Mapped, "the first load maps the file it wrote");
        Assert.True(mapped.Mapped);
        Assert.True(mapped.CellsStored);
        Assert.False(inHeap.Mapped);
        Assert.Equal(file, Assert.Single(VectorFiles(index)));
        Assert.True(mapped.Cells > 1, "cells were made");
        AssertSameVectors(inHeap, mapped, again.Passages.Count);
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("a byte altered")]
    public void WhenTheFileIsDamaged_ShouldNotUseItAndWriteItAgain(string damage)
    {
        var index = Build(Corpus(), temp.Combine("index"));
        var expected = IndexSnapshot.Load(index).MeaningVectors!; // (laid out on first use: then the file is written)
        var file = Assert.Single(VectorFiles(index));
        var whole = File.ReadAllBytes(file);
        var damaged = damage == "cut short" ? whole[..^9] : whole.ToArray();
        if (damage == "a byte altered")
        {
            damaged[whole.Length / 2] ^= 0x10; // among the rows' bytes
        }

        File.Delete(file); // (a new file: the first load's map keeps reading the one it mapped)
        File.WriteAllBytes(file, damaged);

        var snapshot = IndexSnapshot.Load(index);

        Assert.True(snapshot.MeaningVectors!.Mapped);
        Assert.Equal(whole, File.ReadAllBytes(file));
        var inHeap = PassageVectors.FromOwned(StoredTable(index), snapshot.Meaning!.Words, snapshot.Lexicon, StoredCells(index));
        AssertSameVectors(inHeap, snapshot.MeaningVectors, snapshot.Passages.Count);
        AssertSameVectors(expected, snapshot.MeaningVectors, snapshot.Passages.Count);
    }

    [Fact]
    public void WhenTheFileIsWhole_ShouldReadNoStoredTable()
    {
        var index = Build(Corpus(), temp.Combine("index"));
        var first = IndexSnapshot.Load(index);
        var inHeap = PassageVectors.FromOwned(StoredTable(index), first.Meaning!.Words, first.Lexicon, StoredCells(index));
        _ = first.MeaningVectors; // writes the file
        using (var store = IndexStore.Open(index, create: false))
        {
            store.BeginTransaction();
            store.DeleteVectors(ArchiveVectors.PassagesRow); // a load that read the table now would find none
            store.Commit();
        }

        var snapshot = IndexSnapshot.Load(index);

        Assert.True(snapshot.MeaningVectors!.Mapped);
        AssertSameVectors(inHeap, snapshot.MeaningVectors, snapshot.Passages.Count);
    }

    [Fact]
    public void WhenTheFileIsLaidOutOtherwiseThanTheStoredCells_ShouldNotUseItAndWriteItAgain()
    {
        var index = Build(Corpus(), temp.Combine("index"));
        var snapshot = IndexSnapshot.Load(index);
        var vectors = snapshot.MeaningVectors!;
        var file = Assert.Single(VectorFiles(index));
        var whole = File.ReadAllBytes(file);
        var rows = vectors.LaidOut!;
        var swapped = rows.RowOf.Span.ToArray();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]); // two passages' rows exchanged: whole, checksum and all, but not the cells' layout
        var name = Path.GetFileNameWithoutExtension(file);
        File.Delete(file);
        PassageVectorFile.Write(file, long.Parse(name.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture), name.Split('-')[3],
            StoredTable(index).Ids, rows with { RowOf = swapped });

        var again = IndexSnapshot.Load(index).MeaningVectors!;

        Assert.True(again.Mapped);
        Assert.Equal(whole, File.ReadAllBytes(file));
        AssertSameVectors(vectors, again, snapshot.Passages.Count);
    }

    [Fact]
    public void WhenANewGenerationLoads_ShouldWriteItsOwnFileAndDeleteTheOldOne()
    {
        var corpus = Corpus();
        var index = Build(corpus, temp.Combine("index"));
        _ = IndexSnapshot.Load(index).MeaningVectors;
        var old = Assert.Single(VectorFiles(index));
        File.WriteAllText(Path.Combine(corpus, "2023-zuofeng-tuijinhui.txt"),
            "在全市作风建设推进会上的讲话\n\n同志们：\n要坚持不懈纠治“四风”，力戒形式主义、官僚主义，切实为基层减负。\n");
        Build(corpus, index);

        var snapshot = IndexSnapshot.Load(index);
        var vectors = snapshot.MeaningVectors!;

        var file = Assert.Single(VectorFiles(index));
        Assert.NotEqual(old, file);
        Assert.True(vectors.Mapped);
        var inHeap = PassageVectors.FromOwned(StoredTable(index), snapshot.Meaning!.Words, snapshot.Lexicon, StoredCells(index));
        AssertSameVectors(inHeap, vectors, snapshot.Passages.Count);
    }

    [SkippableFact]
    public void InAReadOnlyFolder_ShouldServeTheVectorsFromTheHeap()
    {
        var corpus = Corpus();
        var writable = IndexSnapshot.Load(Build(corpus, temp.Combine("writable")));
        using var disk = SmallDisk.Mount(temp.Path, 16 * 1024);
        var index = Build(corpus, Path.Combine(disk.Path, "index"));
        disk.ReadOnly();

        var snapshot = IndexSnapshot.Load(index);
        var vectors = snapshot.MeaningVectors!;

        Assert.False(vectors.Mapped);
        Assert.Empty(VectorFiles(index));
        Assert.True(vectors.CellsStored);
        AssertSameVectors(writable.MeaningVectors!, vectors, snapshot.Passages.Count);
        disk.ReadOnly(false);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>The same passages nearest each query (every row, and a few cells), the same cells, vectors and cosines.</summary>
    private static void AssertSameVectors(PassageVectors expected, PassageVectors actual, int passages)
    {
        Assert.Equal(expected.Cells, actual.Cells);
        foreach (var text in Queries)
        {
            var query = Query(expected, text);
            Assert.Equal(query, Query(actual, text)); // the same common component removed
            Assert.Equal(expected.Nearest(query, 30, exhaustive: true), actual.Nearest(query, 30, exhaustive: true));
            Assert.Equal(expected.Nearest(query, 30, probes: 3), actual.Nearest(query, 30, probes: 3));
            for (var p = 0; p < passages; p++)
            {
                Assert.Equal(expected.CellOf(p), actual.CellOf(p));
                Assert.Equal(expected.Similarity(query, p), actual.Similarity(query, p));
            }
        }

        for (var p = 0; p < passages; p++)
        {
            Assert.Equal(expected.VectorOf(p), actual.VectorOf(p));
        }
    }

    private string Corpus()
    {
        var corpus = temp.Combine("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(Path.Combine(FixturePaths.RepoRoot, "corpus")))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)), overwrite: true);
        }

        return corpus;
    }

    private static string Build(string corpus, string index)
    {
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index, VectorCellsFrom = CellsFrom });
        return index;
    }

    private static string[] VectorFiles(string index) => Directory.GetFiles(index, "passage-vectors-*.bin");

    private static PassageVectorTable StoredTable(string index)
    {
        using var store = IndexStore.Open(index, create: false);
        return PassageVectorTable.FromBytes(store.GetVectors(ArchiveVectors.PassagesRow)!, "test");
    }

    private static VectorCells StoredCells(string index)
    {
        using var store = IndexStore.Open(index, create: false);
        return VectorCells.FromBytes(store.GetVectors(ArchiveVectors.CellsRow)!, "test").Cells;
    }

    private static float[] Query(PassageVectors vectors, string text) =>
        vectors.Query(new Segmenter(Lexicon.Base).Segment(text).Select(w => w.Text)) ?? throw new InvalidOperationException($"no vector for {text}");
}
