using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SpeechArchive.Documents;

namespace SpeechArchive.Indexing;

/// <summary>
/// What a file looked like when it was read — size, modification time and the metadata-table row hashed with it — so that
/// a run can skip reading, decoding and hashing a file whose stamp has not changed. The content hash stays the truth
/// whenever the stamp differs.
/// </summary>
internal static class SourceStamp
{
    /// <summary>Times on a file system that keeps whole seconds only (FAT keeps two) are this coarse.</summary>
    private static readonly TimeSpan CoarseGranule = TimeSpan.FromSeconds(2);

    /// <summary>Fine-grained file times still advance in clock ticks of a few milliseconds; a generous margin.</summary>
    private static readonly TimeSpan FineGranule = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The stamp of <paramref name="file"/> as scanned at <paramref name="scannedUtc"/>, or null when it cannot be trusted:
    /// a file written within one time granule before the scan may be written again within the same granule after it is
    /// read, keeping size and time (a "racily clean" file), so it is hashed again next time.
    /// </summary>
    public static string? Of(CorpusFile file, MetadataTable? table, DateTime scannedUtc)
    {
        var written = file.LastWriteUtc;
        var granule = written.Ticks % TimeSpan.TicksPerSecond == 0 ? CoarseGranule : FineGranule;
        if (written == default || scannedUtc - written <= granule)
        {
            return null;
        }

        var row = table?.Find(file);
        var rowPart = row is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row.Canonical)).AsSpan(0, 8));
        return string.Create(CultureInfo.InvariantCulture, $"{file.Length}:{written.Ticks}:{rowPart}");
    }
}
