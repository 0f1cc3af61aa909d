namespace SpeechArchive.Web.Uploads;

/// <summary>
/// What went wrong writing or deleting a file, in words an administrator reads (Chinese, then English), never the exception's
/// message: that names the server's folders, and an upload's answer must not.
/// </summary>
internal static class DiskFailure
{
    /// <summary>ENOSPC, EROFS (Linux, macOS); ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL (Windows).</summary>
    private const int NoSpace = 28, ReadOnlyFileSystem = 30, HandleDiskFull = 39, DiskFull = 112;

    public static string Describe(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "没有权限或文件夹只读 (no permission, or the folder is read-only)",
        IOException e when IsDiskFull(e) => "磁盘已满 (the disk is full)",
        IOException e when !OperatingSystem.IsWindows() && e.HResult == ReadOnlyFileSystem => "文件夹只读 (the folder is read-only)",
        _ => "读写出错 (an input/output error)",
    };

    private static bool IsDiskFull(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is HandleDiskFull or DiskFull : e.HResult == NoSpace;
}
