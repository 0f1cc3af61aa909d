using System.Buffers.Binary;
using SpeechArchive.Analysis;
using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Storage;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A snapshot maps its term dictionary from a file of its generation beside the index, named by the segments' digest and
/// written at the first load; a file cut short, altered, of another generation, of another index or whose references lie
/// out of range is not used (the dictionary is made from the term lists and the file written again); where none can be
/// written, the dictionary made from the term lists serves.
/// </summary>
public sealed class TermDictionaryFileTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenLoadedAgain_ShouldMapTheDictionaryAsMadeFromTheTermListsAndAnswerAlike()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));

        var fromLists = IndexSnapshot.Load(index);
        var fromFile = IndexSnapshot.Load(index);

        Assert.False(fromLists.DictionaryFromFile);
        Assert.True(fromFile.DictionaryFromFile);
        Assert.Single(DictionaryFiles(index));
        var (mapped, built) = BothWays(index);
        Assert.True(mapped.Mapped);
        Assert.False(built.Mapped);
        Assert.Equal(built.Keys.Span.ToArray(), mapped.Keys.Span.ToArray());
        Assert.Equal(built.Slots.Span.ToArray(), mapped.Slots.Span.ToArray());
        Assert.Equal(built.PartStart.Span.ToArray(), mapped.PartStart.Span.ToArray());
        Assert.Equal(built.Parts.Span.ToArray(), mapped.Parts.Span.ToArray());
        Assert.Equal(new string(built.WordChars.Span), new string(mapped.WordChars.Span));
        Assert.Equal(fromLists.TermCount, fromFile.TermCount);
        Assert.Equal(Answers(fromLists), Answers(fromFile));
    }

    [Fact]
    public void EveryTermOfTheTermLists_ShouldBeFoundWithItsDocumentCountAndNoOtherKey()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));
        _ = IndexSnapshot.Load(index);
        var (dictionary, _) = BothWays(index);
        using var store = IndexStore.Open(index, create: false);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (terms, id) in store.ReadSegmentTermLists())
        {
            var at = 0;
            var count = SegmentReader.TermCount(terms, ref at);
            for (var t = 0; t < count; t++)
            {
                var (start, length, _, docs) = SegmentReader.NextTerm(terms, ref at, id);
                var text = System.Text.Encoding.UTF8.GetString(terms, start, length);
                expected[text] = expected.GetValueOrDefault(text) + docs;
            }
        }

        Assert.Equal(expected.Count, dictionary.Count);
        Assert.Contains(expected.Keys, t => !TermKey.IsHanText(t)); // Latin and digit words too
        foreach (var (text, docs) in expected)
        {
            var key = TermKey.IsHanText(text) ? TermKey.FromHanText(text) : TermKey.Word(dictionary.WordRank(text) ?? -1);
            var id = dictionary.Find(key);
            Assert.True(id >= 0, text);
            Assert.Equal(key, dictionary.Key(id));
            Assert.Equal(docs, dictionary.DocFrequency(id));
        }

        Assert.Equal(-1, dictionary.Find(TermKey.Bigram('龘', '龘')));
        Assert.Null(dictionary.WordRank("zzzz-not-a-word"));
    }

    [Fact]
    public void WhenATermIsInSeveralSegments_ShouldReadItsPartsInSegmentOrderAsTheTermListsDo()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实，全面从严治党。\n");
        Build(corpus, index);
        var fromLists = IndexSnapshot.Load(index);

        var fromFile = IndexSnapshot.Load(index);

        Assert.True(fromFile.DictionaryFromFile);
        var (dictionary, _) = BothWays(index);
        var key = TermKey.Bigram('从', '严');
        var id = dictionary.Find(key);
        Assert.True(dictionary.PartsOf(id).Length >= 2);
        Assert.True(dictionary.PartsOf(id)[0].Segment < dictionary.PartsOf(id)[1].Segment);
        Assert.Equal(fromLists.Postings(key)!.Value.Docs, fromFile.Postings(key)!.Value.Docs);
        Assert.Equal(dictionary.DocFrequency(id), fromFile.Postings(key)!.Value.Docs.Length);
        Assert.Equal(Answers(fromLists), Answers(fromFile));
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("a byte altered")]
    [InlineData("a term's part out of range")]
    [InlineData("an earlier generation's")]
    [InlineData("another index's")]
    public void WhenTheFileIsNotThisGenerations_ShouldMakeTheDictionaryFromTheTermListsAndWriteTheFileAgain(string damage)
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        var expected = Answers(IndexSnapshot.Load(index));
        var file = Assert.Single(DictionaryFiles(index));
        byte[]? whole = File.ReadAllBytes(file);
        switch (damage)
        {
            case "cut short":
                File.WriteAllBytes(file, whole[..^9]);
                break;
            case "a byte altered":
                var altered = whole.ToArray();
                altered[whole.Length / 2] ^= 0x10;
                File.WriteAllBytes(file, altered);
                break;
            case "a term's part out of range":
                // Whole by its checksum, but the first part names a segment the index does not have.
                File.WriteAllBytes(file, WithFirstPartSegment(whole, 99));
                break;
            case "an earlier generation's":
                File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
                Build(corpus, index);
                expected = Answers(IndexSnapshot.Load(index));
                file = Assert.Single(DictionaryFiles(index));
                File.WriteAllBytes(file, whole);
                whole = null; // written again, for the segments of this generation
                break;
            default:
                // The file of an index of other speeches (one more, with words of its own), under this index's name.
                var otherCorpus = temp.CopyFixtureCorpus("other-corpus");
                File.WriteAllText(Path.Combine(otherCorpus, "other.txt"), "同志们：\n要把网格化管理和数字化赋能结合起来，2031 年见效。\n");
                var other = Build(otherCorpus, temp.Combine("other-index"));
                _ = IndexSnapshot.Load(other);
                File.WriteAllBytes(file, File.ReadAllBytes(Assert.Single(DictionaryFiles(other)))); // not File.Copy: the first snapshot maps the file
                Assert.NotEqual(whole, File.ReadAllBytes(file));
                break;
        }

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.DictionaryFromFile);
        Assert.Equal(expected, Answers(snapshot));
        if (whole is not null)
        {
            Assert.Equal(whole, File.ReadAllBytes(file)); // written again from the term lists, byte for byte
        }

        var again = IndexSnapshot.Load(index);
        Assert.True(again.DictionaryFromFile);
        Assert.Equal(expected, Answers(again));
    }

    [SkippableFact]
    public void InAReadOnlyFolderWithoutTheFile_ShouldMakeTheDictionaryFromTheTermLists()
    {
        var corpus = temp.CopyFixtureCorpus();
        var writable = IndexSnapshot.Load(Build(corpus, temp.Combine("writable")));
        using var disk = SmallDisk.Mount(temp.Path, 8 * 1024);
        var index = Build(corpus, Path.Combine(disk.Path, "index"));
        disk.ReadOnly();

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.DictionaryFromFile);
        Assert.Empty(DictionaryFiles(index));
        Assert.Equal(Answers(writable), Answers(snapshot));
        disk.ReadOnly(false);
    }

    public void Dispose() => temp.Dispose();

    private static string Build(string corpus, string index) => SnapshotAnswers.Build(corpus, index);

    private static List<string> Answers(IndexSnapshot snapshot) =>
        SnapshotAnswers.Of(snapshot, "作风", "巡察整改", "全面从严治党", "如何加强党风廉政建设", "巡", "2023");

    private static string[] DictionaryFiles(string index) => Directory.GetFiles(index, "term-dictionary-*.bin");

    /// <summary>The dictionary of the index's current generation mapped from its file, and made from its term lists.</summary>
    private static (TermDictionary Mapped, TermDictionary Built) BothWays(string index)
    {
        using var store = IndexStore.Open(index, create: false);
        store.BeginRead();
        var postings = SegmentPostingsFile.ReadForGeneration(store, store.Generation);
        var (mapped, fromFile) = TermDictionaryFile.ReadForGeneration(store, store.Generation, postings);
        Assert.True(fromFile);
        var built = TermDictionary.Build(store.ReadSegmentTermLists());
        store.Rollback();
        return (mapped, built);
    }

    /// <summary>The file with its first term part's segment set to <paramref name="segment"/> and its checksum made again.</summary>
    private static byte[] WithFirstPartSegment(byte[] file, int segment)
    {
        var bytes = file.ToArray();
        var (terms, table) = (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28)));
        var parts = 64 + GenerationFiles.Padded(8L * terms) + GenerationFiles.Padded(4L * table) + GenerationFiles.Padded(4L * (terms + 1));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((int)parts), segment);
        var checksum = new GenerationFiles.Checksum();
        checksum.Add(bytes.AsSpan(0, bytes.Length - 8));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), checksum.Value);
        return bytes;
    }
}
