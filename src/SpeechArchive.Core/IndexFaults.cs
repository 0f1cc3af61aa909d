namespace SpeechArchive;

/// <summary>The disk holding the index ran out of space: nothing was committed, and the last good index is unchanged.</summary>
public sealed class IndexDiskFullException : SpeechArchiveException
{
    public IndexDiskFullException(string message, string folder, long? freeBytes, Exception? inner = null)
        : base(message, inner ?? new IOException(message))
    {
        Folder = folder;
        FreeBytes = freeBytes;
    }

    /// <summary>The index folder.</summary>
    public string Folder { get; }

    /// <summary>Free bytes on its disk when the write failed (null when the system would not say).</summary>
    public long? FreeBytes { get; }
}

/// <summary>
/// The index file is damaged or is not an index (truncated, pages overwritten, a WAL of another database, another kind of
/// file). The index is derived data: rebuilding it from the corpus (<c>index --rebuild</c>) is always the way back.
/// </summary>
public sealed class IndexDamagedException(string message, string path, string reason, Exception? inner = null)
    : SpeechArchiveException(message, inner ?? new InvalidDataException(message))
{
    /// <summary>The damaged database file.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong with it, in SQLite's words ("file is not a database").</summary>
    public string Reason { get; } = reason;
}

/// <summary>Free space and sizes in the words an administrator reads.</summary>
public static class DiskSpace
{
    /// <summary>The bytes free to this process on the disk holding <paramref name="path"/>, or null when it cannot be told.</summary>
    public static long? Free(string path)
    {
        try
        {
            var folder = Directory.Exists(path) ? path : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? path;
            return new DriveInfo(System.IO.Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The file system holding <paramref name="path"/>: its mount point and kind ("/srv/data, ext4"), or null.</summary>
    public static string? Disk(string path)
    {
        try
        {
            var full = System.IO.Path.GetFullPath(path);
            var drive = DriveInfo.GetDrives()
                .Where(d => full == d.RootDirectory.FullName.TrimEnd(System.IO.Path.DirectorySeparatorChar)
                    || full.StartsWith(d.RootDirectory.FullName.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || d.RootDirectory.FullName == "/")
                .MaxBy(d => d.RootDirectory.FullName.Length);
            return drive is null ? null : $"{drive.RootDirectory.FullName}, {drive.DriveFormat}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>"1.4 MB", "820 KB", "12 GB".</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes} bytes",
    };
}
