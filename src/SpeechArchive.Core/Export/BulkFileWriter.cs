using System.Buffers;
using System.Text.Json;

namespace SpeechArchive.Export;

/// <summary>
/// Writes Elasticsearch bulk files (<c>PREFIX-0001.ndjson</c>, …): per document an <c>index</c> action line and the document's
/// line, UTF-8 without BOM, LF, every file ending with a newline; a new file after <paramref name="docsPerFile"/> documents,
/// or once a file holds <paramref name="maxBytes"/> (a bulk request must stay under the server's <c>http.max_content_length</c>).
/// </summary>
internal sealed class BulkFileWriter(string directory, string prefix, string indexName, int docsPerFile, long maxBytes) : IDisposable
{
    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly List<string> files = [];
    private readonly ArrayBufferWriter<byte> line = new(1 << 16);
    private FileStream? current;
    private int docsInFile;

    /// <summary>The files written so far, by name, in order.</summary>
    public IReadOnlyList<string> Files => files;

    public int Documents { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Adds a document with id <paramref name="id"/>, written by <paramref name="write"/> as one JSON object.</summary>
    public void Add(string id, Action<Utf8JsonWriter> write)
    {
        line.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(line, ElasticDocuments.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("index");
            json.WriteString("_index", indexName);
            json.WriteString("_id", id);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        line.Write(NewLine);
        using (var json = new Utf8JsonWriter(line, ElasticDocuments.WriterOptions))
        {
            write(json);
        }

        line.Write(NewLine);
        if (current is null || docsInFile >= docsPerFile || (docsInFile > 0 && current.Length + line.WrittenCount > maxBytes))
        {
            Open();
        }

        current!.Write(line.WrittenSpan);
        docsInFile++;
        Documents++;
        Bytes += line.WrittenCount;
    }

    public void Dispose() => current?.Dispose();

    private void Open()
    {
        current?.Dispose();
        var name = $"{prefix}-{files.Count + 1:D4}.ndjson";
        current = new FileStream(Path.Combine(directory, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        files.Add(name);
        docsInFile = 0;
    }
}
