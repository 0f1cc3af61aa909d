using SpeechArchive.Documents;

namespace SpeechArchive.Tests.Documents;

public sealed class CorpusScannerTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly TempFolder _outside = new();

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void WhenFolderHoldsSpeechesAndOtherFiles_ShouldListOnlySpeechesSortedByKey()
    {
        foreach (var name in new[] { "b.md", "a.txt", "README.md", "SOURCE.md", "LICENSE", "LICENSE.txt", "notes.docx", "MANIFEST.tsv",
                     ".hidden.md", ".git/config.md", "sub/c.TXT", "sub/deeper/d.md", "sub/readme.md" })
        {
            _root.Write(name, "内容");
        }

        var keys = new CorpusScanner().Scan(_root.Path).Select(f => f.Key);

        Assert.Equal(["a.txt", "b.md", "sub/c.TXT", "sub/deeper/d.md"], keys);
    }

    [Fact]
    public void WhenScanned_ShouldGiveFullPathAndLength()
    {
        var path = _root.Write("sub/a.txt", "四个字符");

        var file = Assert.Single(new CorpusScanner().Scan(_root.Path));

        Assert.Equal("sub/a.txt", file.Key);
        Assert.Equal(path, file.FullPath);
        Assert.Equal(12, file.Length);
    }

    [SkippableFact]
    public void WhenSymlinksLeaveTheRoot_ShouldSkipThem()
    {
        var outsideFile = _outside.Write("secret.txt", "外部");
        _outside.Write("dir/inner.txt", "外部");
        _root.Write("a.txt", "内部");
        Link(() => File.CreateSymbolicLink(Path.Combine(_root.Path, "out.txt"), outsideFile));
        Directory.CreateSymbolicLink(Path.Combine(_root.Path, "outdir"), Path.Combine(_outside.Path, "dir"));
        File.CreateSymbolicLink(Path.Combine(_root.Path, "relative.txt"), Path.Combine("..", Path.GetFileName(_outside.Path), "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(_root.Path, "inlink.txt"), Path.Combine(_root.Path, "a.txt"));
        File.CreateSymbolicLink(Path.Combine(_root.Path, "broken.txt"), Path.Combine(_root.Path, "missing.txt"));

        var keys = new CorpusScanner().Scan(_root.Path).Select(f => f.Key);

        Assert.Equal(["a.txt", "inlink.txt"], keys);
    }

    [SkippableFact]
    public void WhenASymlinkLoopsBackToAnAncestor_ShouldNotWalkForever()
    {
        _root.Write("sub/a.txt", "内容");
        Link(() => Directory.CreateSymbolicLink(Path.Combine(_root.Path, "sub", "loop"), _root.Path));

        var keys = new CorpusScanner().Scan(_root.Path).Select(f => f.Key);

        Assert.Equal(["sub/a.txt"], keys);
    }

    [Fact]
    public void WhenFoldersHaveMetadataTables_ShouldAttachTheNearestOne()
    {
        var rootTable = _root.Write("MANIFEST.tsv", "file\ttitle\n");
        var subTable = _root.Write("sub/metadata.csv", "file,title\n");
        _root.Write("a.txt", "内容");
        _root.Write("sub/b.txt", "内容");
        _root.Write("sub/deeper/c.txt", "内容");
        _root.Write("other/d.txt", "内容");

        var tables = new CorpusScanner().Scan(_root.Path).ToDictionary(f => f.Key, f => f.MetadataTablePath);

        Assert.Equal(rootTable, tables["a.txt"]);
        Assert.Equal(subTable, tables["sub/b.txt"]);
        Assert.Equal(subTable, tables["sub/deeper/c.txt"]);
        Assert.Equal(rootTable, tables["other/d.txt"]);
    }

    [Fact]
    public void WhenTableNamesASubfolderFile_ShouldFindItRelativeToTheTableFolder()
    {
        _root.Write("MANIFEST.tsv", "file\ttitle\nsub/b.txt\t乙\n");
        _root.Write("sub/b.txt", "内容");
        var file = Assert.Single(new CorpusScanner().Scan(_root.Path));

        var row = new MetadataTableCache().For(file)?.Find(file);

        Assert.Equal("乙", row?.Title);
    }

    [Fact]
    public void WhenRootDoesNotExist_ShouldThrowNamingIt()
    {
        var missing = Path.Combine(_root.Path, "nope");

        var e = Assert.Throws<SpeechArchiveException>(() => new CorpusScanner().Scan(missing));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void WhenSharedReportsAreScanned_ShouldSkipReadmeAndSourceAndFindTheManifest()
    {
        var reports = SharedCorpus.Require("reports");

        var files = new CorpusScanner().Scan(reports);

        Assert.Equal(88, files.Count);
        Assert.DoesNotContain(files, f => f.Key is "SOURCE.md" or "README.md");
        Assert.All(files, f => Assert.Equal(Path.Combine(reports, "MANIFEST.tsv"), f.MetadataTablePath));
    }

    /// <summary>Makes the first link of a test; skips the test where this file system or user cannot make symbolic links.</summary>
    private static void Link(Action create)
    {
        try
        {
            create();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SkipException($"cannot create symbolic links here: {e.Message}");
        }
    }
}
