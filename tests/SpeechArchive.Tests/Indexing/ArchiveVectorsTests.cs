using SpeechArchive.Analysis;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Semantics;
using SpeechArchive.Storage;

namespace SpeechArchive.Tests.Indexing;

/// <summary>The meaning model and the passages' vectors stored with the index: chosen, learned again only when due, updated per file.</summary>
public sealed partial class ArchiveVectorsTests
{
    [Fact]
    public void WhenTheArchiveIsSmall_ShouldServeTheBaseVectorsWithStoredPassageVectorsEqualToEmbeddingThemNow()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        var snapshot = IndexSnapshot.Load(index);

        Assert.NotNull(run.Vectors);
        Assert.Equal(ArchiveVectors.BaseModel, run.Vectors!.Model);
        Assert.False(run.Vectors.Learned);
        Assert.Equal(snapshot.Passages.Count, run.Vectors.Embedded);
        Assert.Equal(ArchiveVectors.BaseModel, snapshot.Meaning!.Kind);
        Assert.Equal(1, snapshot.Meaning.Generation);
        Assert.Same(WordVectors.Base, snapshot.Meaning.Words);

        // The stored vectors (used by the snapshot) against the passages embedded afresh the same way.
        AssertServedAsBaseEmbedsThemNow(snapshot);
    }

    /// <summary>The passage vectors a snapshot serves give every passage the similarity the base vectors give it embedded now.</summary>
    private static void AssertServedAsBaseEmbedsThemNow(IndexSnapshot snapshot)
    {
        var served = snapshot.MeaningVectors!;
        var fresh = PassageVectors.Build([.. Enumerable.Range(0, snapshot.Passages.Count).Select(snapshot.PassageText)], WordVectors.Base!,
            new SpeechArchive.Analysis.Segmenter(snapshot.Lexicon));
        var query = served.Query(["廉政", "纪律"])!;
        Assert.All(Enumerable.Range(0, snapshot.Passages.Count), p => Assert.Equal(fresh.Similarity(query, p), served.Similarity(query, p), 6));
    }

    [Fact]
    public void WhenASmallArchiveUsesWordsTheBaseVectorsDoNotKnow_ShouldExtendThemAndKeepEveryBaseVector()
    {
        using var temp = new TempFolder();
        var corpus = Path.Combine(FixturePaths.RepoRoot, "corpus");

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = temp.Combine("index") });
        var snapshot = IndexSnapshot.Load(temp.Combine("index"));
        var words = snapshot.Meaning!.Words;
        var known = WordVectors.Base!;
        var added = words.Words.Where(w => !known.Contains(w)).ToList();

        Assert.Equal(ArchiveVectors.ExtendedModel, run.Vectors!.Model);
        Assert.Equal(ArchiveVectors.ExtendedModel, snapshot.Meaning.Kind);
        Assert.Equal(known.Count + added.Count, words.Count);
        Assert.NotEmpty(added);
        var text = string.Concat(snapshot.Speeches.Select(s => s.Text));
        Assert.All(added, w => Assert.True(CountOf(text, w) >= new VectorTrainingOptions().MinCount, $"{w} is seen often enough to read"));
        foreach (var word in known.Words.Where((_, i) => i % 997 == 0))
        {
            // Stored 8-bit: each component within half a quantisation step of the base's.
            var (a, b) = (known.Of(word).ToArray(), words.Of(word).ToArray());
            Assert.True(a.Zip(b).All(x => Math.Abs(x.First - x.Second) < 0.02), word);
        }
    }

    private static int CountOf(string text, string word)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            (count, at) = (count + 1, at + word.Length);
        }

        return count;
    }

    [Fact]
    public void WhenTooFewWordsRecurToLearnFrom_ShouldServeTheBaseVectors()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopyFixtureCorpus();

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = temp.Combine("index"), VectorTrainingFrom = 1 });

        Assert.Equal(ArchiveVectors.BaseModel, run.Vectors!.Model);
        Assert.False(run.Vectors.Learned);
        Assert.Same(WordVectors.Base, IndexSnapshot.Load(temp.Combine("index")).Meaning!.Words);
    }

    /// <summary>A corpus large enough to learn a model from (a shared set, read by path, copied to a temp folder since files are added).</summary>
    private static string LearnableCorpus(TempFolder temp)
    {
        var source = SharedCorpus.Require("xi-2020");
        var corpus = temp.Combine("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        return corpus;
    }

    [SkippableFact]
    public void WhenOneFileIsAdded_ShouldKeepTheLearnedModelAndEmbedOnlyThatFilesPassages()
    {
        using var temp = new TempFolder();
        var corpus = LearnableCorpus(temp);
        var extra = Directory.GetFiles(Path.Combine(FixturePaths.RepoRoot, "corpus"), "*.md").Order(StringComparer.Ordinal).ToList();
        var index = temp.Combine("index");
        var options = new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index, VectorTrainingFrom = 1 };

        var first = Indexer.Run(options);
        var (words, table) = Stored(index);

        Assert.Equal(ArchiveVectors.ArchiveModel, first.Vectors!.Model);
        Assert.True(first.Vectors.Learned);
        Assert.Equal(1, first.Vectors.Generation);
        Assert.NotNull(words);

        // One more speech: far less than a tenth of the archive's characters.
        var added = extra[0];
        File.Copy(added, Path.Combine(corpus, Path.GetFileName(added)));
        var second = Indexer.Run(options);
        var (wordsAfter, tableAfter) = Stored(index);
        var snapshot = IndexSnapshot.Load(index);
        var newPassages = snapshot.Passages.Count(p => snapshot.Speeches[p.Speech].FileKey == Path.GetFileName(added));

        Assert.Equal(1, second.Added);
        Assert.False(second.Vectors!.Learned, "a small change does not learn the model again");
        Assert.Equal(1, second.Vectors.Generation);
        Assert.Equal(words, wordsAfter);
        Assert.True(newPassages > 0);
        Assert.Equal(newPassages, second.Vectors.Embedded);
        Assert.Equal(snapshot.Passages.Count, tableAfter.Count);
        var d = table.Dimensions;
        for (var i = 0; i < table.Count; i++)
        {
            var at = Array.IndexOf(tableAfter.Ids, table.Ids[i]);
            Assert.True(at >= 0, $"passage {table.Ids[i]} kept");
            Assert.Equal(table.Data.AsSpan(i * d, d).ToArray(), tableAfter.Data.AsSpan(at * d, d).ToArray());
        }

        Assert.Equal(ArchiveVectors.ArchiveModel, snapshot.Meaning!.Kind);
        Assert.Equal(snapshot.Meaning.Words.Count, WordVectors.Read(new MemoryStream(wordsAfter!), "stored").Count);

        // A rebuild learns it again: the next generation.
        var rebuilt = Indexer.Run(options with { Rebuild = true });
        Assert.True(rebuilt.Vectors!.Learned);
        Assert.Equal(2, rebuilt.Vectors.Generation);
        Assert.Equal(2, IndexSnapshot.Load(index).Meaning!.Generation);
    }

    [SkippableFact]
    public void WhenTheArchiveGrowsByMoreThanTheShare_ShouldLearnTheModelAgain()
    {
        using var temp = new TempFolder();
        var corpus = LearnableCorpus(temp);
        var index = temp.Combine("index");
        var options = new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index, VectorTrainingFrom = 1 };
        var files = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).ToList();
        var moved = temp.Combine("later");
        Directory.CreateDirectory(moved);
        foreach (var file in files.Take(files.Count / 4))
        {
            File.Move(file, Path.Combine(moved, Path.GetFileName(file)));
        }

        Assert.True(Indexer.Run(options).Vectors!.Learned);
        foreach (var file in Directory.GetFiles(moved))
        {
            File.Move(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        var grown = Indexer.Run(options);

        Assert.True(grown.Vectors!.Learned);
        Assert.Equal(2, grown.Vectors.Generation);
        Assert.Equal(grown.Passages, grown.Vectors.Embedded);
    }

    [Fact]
    public void WhenTheStoredPassageVectorsAreOlderThanTheIndex_ShouldNotUseThemAndTheNextRunShouldStoreThem()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        using (var store = IndexStore.Open(index, create: false))
        {
            store.SetMeta(MetaKey.VectorPassagesOf, "0"); // as if the vector stage of the last run had failed
        }

        var snapshot = IndexSnapshot.Load(index);
        Assert.NotNull(snapshot.MeaningVectors); // embedded on load instead
        Assert.Equal(snapshot.Passages.Count, snapshot.MeaningVectors!.Count);

        var next = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });

        Assert.False(next.Committed, "nothing in the corpus changed");
        Assert.NotNull(next.Vectors);
        using var after = IndexStore.Open(index, create: false);
        Assert.False(ArchiveVectors.Stale(after));
    }

    [Fact]
    public void WhenThePassagesWereEmbeddedWithOtherBaseVectors_ShouldNotServeThemAndTheNextRunShouldEmbedThemAll()
    {
        using var temp = new TempFolder();
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");
        var first = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        Assert.Equal(ArchiveVectors.BaseModel, first.Vectors!.Model);
        using (var store = IndexStore.Open(index, create: false))
        {
            Assert.False(ArchiveVectors.Stale(store));

            // As an earlier build left it: its passages embedded with its own base vectors (made up here, of the same size).
            var d = WordVectors.Base!.Dimensions;
            var words = new WordVectors(["廉政", "纪律"], [1, .. new float[d - 1], 0, 1, .. new float[d - 2]], d, "an earlier build's base vectors");
            var ids = store.ReadPassageSpans().Select(p => p.Id).ToArray();
            var old = PassageVectorTable.Compute(ids, _ => "廉政纪律", words, new SpeechArchive.Analysis.Segmenter(SpeechArchive.Analysis.Lexicon.Base));
            store.SetVectors(ArchiveVectors.PassagesRow, old.ToBytes());
            store.SetMeta(MetaKey.VectorLexicon, store.GetMeta(MetaKey.VectorLexicon)!.Split('\u0001')[0] + "\u0001" + words.Fingerprint);
            Assert.True(ArchiveVectors.Stale(store));
        }

        // Served: the passages embedded on load with this build's base vectors, not the stored ones.
        AssertServedAsBaseEmbedsThemNow(IndexSnapshot.Load(index));

        var next = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });

        Assert.False(next.Committed, "nothing in the corpus changed");
        Assert.Equal(first.Vectors.Passages, next.Vectors!.Embedded);
        var (_, passages) = Stored(index);
        Assert.Equal(WordVectors.Base!.Dimensions, passages.Dimensions);
        using var after = IndexStore.Open(index, create: false);
        Assert.False(ArchiveVectors.Stale(after));
    }

    [SkippableFact]
    public void WhenTheModelIsLearned_ShouldReadEachPassagesWordsFromItsSpeechAsItsOwnTextGivesThem()
    {
        // The run cuts every speech into words once, for learning and embedding alike: each passage's words, read from its
        // speech's cut, must be the words its own text is cut into, and the vectors made from them the same to the bit.
        using var temp = new TempFolder();
        var corpus = LearnableCorpus(temp);
        var index = temp.Combine("index");

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index, VectorTrainingFrom = 1 });

        Assert.True(run.Vectors!.Learned);
        Assert.InRange(run.Vectors.Rounds, 1, RandomizedEigen.DefaultRounds);
        using var store = IndexStore.Open(index, create: false);
        var segmenter = new Segmenter(ArchiveLexicon.Compose(store.GetMeta(MetaKey.Lexicon), store.GetMeta(MetaKey.LexiconEdits)));
        var spans = store.ReadPassageSpans();
        var speeches = store.ReadTextsById();
        var textOf = speeches.Select((s, k) => (s.Id, k)).ToDictionary(p => p.Id, p => p.k);
        var cut = CutTexts.Of([.. speeches.Select(s => s.Text)], segmenter);
        string TextAt(int i) => speeches[textOf[spans[i].Speech]].Text[spans[i].Start..spans[i].End];
        Assert.All(Enumerable.Range(0, spans.Count), i =>
        {
            var (from, to) = cut.Within(textOf[spans[i].Speech], spans[i].Start, spans[i].End);
            Assert.Equal(segmenter.Segment(TextAt(i)).Where(w => w.Kind == WordKind.Han).Select(w => w.Text), cut.Ids[textOf[spans[i].Speech]][from..to].Select(id => cut.Names[id]));
        });

        var ids = spans.Select(s => s.Id).ToList();
        var fromTexts = PassageVectorTable.Compute(ids, TextAt, WordVectors.Base!, segmenter);
        var fromCut = PassageVectorTable.Compute(ids, cut, ArchiveVectors.PassagesOfCut(speeches, spans, segmenter), WordVectors.Base!, segmenter.Lexicon);
        Assert.Equal(fromTexts.ToBytes(), fromCut.ToBytes());
    }

    [Fact]
    public void WhenAPassageIsCutInsideARunOfHanCharacters_ShouldEmbedItsOwnTextsWords()
    {
        // A sentence too long for a passage is cut where it has no break, possibly inside a word (廉|政): there the speech's
        // cut holds a word across the edge, so the passage's own text is cut instead.
        const string text = "我们要加强党风廉政建设推进全面从严治党向纵深发展。坚持反腐败斗争。";
        var segmenter = new Segmenter(Lexicon.Base);
        var speeches = new List<(long Id, string Text)> { (1, text) };
        var spans = new List<(long Id, long Speech, int Start, int End)> { (10, 1, 0, 8), (11, 1, 8, 25), (12, 1, 25, text.Length) };
        var ids = spans.Select(s => s.Id).ToList();
        var cut = CutTexts.Of([text], segmenter);
        var passages = ArchiveVectors.PassagesOfCut(speeches, spans, segmenter);

        var fromTexts = PassageVectorTable.Compute(ids, i => text[spans[i].Start..spans[i].End], WordVectors.Base!, segmenter);
        var fromCut = PassageVectorTable.Compute(ids, cut, passages, WordVectors.Base!, segmenter.Lexicon);
        var cutAlone = PassageVectorTable.Compute(ids, cut, (passages.SpanAt, _ => null), WordVectors.Base!, segmenter.Lexicon);

        Assert.NotNull(passages.OwnWords(0));
        Assert.NotNull(passages.OwnWords(1));
        Assert.Null(passages.OwnWords(2));
        Assert.Equal(fromTexts.ToBytes(), fromCut.ToBytes());
        Assert.NotEqual(fromTexts.ToBytes(), cutAlone.ToBytes()); // the edge does cost the cut alone a word
    }

    private static (byte[]? Words, PassageVectorTable Passages) Stored(string index)
    {
        using var store = IndexStore.Open(index, create: false);
        return (store.GetVectors(ArchiveVectors.WordsRow), PassageVectorTable.FromBytes(store.GetVectors(ArchiveVectors.PassagesRow)!, "test"));
    }
}
