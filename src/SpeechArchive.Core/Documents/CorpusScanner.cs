namespace SpeechArchive.Documents;

/// <summary>Finds the speech files (*.md, *.txt) below a corpus root and the metadata table that applies to each.</summary>
public sealed class CorpusScanner
{
    /// <summary>File names of metadata tables, in order of preference when a folder has several.</summary>
    public static IReadOnlyList<string> MetadataTableNames { get; } = ["MANIFEST.tsv", "metadata.csv"];

    private static readonly EnumerationOptions EntryOptions = new()
    {
        IgnoreInaccessible = false, // a folder it may not read is reported, never taken for an empty one
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Every speech file below <paramref name="corpusRoot"/>, sorted by key; skips documentation files, hidden entries and links leaving the root.</summary>
    public IReadOnlyList<CorpusFile> Scan(string corpusRoot) => Scan(corpusRoot, out _);

    /// <summary>
    /// As <see cref="Scan(string)"/>, and names the sub-folders it could not read (their key prefix, ending in /, with the
    /// reason): the files indexed from them must not be taken for deleted. A root it cannot read is an error.
    /// </summary>
    public IReadOnlyList<CorpusFile> Scan(string corpusRoot, out IReadOnlyList<(string KeyPrefix, string Reason)> unreadableFolders)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpusRoot);
        var root = new DirectoryInfo(Path.GetFullPath(corpusRoot));
        if (!root.Exists)
        {
            throw new SpeechArchiveException($"corpus folder not found: {root.FullName}");
        }

        var realRoot = RealPath(root) ?? root.FullName;
        var files = new List<CorpusFile>();
        var visited = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var unreadable = new List<(string, string)>();
        Walk(root, realRoot, "", null, realRoot, visited, files, unreadable);
        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        unreadableFolders = unreadable;
        return files;
    }

    private static void Walk(
        DirectoryInfo folder, string realFolder, string keyPrefix, string? inheritedTable, string realRoot,
        HashSet<string> visited, List<CorpusFile> files, List<(string, string)> unreadable)
    {
        if (!visited.Add(realFolder))
        {
            return; // a link back to a folder already walked: stop the loop
        }

        List<FileSystemInfo> entries;
        try
        {
            entries = [.. folder.EnumerateFileSystemInfos("*", EntryOptions).OrderBy(e => e.Name, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            if (keyPrefix.Length == 0)
            {
                throw new SpeechArchiveException($"Cannot read the corpus folder '{folder.FullName}': {e.Message}", e);
            }

            unreadable.Add((keyPrefix, e.Message));
            return;
        }

        var table = FindTable(folder) ?? inheritedTable;
        foreach (var entry in entries)
        {
            if (IsHidden(entry))
            {
                continue;
            }

            var realPath = entry.LinkTarget is null ? Path.Combine(realFolder, entry.Name) : RealPath(entry);
            if (realPath is null || !IsInside(realPath, realRoot))
            {
                continue;
            }

            var key = keyPrefix + entry.Name;
            if (Directory.Exists(realPath))
            {
                Walk(new DirectoryInfo(entry.FullName), realPath, key + "/", table, realRoot, visited, files, unreadable);
            }
            else if (IsSpeechFile(entry.Name) && File.Exists(realPath))
            {
                var info = new FileInfo(realPath); // one stat gives both the length and the time
                files.Add(new CorpusFile(key, entry.FullName, info.Length) { MetadataTablePath = table, LastWriteUtc = info.LastWriteTimeUtc });
            }
        }
    }

    private static string? FindTable(DirectoryInfo folder) =>
        MetadataTableNames.Select(name => Path.Combine(folder.FullName, name)).FirstOrDefault(File.Exists);

    private static bool IsSpeechFile(string name)
    {
        var extension = Path.GetExtension(name);
        if (!extension.Equals(".md", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        return !stem.Equals("README", StringComparison.OrdinalIgnoreCase)
            && !stem.Equals("SOURCE", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
            && !name.Equals(Indexing.ArchiveLexicon.EditsFileName, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (OperatingSystem.IsWindows() && entry.Attributes.HasFlag(FileAttributes.Hidden));

    private static bool IsInside(string path, string realRoot) =>
        path.StartsWith(realRoot.EndsWith(Path.DirectorySeparatorChar) ? realRoot : realRoot + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>The final target of a link, or the path itself; null when a link is broken or cannot be followed.</summary>
    private static string? RealPath(FileSystemInfo entry)
    {
        try
        {
            if (entry.LinkTarget is null)
            {
                // The entry itself is no link, but a folder above it may be: resolve the parent chain.
                var parent = Path.GetDirectoryName(entry.FullName);
                return parent is null ? entry.FullName : Path.Combine(RealPath(new DirectoryInfo(parent)) ?? parent, entry.Name);
            }

            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? RealPath(target) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
