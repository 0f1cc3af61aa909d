using Microsoft.Data.Sqlite;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Storage;
using SpeechArchive.Tests.Indexing;

namespace SpeechArchive.Tests.Storage;

/// <summary>
/// Faults beyond a kill, on real file systems and real damaged copies: each is named with its cause and its file or folder,
/// the last good index stays searchable, and the next ordinary run gives what a clean build gives.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private static readonly string[] Queries = ["作风", "巡察整改", "全面从严治党", "第12号"];

    private readonly TempFolder temp = new();

    private static IndexRunResult Run(string corpus, string index, bool rebuild = false) =>
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index, Rebuild = rebuild });

    /// <summary>What each query finds: its total and its first hits, to compare an index with a clean build.</summary>
    private static List<string> Answers(string index)
    {
        var searcher = new Searcher(IndexSnapshot.Load(index));
        return [.. Queries.Select(q =>
        {
            var result = searcher.Search(new SearchRequest { Query = q, Limit = 5 });
            return $"{q}: {result.Total} " + string.Join(",", result.Hits.Select(h => h.PassageId));
        })];
    }

    private string CleanBuild(string corpus)
    {
        var index = temp.Combine("clean-" + Guid.NewGuid().ToString("N"));
        Run(corpus, index);
        return index;
    }

    [SkippableFact]
    public void AFullDisk_ShouldSayWhereAndHowMuchKeepTheLastIndexAndLetTheNextRunComplete()
    {
        using var disk = SmallDisk.Mount(temp.Path, 1024);
        var corpus = temp.CopyFixtureCorpus();
        var index = Path.Combine(disk.Path, "index");
        Run(corpus, index);
        var before = Answers(index);
        GeneratedCorpus.Write(Path.Combine(corpus, "more"), 300, "甲稿");

        var e = Assert.Throws<IndexDiskFullException>(() => Run(corpus, index));

        Assert.Contains("is full", e.Message, StringComparison.Ordinal);
        Assert.Contains($"({disk.Path}, tmpfs)", e.Message, StringComparison.Ordinal); // the disk itself: its mount point and kind
        Assert.Contains(index, e.Message, StringComparison.Ordinal);
        Assert.Contains("generation 1", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"free roughly [\d.]+ (KB|MB) more", e.Message);
        Assert.DoesNotContain("ROLLBACK", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Answers(index));
        Assert.False(new FileInfo(IndexStore.DatabasePathIn(index) + "-wal") is { Exists: true, Length: > 0 }, "the log of the failed run was not given back");

        disk.Resize(64 * 1024);
        var next = Run(corpus, index);

        Assert.Equal(300, next.Added);
        Assert.Equal(Answers(CleanBuild(corpus)), Answers(index));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("not sqlite")]
    [InlineData("foreign log")]
    public void ADamagedIndex_ShouldBeNamedWithTheWayBackAndARebuildShouldRestoreIt(string damage)
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");
        Run(corpus, index);
        Damage(IndexStore.DatabasePathIn(index), damage);

        var load = Assert.Throws<IndexDamagedException>(() => Answers(index));
        var check = Assert.Throws<IndexDamagedException>(() => Indexer.Check(index));
        var next = Run(corpus, index); // an ordinary run

        foreach (var message in new[] { load.Message, check.Message })
        {
            Assert.Contains(IndexStore.DatabasePathIn(index), message, StringComparison.Ordinal);
            Assert.Contains("damaged", message, StringComparison.Ordinal);
            Assert.Contains("index --rebuild", message, StringComparison.Ordinal);
        }

        Assert.Contains(next.Warnings, w => w.Contains("set aside", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(index, "speecharchive.db.damaged-*"));
        Assert.Equal(Answers(CleanBuild(corpus)), Answers(index));
        Assert.True(Indexer.Check(index) >= TimeSpan.Zero);
    }

    [Fact]
    public void TheQuickCheck_ShouldFindDamageInsideAPage()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");
        Run(corpus, index);
        Indexer.Check(index);
        Damage(IndexStore.DatabasePathIn(index), "flipped");

        var e = Assert.Throws<IndexDamagedException>(() => Indexer.Check(index));

        Assert.Contains("index --rebuild", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AReadOnlyIndexFolder_ShouldStillServeSearchAndRefuseARunByName()
    {
        using var disk = SmallDisk.Mount(temp.Path, 8 * 1024);
        var corpus = temp.CopyFixtureCorpus();
        var index = Path.Combine(disk.Path, "index");
        Run(corpus, index);
        var before = Answers(index);
        File.WriteAllText(Path.Combine(corpus, "new.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        disk.ReadOnly();

        var e = Assert.Throws<SpeechArchiveException>(() => Run(corpus, index));

        Assert.Contains($"Cannot write the index folder '{index}'", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Answers(index));
        Assert.Equal(1, IndexStore.CommittedGeneration(index));

        disk.ReadOnly(false);
        Assert.Equal(1, Run(corpus, index).Added);
        Assert.Equal(Answers(CleanBuild(corpus)), Answers(index));
    }

    [Fact]
    public void AVanishedCorpusFolder_ShouldBeNamedAndLeaveTheIndexAsItWas()
    {
        var corpus = temp.CopyFixtureCorpus();
        var index = temp.Combine("index");
        Run(corpus, index);
        var before = Answers(index);
        Directory.Move(corpus, corpus + "-moved");

        var e = Assert.Throws<SpeechArchiveException>(() => Run(corpus, index));

        Assert.Contains(corpus, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Answers(index));
    }

    [Fact]
    public void AFileThatVanishesBetweenTheScanAndTheRead_ShouldFailAloneByName()
    {
        var corpus = temp.CopyFixtureCorpus();
        var files = new SpeechArchive.Documents.CorpusScanner().Scan(corpus);
        var gone = files[0];
        File.Delete(gone.FullPath);

        var read = new SpeechArchive.Documents.DocumentReader().Read(gone, null);
        var other = new SpeechArchive.Documents.DocumentReader().Read(files[1], null);

        Assert.Null(read.Document);
        Assert.Contains("cannot read file", read.Reason, StringComparison.Ordinal);
        Assert.Contains(gone.FullPath, read.Reason, StringComparison.Ordinal);
        Assert.NotNull(other.Document);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FoldersTheUserMayNotRead_ShouldBeNamedAndTheirIndexedFilesKept()
    {
        Skip.IfNot(Environment.UserName == "root" && File.Exists("/usr/bin/setpriv"), "needs root and setpriv to run the CLI as another user (CI runs as root)");
        var corpus = temp.CopyFixtureCorpus();
        var sub = Path.Combine(corpus, "sub");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, "巡察.txt"), "同志们：\n要把巡察整改作为重要政治任务抓紧抓实。\n");
        var index = temp.Combine("index");
        Run(corpus, index);
        var before = Answers(index);
        OpenToOthers(temp.Path);

        File.SetUnixFileMode(sub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var subFolder = AsAnotherUser("index", "--corpus", corpus, "--index", index);
        var afterSub = Answers(index);
        File.SetUnixFileMode(corpus, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var root = AsAnotherUser("index", "--corpus", corpus, "--index", index);

        Assert.Equal(1, subFolder.ExitCode);
        Assert.Contains("sub/", subFolder.Stdout + subFolder.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot read this folder", subFolder.Stdout + subFolder.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, afterSub);
        Assert.Equal(3, root.ExitCode);
        Assert.Contains($"Cannot read the corpus folder '{corpus}'", root.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Answers(index));
    }

    /// <summary>Lets the other user of <see cref="AsAnotherUser"/> read the test folder and write the index in it.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void OpenToOthers(string folder)
    {
        foreach (var path in Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("777", 8));
        }
    }

    /// <summary>Runs the CLI as the user nobody (setpriv, as root): the way to meet a permission that root never does.</summary>
    private (int ExitCode, string Stdout, string Stderr) AsAnotherUser(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Cli.CliRunner.DllPath, .. args])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["HOME"] = temp.Path;
        start.Environment["DOTNET_CLI_HOME"] = temp.Path;
        start.Environment["NO_COLOR"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Damages a copy of an index file the way disks and people do.</summary>
    private void Damage(string path, string how)
    {
        switch (how)
        {
            case "truncated":
                using (var file = new FileStream(path, FileMode.Open))
                {
                    file.SetLength(file.Length / 2);
                }

                break;
            case "flipped":
                // Pages 2 to 4 (the schema's tables and their first pages) overwritten with noise.
                var bytes = File.ReadAllBytes(path);
                var random = new Random(3);
                for (var i = 4096; i < Math.Min(bytes.Length, 4 * 4096); i += 3)
                {
                    bytes[i] ^= (byte)(1 + random.Next(255));
                }

                File.WriteAllBytes(path, bytes);
                break;
            case "not sqlite":
                File.WriteAllText(path, "这不是索引文件，是一份讲话稿。\n");
                break;
            case "foreign log":
                // The write-ahead log of another database laid beside this one, as a careless copy of files would.
                var other = temp.Combine("other");
                Directory.CreateDirectory(other);
                var otherPath = Path.Combine(other, "other.db");
                using (var connection = new SqliteConnection($"Data Source={otherPath};Pooling=False"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = """
                        PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
                        CREATE TABLE t (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
                        INSERT INTO t SELECT randomblob(3000) FROM n;
                        """;
                    command.ExecuteNonQuery();
                    File.Copy(otherPath + "-wal", path + "-wal", overwrite: true);
                }

                break;
        }
    }

    public void Dispose() => temp.Dispose();
}
