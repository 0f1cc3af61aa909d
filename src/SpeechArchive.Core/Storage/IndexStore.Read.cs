namespace SpeechArchive.Storage;

internal sealed partial class IndexStore
{
    private const string SelectSpeechesSql = """
        SELECT id, file_key, public_id, content_hash, labels_fingerprint, title, date, year, speaker, organization, meeting,
            source, category, tags, provenance, warnings, title_start, title_end, salutation_start, salutation_end,
            theme_shares, text, markdown, indexed_at, source_stamp
        FROM speeches
        """;

    /// <summary>The speeches, in row-id order (text included unless <paramref name="withText"/> is false).</summary>
    public List<StoredSpeech> ReadSpeeches(bool withText = true, string? where = null, params object?[] args)
    {
        var sql = SelectSpeechesSql + (where is null ? "" : " WHERE " + where) + " ORDER BY id";
        if (!withText)
        {
            sql = sql.Replace("text, markdown,", "'', NULL,", StringComparison.Ordinal);
        }

        using var st = db.Prepare(sql);
        st.BindAll(args);
        var list = new List<StoredSpeech>();
        while (st.Step())
        {
            list.Add(new StoredSpeech(st.Int64(0), st.Text(1)!, st.Text(2)!, st.Text(3)!, st.Text(4)!, st.Text(5), st.Text(6),
                st.NullableInt32(7), st.Text(8), st.Text(9), st.Text(10), st.Text(11), st.Text(12), st.Text(13), st.Text(14),
                st.Text(15), st.NullableInt32(16), st.NullableInt32(17), st.NullableInt32(18), st.NullableInt32(19), st.Text(20),
                st.Text(21) ?? "", st.Text(22), st.Text(23)!, st.Text(24)));
        }

        return list;
    }

    /// <summary>Every speech's plain text, in row-id order (what the archive's words are learned from).</summary>
    public List<string> ReadTexts()
    {
        using var st = db.Prepare(SelectTextsSql);
        var texts = new List<string>();
        while (st.Step())
        {
            texts.Add(st.Text(0) ?? "");
        }

        return texts;
    }

    private const string SelectTextsSql = "SELECT text FROM speeches ORDER BY id";

    public List<StoredSection> ReadSections(long? speechRowId = null)
    {
        var sql = "SELECT speech_id, ordinal, level, label, heading, heading_start, heading_end, start, end, parent FROM sections"
            + (speechRowId is null ? "" : " WHERE speech_id = ?") + " ORDER BY speech_id, ordinal";
        using var st = db.Prepare(sql);
        if (speechRowId is not null)
        {
            st.Bind(1, speechRowId.Value);
        }

        var list = new List<StoredSection>();
        while (st.Step())
        {
            list.Add(new StoredSection(st.Int64(0), st.Int32(1), st.Int32(2), st.Text(3)!, st.Text(4)!, st.Int32(5), st.Int32(6),
                st.Int32(7), st.Int32(8), st.Int32(9)));
        }

        return list;
    }

    public List<StoredPassage> ReadPassages(long? speechRowId = null)
    {
        var sql = "SELECT id, speech_id, ordinal, section_ordinal, point_label, start, end, themes, directive_types, sentences, match_length FROM passages"
            + (speechRowId is null ? "" : " WHERE speech_id = ?") + " ORDER BY id";
        using var st = db.Prepare(sql);
        if (speechRowId is not null)
        {
            st.Bind(1, speechRowId.Value);
        }

        var list = new List<StoredPassage>();
        while (st.Step())
        {
            list.Add(new StoredPassage(st.Int64(0), st.Int64(1), st.Int32(2), st.Int32(3), st.Text(4), st.Int32(5), st.Int32(6),
                st.Text(7)!, st.Text(8)!, st.Text(9)!, st.NullableInt32(10)));
        }

        return list;
    }

    public List<SegmentData> ReadSegments()
    {
        using var st = db.Prepare("SELECT id, doc_count, terms, postings FROM segments ORDER BY id");
        var list = new List<SegmentData>();
        while (st.Step())
        {
            list.Add(new SegmentData(st.Int64(0), st.Int32(1), st.Blob(2).ToArray(), st.Blob(3).ToArray()));
        }

        return list;
    }

    public long CountRows(string table) => db.Scalar($"SELECT count(*) FROM {table}") as long? ?? 0;

    /// <summary>The ids of the live passages (those a postings segment may still point to).</summary>
    public HashSet<long> ReadPassageIds()
    {
        using var st = db.Prepare("SELECT id FROM passages");
        var ids = new HashSet<long>();
        while (st.Step())
        {
            ids.Add(st.Int64(0));
        }

        return ids;
    }

    /// <summary>Size in bytes of the database file plus its WAL.</summary>
    public long SizeOnDisk()
    {
        long size = 0;
        foreach (var suffix in new[] { "", "-wal" })
        {
            var file = new FileInfo(DatabasePath + suffix);
            if (file.Exists)
            {
                size += file.Length;
            }
        }

        return size;
    }
}
