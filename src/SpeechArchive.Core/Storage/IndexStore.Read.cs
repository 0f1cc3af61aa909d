using Microsoft.Data.Sqlite;

namespace SpeechArchive.Storage;

internal sealed partial class IndexStore
{
    private static readonly string SpeechesWithoutText =
        "SELECT id, " + string.Join(", ", SpeechColumns.Names.Select(n => n switch { "text" => "'' AS text", "markdown" => "NULL AS markdown", _ => n })) + " FROM speeches";

    private static readonly string SpeechesWithoutPlainText =
        "SELECT id, " + string.Join(", ", SpeechColumns.Names.Select(n => n switch { "text" => "'' AS text", _ => n })) + " FROM speeches";

    /// <summary>
    /// The speeches, in row-id order: text and Markdown included unless <paramref name="withText"/> is false; with
    /// <paramref name="withMarkdown"/>, the Markdown is read even without the text.
    /// </summary>
    public List<StoredSpeech> ReadSpeeches(bool withText = true, bool withMarkdown = false) =>
        Rows((withText ? "SELECT * FROM speeches" : withMarkdown ? SpeechesWithoutPlainText : SpeechesWithoutText) + " ORDER BY id", SpeechColumns.Reader);

    /// <summary>One speech with its text, by row id.</summary>
    public StoredSpeech ReadSpeech(long speechRowId) =>
        Rows("SELECT * FROM speeches WHERE id = $id", SpeechColumns.Reader, ("$id", speechRowId)).SingleOrDefault()
        ?? throw new SpeechArchiveException($"Index database '{DatabasePath}' has no speech row {speechRowId}.");

    public List<StoredSection> ReadSections(long? speechRowId = null) =>
        Rows<StoredSection>("SELECT * FROM sections" + (speechRowId is null ? "" : " WHERE speech_id = $speech") + " ORDER BY speech_id, ordinal", r =>
        {
            int speech = r.GetOrdinal("speech_id"), ordinal = r.GetOrdinal("ordinal"), level = r.GetOrdinal("level"), label = r.GetOrdinal("label"),
                heading = r.GetOrdinal("heading"), headingStart = r.GetOrdinal("heading_start"), headingEnd = r.GetOrdinal("heading_end"),
                start = r.GetOrdinal("start"), end = r.GetOrdinal("end"), parent = r.GetOrdinal("parent");
            return () => new StoredSection(r.GetInt64(speech), r.GetInt32(ordinal), r.GetInt32(level), r.GetString(label), r.GetString(heading),
                r.GetInt32(headingStart), r.GetInt32(headingEnd), r.GetInt32(start), r.GetInt32(end), r.GetInt32(parent));
        }, ("$speech", speechRowId));

    public List<StoredPassage> ReadPassages(long? speechRowId = null) =>
        Rows<StoredPassage>("SELECT * FROM passages" + (speechRowId is null ? "" : " WHERE speech_id = $speech") + " ORDER BY id", r =>
        {
            int id = r.GetOrdinal("id"), speech = r.GetOrdinal("speech_id"), ordinal = r.GetOrdinal("ordinal"),
                section = r.GetOrdinal("section_ordinal"), point = r.GetOrdinal("point_label"), start = r.GetOrdinal("start"),
                end = r.GetOrdinal("end"), themes = r.GetOrdinal("themes"), types = r.GetOrdinal("directive_types"),
                sentences = r.GetOrdinal("sentences"), matchLength = r.GetOrdinal("match_length");
            return () => new StoredPassage(r.GetInt64(id), r.GetInt64(speech), r.GetInt32(ordinal), r.GetInt32(section), r.Text(point),
                r.GetInt32(start), r.GetInt32(end), r.GetString(themes), r.GetString(types), r.GetString(sentences), r.Int32(matchLength));
        }, ("$speech", speechRowId));

    public List<SegmentData> ReadSegments() =>
        Rows<SegmentData>("SELECT id, doc_count, terms, postings FROM segments ORDER BY id", r =>
        {
            int id = r.GetOrdinal("id"), docs = r.GetOrdinal("doc_count"), terms = r.GetOrdinal("terms"), postings = r.GetOrdinal("postings");
            return () => new SegmentData(r.GetInt64(id), r.GetInt32(docs), r.GetFieldValue<byte[]>(terms), r.GetFieldValue<byte[]>(postings));
        });

    /// <summary>
    /// Every segment's term list, with its postings appended to <paramref name="postings"/> (streamed from the file, never
    /// whole in memory) and where they lie in it.
    /// </summary>
    public List<SegmentTerms> ReadSegmentTerms(Stream postings) =>
        Rows<SegmentTerms>("SELECT id, doc_count, terms, postings FROM segments ORDER BY id", r => () =>
        {
            var at = postings.Position;
            using (var blob = r.GetStream(3))
            {
                blob.CopyTo(postings);
            }

            return new SegmentTerms(r.GetInt64(0), r.GetInt32(1), r.GetFieldValue<byte[]>(2), at, postings.Position - at);
        });

    /// <summary>
    /// How long every segment's postings are (without reading them or its term list), with what names the segment: its id,
    /// document count and when it was made.
    /// </summary>
    public List<(SegmentTerms Segment, string Created)> ReadSegmentHeads() =>
        Rows<(SegmentTerms, string)>("SELECT id, doc_count, length(postings), created FROM segments ORDER BY id", r => () =>
            (new SegmentTerms(r.GetInt64(0), r.GetInt32(1), null, 0, r.GetInt64(2)), r.GetString(3)));

    /// <summary>Every segment's term list with its id, in segment order.</summary>
    public List<(byte[] Terms, long SegmentId)> ReadSegmentTermLists() =>
        Rows<(byte[], long)>("SELECT id, terms FROM segments ORDER BY id", r => () => (r.GetFieldValue<byte[]>(1), r.GetInt64(0)));

    /// <summary>A named part of the meaning model read by <paramref name="read"/> from a stream over its blob (never whole in memory), or null.</summary>
    public T? ReadVectors<T>(string name, Func<Stream, T> read)
        where T : class =>
        Rows<T>("SELECT rowid, data FROM vectors WHERE name = $name", r => () =>
        {
            using var blob = r.GetStream(1);
            return read(blob);
        }, ("$name", name)) is [var first, ..] ? first : null;

    /// <summary>A named part of the meaning model, or null.</summary>
    public byte[]? GetVectors(string name) => Scalar("SELECT data FROM vectors WHERE name = $name", ("$name", name)) as byte[];

    /// <summary>Every passage's id and span in its speech's text, in id order (what the passages' vectors are made from).</summary>
    public List<(long Id, long Speech, int Start, int End)> ReadPassageSpans() =>
        Rows<(long, long, int, int)>("SELECT id, speech_id, start, end FROM passages ORDER BY id", r => () => (r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3)));

    /// <summary>Every speech's row id and plain text, in row-id order (what the archive's words and vectors are learned from).</summary>
    public List<(long Id, string Text)> ReadTextsById() => Rows<(long, string)>("SELECT id, text FROM speeches ORDER BY id", r => () => (r.GetInt64(0), r.GetString(1)));

    /// <summary>How many characters the speeches' texts hold in all (SQLite counts characters, not UTF-16 units), without reading them.</summary>
    public long CountCharacters() => Scalar("SELECT coalesce(sum(length(text)), 0) FROM speeches") as long? ?? 0;

    /// <summary>The plain text of the speeches with the row ids <paramref name="ids"/>, by id (what new passages' vectors are made from).</summary>
    public Dictionary<long, string> ReadTexts(IEnumerable<long> ids)
    {
        var texts = new Dictionary<long, string>();
        foreach (var id in ids)
        {
            if (!texts.ContainsKey(id) && Scalar("SELECT text FROM speeches WHERE id = $id", ("$id", id)) is string text)
            {
                texts[id] = text;
            }
        }

        return texts;
    }

    /// <summary>How many speeches the index holds.</summary>
    public long CountSpeeches() => Scalar("SELECT count(*) FROM speeches") as long? ?? 0;

    /// <summary>How many live passages the index holds.</summary>
    public long CountPassages() => Scalar("SELECT count(*) FROM passages") as long? ?? 0;

    /// <summary>The ids of the live passages (those a postings segment may still point to).</summary>
    public HashSet<long> ReadPassageIds() => [.. Rows<long>("SELECT id FROM passages", r => () => r.GetInt64(0))];

    /// <summary>Size in bytes of the database file plus its WAL.</summary>
    public long SizeOnDisk() => SizeOnDiskIn(Directory);

    /// <summary>
    /// Runs a query and reads every row: <paramref name="bind"/> resolves the columns it needs by name once and returns the
    /// reader of one row. A parameter whose value is null is left out (a query names it only when it filters by it).
    /// </summary>
    private List<T> Rows<T>(string sql, Func<SqliteDataReader, Func<T>> bind, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, [.. parameters.Where(p => p.Value is not null)]);
        return Guard(sql, () =>
        {
            using var reader = command.ExecuteReader();
            var read = bind(reader);
            var list = new List<T>();
            while (reader.Read())
            {
                list.Add(read());
            }

            return list;
        });
    }
}
