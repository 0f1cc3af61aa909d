using System.Text.Json;
using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Storage;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A snapshot reads its speech and section rows from a file of its generation beside the index, named by the generation's
/// stamp and written at the first load; a file cut short, altered, of another generation or of another index is not used
/// (the rows are read and the file written again); where none can be written, or the index has no stamp, the rows serve.
/// </summary>
public sealed class SpeechRowFileTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void WhenLoadedAgain_ShouldReadTheRowsFromTheFileAsTheyAreStoredAndAnswerAsFromTheRows()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));

        var fromRows = IndexSnapshot.Load(index);
        var fromFile = IndexSnapshot.Load(index);

        Assert.False(fromRows.SpeechesFromFile);
        Assert.True(fromFile.SpeechesFromFile);
        var file = Assert.Single(RowFiles(index));
        var (generation, stamp) = Stamp(index);
        Assert.Equal(SpeechRowFile.NameFor(generation, stamp), Path.GetFileName(file));
        var stored = SpeechRowFile.Read(file, generation, stamp)!;
        var (speeches, sections) = StoredRows(index);
        Assert.Contains(speeches, s => s.Markdown is not null); // the fixture's Markdown files: their Markdown goes through the file too
        Assert.Equal(speeches.Select(Json), stored.Speeches.Select(Json));
        Assert.Equal(sections, stored.Sections); // records of values: equal field by field
        Assert.Equal(GenerationFiles.Digest(speeches), stored.Digest);
        Assert.True(fromFile.ColumnsFromFile); // the digest read from the file names the columns file the rows named
        Assert.Equal(Describe(fromRows), Describe(fromFile));
        Assert.Equal(Answers(fromRows), Answers(fromFile));
    }

    [Fact]
    public void WhenANewGenerationLoads_ShouldWriteItsOwnFileAndDeleteTheOldOne()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        _ = IndexSnapshot.Load(index);
        var oldFile = Assert.Single(RowFiles(index));
        var oldStamp = Stamp(index).Stamp;
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        Build(corpus, index);
        Assert.NotEqual(oldStamp, Stamp(index).Stamp);

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.SpeechesFromFile);
        var file = Assert.Single(RowFiles(index));
        Assert.NotEqual(oldFile, file);
        var again = IndexSnapshot.Load(index);
        Assert.True(again.SpeechesFromFile);
        Assert.Equal(Describe(snapshot), Describe(again));
        Assert.NotNull(again.FindSpeech(Assert.Single(again.Speeches, s => s.FileKey == "new.txt").Id));
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("a byte altered")]
    [InlineData("an earlier generation's")]
    [InlineData("another index's")]
    public void WhenTheFileIsNotThisGenerations_ShouldReadTheRowsAndWriteTheFileAgain(string damage)
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = Build(corpus, temp.Combine("index"));
        var expected = Describe(IndexSnapshot.Load(index));
        var file = Assert.Single(RowFiles(index));
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
            case "an earlier generation's":
                // The file of the generation before, under this generation's name: whole, but its header names the other one.
                File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
                Build(corpus, index);
                expected = Describe(IndexSnapshot.Load(index));
                file = Assert.Single(RowFiles(index));
                File.WriteAllBytes(file, whole);
                var (generation, stamp) = Stamp(index);
                Assert.Null(SpeechRowFile.Read(file, generation, stamp));
                whole = null; // written again, for the rows of this generation
                break;
            default:
                // The file of an index of other speeches (one file fewer), under this index's name.
                var otherCorpus = temp.CopyFixtureCorpus("other-corpus");
                File.Delete(Directory.GetFiles(otherCorpus, "*.txt")[0]);
                var other = Build(otherCorpus, temp.Combine("other-index"));
                _ = IndexSnapshot.Load(other);
                File.Copy(Assert.Single(RowFiles(other)), file, overwrite: true);
                Assert.NotEqual(whole, File.ReadAllBytes(file));
                break;
        }

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.SpeechesFromFile);
        Assert.Equal(expected, Describe(snapshot));
        if (whole is not null)
        {
            Assert.Equal(whole, File.ReadAllBytes(file)); // written again from the rows, byte for byte
        }

        var again = IndexSnapshot.Load(index);
        Assert.True(again.SpeechesFromFile);
        Assert.Equal(expected, Describe(again));
    }

    [Fact]
    public void WhenTheIndexHasNoStamp_ShouldReadTheRowsAndWriteNoFile()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(index, Schema.FileName)};Pooling=False"))
        {
            // As an index last committed before stamps were written.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM meta WHERE key = '{MetaKey.GenerationStamp.Name}'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var first = IndexSnapshot.Load(index);
        var second = IndexSnapshot.Load(index);

        Assert.False(first.SpeechesFromFile || second.SpeechesFromFile);
        Assert.Empty(RowFiles(index));
        Assert.True(second.ColumnsFromFile); // the other files, named by the rows' digest, serve as before
        Assert.Equal(Describe(first), Describe(second));
    }

    [SkippableFact]
    public void InAReadOnlyFolderWithoutTheFile_ShouldReadTheRows()
    {
        var corpus = temp.CopyFixtureCorpus();
        var writable = IndexSnapshot.Load(Build(corpus, temp.Combine("writable")));
        using var disk = SmallDisk.Mount(temp.Path, 8 * 1024);
        var index = Build(corpus, Path.Combine(disk.Path, "index"));
        disk.ReadOnly();

        var snapshot = IndexSnapshot.Load(index);

        Assert.False(snapshot.SpeechesFromFile);
        Assert.Empty(RowFiles(index));
        Assert.Equal(Answers(writable), Answers(snapshot));
        Assert.Equal(Describe(writable).Select(WithoutIndexedAt), Describe(snapshot).Select(WithoutIndexedAt));
        disk.ReadOnly(false);
    }

    [Fact]
    public void ASnapshotFromTheFile_ShouldReadItsMeaningAsOneFromTheRows()
    {
        var index = Build(temp.CopyFixtureCorpus(), temp.Combine("index"));
        var fromRows = IndexSnapshot.Load(index); // the first load: the meaning is read with the rows
        var fromFile = IndexSnapshot.Load(index); // the meaning read in the background

        Assert.True(fromFile.SpeechesFromFile);
        Assert.Equal(fromRows.Meaning?.Kind, fromFile.Meaning?.Kind);
        Assert.Equal(fromRows.Meaning?.Generation, fromFile.Meaning?.Generation);
        Assert.Equal(fromRows.MeaningVectors?.CellsStored, fromFile.MeaningVectors?.CellsStored);
        Assert.Equal(fromRows.MeaningVectors?.Cells, fromFile.MeaningVectors?.Cells);
        Assert.Equal(
            SnapshotAnswers.Of(fromRows, "如何加强党风廉政建设", "干部作风问题怎么整改"),
            SnapshotAnswers.Of(fromFile, "如何加强党风廉政建设", "干部作风问题怎么整改"));
    }

    public void Dispose() => temp.Dispose();

    private static string Build(string corpus, string index) => SnapshotAnswers.Build(corpus, index);

    private static List<string> Answers(IndexSnapshot snapshot) => SnapshotAnswers.Of(snapshot, "作风", "巡察整改", "全面从严治党", "如何加强党风廉政建设");

    private static string[] RowFiles(string index) => Directory.GetFiles(index, "speech-rows-*.bin");

    private static (long Generation, string Stamp) Stamp(string index)
    {
        using var store = IndexStore.Open(index, create: false);
        return (store.Generation, store.GetMeta(MetaKey.GenerationStamp)!);
    }

    private static (List<StoredSpeech> Speeches, List<StoredSection> Sections) StoredRows(string index)
    {
        using var store = IndexStore.Open(index, create: false);
        return (store.ReadSpeeches(withText: false, withMarkdown: true), store.ReadSections());
    }

    private static string Json(StoredSpeech s) => JsonSerializer.Serialize(s);

    private static string WithoutIndexedAt(string described) => described[(described.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>Every speech as the snapshot holds it (when indexed first: two builds differ there), with its sections and passages.</summary>
    private static List<string> Describe(IndexSnapshot s) =>
        [.. s.Speeches.Select(sp => string.Join('|', sp.IndexedAt, sp.Id, sp.FileKey, sp.Title, sp.Date, sp.Year, sp.Speaker, sp.Organization, sp.Category, sp.CategoryLabel,
            sp.Meeting, sp.Source, string.Join(',', sp.Tags), sp.Markdown, sp.Provenance, string.Join(',', sp.Warnings),
            string.Join(',', sp.ThemeShares.Select(t => $"{t.Key}={t.Value:R}")), sp.ContentHash, sp.TitleMatch, sp.Text,
            string.Join(';', sp.Sections.Select(x => $"{x}")), string.Join(',', sp.Passages)))];
}
