using System.Security.Cryptography;
using System.Text;

namespace SpeechArchive.Documents;

/// <summary>
/// Reads one corpus file into a <see cref="SourceDocument"/>: checks size and encoding, cuts and parses front matter,
/// turns Markdown into plain text and merges metadata (front matter &gt; metadata table &gt; inference). Bad input is a failed
/// result, never an exception.
/// </summary>
public sealed partial class DocumentReader
{
    /// <summary>Files above 5 MB are refused.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Reads <paramref name="file"/>, applying its row of <paramref name="table"/> if there is one.</summary>
    public DocumentReadResult Read(CorpusFile file, MetadataTable? table)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return ReadCore(file, table?.Find(file), table?.SourceName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DocumentReadResult.Fault(file.Key, $"cannot read file: {e.Message}");
        }
        catch (Exception e)
        {
            return DocumentReadResult.Fault(file.Key, $"unexpected error ({e.GetType().Name}): {e.Message}");
        }
    }

    private static DocumentReadResult ReadCore(CorpusFile file, MetadataRow? row, string? tableName)
    {
        var bytes = ReadBounded(file.FullPath);
        if (bytes is null)
        {
            return Fail(file, $"文件过大，超过 {MaxFileBytes / (1024 * 1024)} MB (file too large: more than {MaxFileBytes / (1024 * 1024)} MB)");
        }

        if (bytes.Length == 0)
        {
            return Fail(file, "空文件 (empty file: 0 bytes)");
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Failure is not null)
        {
            return Fail(file, decoded.Failure);
        }

        var raw = decoded.Text!;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Fail(file, "文件只有空白，没有文字 (empty file: only white space)");
        }

        var warnings = new List<string>();
        if (decoded.Warning is not null)
        {
            warnings.Add(decoded.Warning);
        }

        var body = IsMarkdown(file) ? ReadMarkdown(raw) : new MarkdownBody(raw, null, [], FrontMatter.Empty, null);
        if (body.Failure is not null)
        {
            return Fail(file, body.Failure);
        }

        body = WithoutLicenceNotice(body, warnings);
        var metadata = MergeMetadata(body.FrontMatter, row, tableName, body.Text, warnings);
        var document = new SourceDocument(
            file.Key, DocumentId.FromKey(file.Key), body.Text, body.Markdown, metadata, Hash(bytes, row), body.Headings, warnings);
        return DocumentReadResult.Success(document);
    }

    /// <summary>The file's bytes, or null when it holds more than <see cref="MaxFileBytes"/> (read no further than that).</summary>
    private static byte[]? ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if (stream.CanSeek && stream.Length > MaxFileBytes)
        {
            return null;
        }

        if (stream.CanSeek)
        {
            // The usual case: read exactly the length into one array (and notice a file that grew meanwhile).
            var bytes = new byte[stream.Length];
            var filled = 0;
            while (filled < bytes.Length && stream.Read(bytes, filled, bytes.Length - filled) is var n and > 0)
            {
                filled += n;
            }

            if (filled == bytes.Length && stream.ReadByte() < 0)
            {
                return bytes;
            }

            stream.Position = 0;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The body without a licence notice at its end (<see cref="LicenceNotice"/>), which is the source's, not the speech's: cut
    /// before the metadata is inferred, the structure parsed or the text stored, so the body's offsets and passages stay as they were.
    /// The Markdown kept for rendering is the file's as written.
    /// </summary>
    private static MarkdownBody WithoutLicenceNotice(MarkdownBody body, List<string> warnings)
    {
        var (text, warning) = LicenceNotice.Cut(body.Text);
        if (warning is null)
        {
            return body;
        }

        warnings.Add(warning);
        return body with { Text = text, Headings = [.. body.Headings.Where(h => h.Start < text.Length)] };
    }

    private static bool IsMarkdown(CorpusFile file) => file.Key.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static string Hash(byte[] bytes, MetadataRow? row)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        if (row is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + row.Canonical));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static DocumentReadResult Fail(CorpusFile file, string reason) => DocumentReadResult.Failure(file.Key, reason);
}
