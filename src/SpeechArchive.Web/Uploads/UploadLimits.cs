namespace SpeechArchive.Web.Uploads;

/// <summary>Limits on uploads: the request, each document, and zip archives (entry count, total size, compression ratio).</summary>
internal static class UploadLimits
{
    public const long RequestBytes = 20 * 1024 * 1024;
    public const int DocumentBytes = 5 * 1024 * 1024;
    public const int ZipEntries = 500;
    public const long ZipTotalBytes = 100 * 1024 * 1024;
    /// <summary>Uncompressed:compressed ratio above which an entry is taken for a zip bomb (Chinese text compresses about 3:1).</summary>
    public const int ZipRatio = 50;
    public const int FilesPerRequest = 100;

    public static readonly string[] DocumentExtensions = [".md", ".txt"];

    public static bool IsDocument(string name) => DocumentExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static bool IsZip(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}
