using SpeechArchive.Analysis;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Semantics;
using SpeechArchive.Storage;

namespace SpeechArchive.Tests.Indexing;

public sealed partial class ArchiveVectorsTests
{
    /// <summary>
    /// The passages' cells made by the vector stage and stored with the index (the project's own speeches, cells from 50
    /// passages on rather than 40,000), so a load lays the rows out without k-means and a small reindex runs none.
    /// </summary>
    public sealed class Cells
    {
        private const int CellsFrom = 50;

        private static readonly string[] Queries = ["怎样防止干部腐败", "公款大吃大喝", "选拔年轻干部", "基层减负"];

        [Fact]
        public void WhenTheIndexIsBuilt_ShouldLoadItsStoredCellsAndFindWhatCellsMadeAfreshFind()
        {
            using var temp = new TempFolder();
            var (options, index) = Options(temp);

            var run = Indexer.Run(options);
            var snapshot = IndexSnapshot.Load(index);
            var loaded = snapshot.MeaningVectors!;
            var fresh = PassageVectors.From(Stored(index).Passages, snapshot.Meaning!.Words, snapshot.Lexicon, CellsFrom);

            Assert.True(run.Vectors!.CellsMade);
            Assert.True(run.Vectors.Cells > 1, "cells were made");
            Assert.True(loaded.CellsStored, "the load read the stored cells");
            Assert.False(fresh.CellsStored);
            Assert.Equal(fresh.Cells, loaded.Cells);
            for (var p = 0; p < snapshot.Passages.Count; p++)
            {
                Assert.Equal(fresh.CellOf(p), loaded.CellOf(p));
            }

            foreach (var query in Queries.Select(q => Query(loaded, q)))
            {
                Assert.Equal(fresh.Nearest(query, 30, probes: 3), loaded.Nearest(query, 30, probes: 3));
            }
        }

        [Fact]
        public void WhenAFewPassagesAreAdded_ShouldPutThemInTheKeptCellsWithoutKMeans()
        {
            using var temp = new TempFolder();
            var (options, index) = Options(temp);
            var first = Indexer.Run(options);
            var before = IndexSnapshot.Load(index);
            var cellBefore = Enumerable.Range(0, before.Passages.Count).ToDictionary(p => before.Passages[p].Id, before.MeaningVectors!.CellOf);

            File.WriteAllText(Path.Combine(options.CorpusDirectory, "2023-zuofeng-tuijinhui.txt"),
                "在全市作风建设推进会上的讲话\n\n同志们：\n要坚持不懈纠治“四风”，力戒形式主义、官僚主义，切实为基层减负，让干部把精力用在抓落实上。\n");
            var second = Indexer.Run(options);
            var after = IndexSnapshot.Load(index);
            var vectors = after.MeaningVectors!;
            var added = Enumerable.Range(0, after.Passages.Count).Where(p => !cellBefore.ContainsKey(after.Passages[p].Id)).ToList();

            Assert.Equal(1, second.Added);
            Assert.NotEmpty(added);
            Assert.False(second.Vectors!.CellsMade, "a small change runs no k-means");
            Assert.Equal(added.Count, second.Vectors.CellsAssigned);
            Assert.Equal(first.Vectors!.Cells, second.Vectors.Cells);
            Assert.True(vectors.CellsStored);
            Assert.Equal(first.Vectors.Cells, vectors.Cells);
            for (var p = 0; p < after.Passages.Count; p++)
            {
                if (cellBefore.TryGetValue(after.Passages[p].Id, out var cell))
                {
                    Assert.Equal(cell, vectors.CellOf(p));
                }
            }

            var query = Query(vectors, "纠治四风为基层减负");
            Assert.Equal(vectors.Nearest(query, 30, exhaustive: true), vectors.Nearest(query, 30, probes: vectors.Cells));
            Assert.Contains(added[0], vectors.Nearest(query, 30, probes: vectors.Cells).Select(n => n.Passage));
        }

        [Fact]
        public void WhenMoreThanTheSharePassagesAreAdded_ShouldMakeTheCellsAgain()
        {
            using var temp = new TempFolder();
            var (options, index) = Options(temp);
            var first = Indexer.Run(options);
            foreach (var file in Directory.GetFiles(FixturePaths.Corpus))
            {
                File.Copy(file, Path.Combine(options.CorpusDirectory, "fixture-" + Path.GetFileName(file)));
            }

            var second = Indexer.Run(options);

            Assert.True(second.Passages - first.Passages >= ArchiveVectors.RemakeCellsShare * first.Passages, "the fixtures are more than the share");
            Assert.True(second.Vectors!.CellsMade);
            Assert.Equal(0, second.Vectors.CellsAssigned);
            Assert.True(IndexSnapshot.Load(index).MeaningVectors!.CellsStored);
        }

        [Fact]
        public void WhenTheStoredCellsWereMadeForOtherPassages_ShouldNotUseThem()
        {
            using var temp = new TempFolder();
            var (options, index) = Options(temp);
            Indexer.Run(options);
            var old = StoredCells(index);
            File.Delete(Directory.GetFiles(options.CorpusDirectory, "*.md").Order(StringComparer.Ordinal).First());
            Indexer.Run(options);
            using (var store = IndexStore.Open(index, create: false))
            {
                store.SetVectors(ArchiveVectors.CellsRow, old); // as if a run had stored the passages without their cells
            }

            var snapshot = IndexSnapshot.Load(index);

            Assert.False(snapshot.MeaningVectors!.CellsStored);
            Assert.Equal(0, snapshot.MeaningVectors.Cells); // made when loading: none below 40,000 passages
        }

        [Fact]
        public void WhenAnIndexHasNoCellsDecided_ShouldHaveTheNextRunStoreThemThoughNothingChanged()
        {
            using var temp = new TempFolder();
            var (options, index) = Options(temp);
            Indexer.Run(options);
            using (var store = IndexStore.Open(index, create: false))
            {
                // As an index made before the cells were stored has it.
                store.DeleteVectors(ArchiveVectors.CellsRow);
                store.SetMeta(MetaKey.VectorCellsOf, "0");
            }

            Assert.False(IndexSnapshot.Load(index).MeaningVectors!.CellsStored);
            var next = Indexer.Run(options);

            Assert.False(next.Committed, "nothing in the corpus changed");
            Assert.True(next.Vectors!.CellsMade);
            Assert.Equal(0, next.Vectors.Embedded);
            Assert.True(IndexSnapshot.Load(index).MeaningVectors!.CellsStored);
        }

        /// <summary>The project's own speeches copied into a temp folder (files are added), indexed with cells from <see cref="CellsFrom"/> passages on.</summary>
        private static (IndexOptions Options, string Index) Options(TempFolder temp)
        {
            var corpus = temp.Combine("corpus");
            Directory.CreateDirectory(corpus);
            foreach (var file in Directory.GetFiles(Path.Combine(FixturePaths.RepoRoot, "corpus")))
            {
                File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
            }

            var index = temp.Combine("index");
            return (new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index, VectorCellsFrom = CellsFrom }, index);
        }

        private static byte[] StoredCells(string index)
        {
            using var store = IndexStore.Open(index, create: false);
            return store.GetVectors(ArchiveVectors.CellsRow)!;
        }

        private static float[] Query(PassageVectors vectors, string text) =>
            vectors.Query(new Segmenter(Lexicon.Base).Segment(text).Select(w => w.Text)) ?? throw new InvalidOperationException($"no vector for {text}");
    }
}
