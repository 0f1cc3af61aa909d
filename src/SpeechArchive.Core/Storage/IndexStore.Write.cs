namespace SpeechArchive.Storage;

internal sealed partial class IndexStore
{
    private const string InsertSpeechSql = """
        INSERT INTO speeches(file_key, public_id, content_hash, labels_fingerprint, title, date, year, speaker, organization,
            meeting, source, category, tags, provenance, warnings, title_start, title_end, salutation_start, salutation_end,
            theme_shares, text, markdown, indexed_at, source_stamp)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """;

    private const string InsertSectionSql = """
        INSERT INTO sections(speech_id, ordinal, level, label, heading, heading_start, heading_end, start, end, parent)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """;

    private const string InsertPassageSql = """
        INSERT INTO passages(id, speech_id, ordinal, section_ordinal, point_label, start, end, themes, directive_types, sentences, match_length)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """;

    private SqliteStatement? insertSpeech;
    private SqliteStatement? insertSection;
    private SqliteStatement? insertPassage;

    /// <summary>Inserts a speech row and returns its row id.</summary>
    public long InsertSpeech(StoredSpeech s)
    {
        insertSpeech ??= db.Prepare(InsertSpeechSql);
        insertSpeech.Execute(s.FileKey, s.PublicId, s.ContentHash, s.LabelsFingerprint, s.Title, s.Date, s.Year, s.Speaker,
            s.Organization, s.Meeting, s.Source, s.Category, s.Tags, s.Provenance, s.Warnings, s.TitleStart, s.TitleEnd,
            s.SalutationStart, s.SalutationEnd, s.ThemeShares, s.Text, s.Markdown, s.IndexedAt, s.SourceStamp);
        return db.LastInsertRowId;
    }

    public void InsertSection(StoredSection s)
    {
        insertSection ??= db.Prepare(InsertSectionSql);
        insertSection.Execute(s.SpeechRowId, s.Ordinal, s.Level, s.Label, s.Heading, s.HeadingStart, s.HeadingEnd, s.Start, s.End, s.Parent);
    }

    /// <summary>Inserts a passage row with its id (the document id in postings).</summary>
    public void InsertPassage(StoredPassage p)
    {
        insertPassage ??= db.Prepare(InsertPassageSql);
        insertPassage.Execute(p.RowId, p.SpeechRowId, p.Ordinal, p.SectionOrdinal, p.PointLabel, p.Start, p.End,
            p.Themes, p.DirectiveTypes, p.Sentences, p.MatchLength);
    }

    /// <summary>Deletes a speech with its sections and passages; its postings become dead and are dropped at the next merge.</summary>
    public void DeleteSpeech(long speechRowId)
    {
        db.Run("DELETE FROM passages WHERE speech_id = ?", speechRowId);
        db.Run("DELETE FROM sections WHERE speech_id = ?", speechRowId);
        db.Run("DELETE FROM speeches WHERE id = ?", speechRowId);
    }

    public void UpdatePassageLabels(long passageRowId, string themes, string directiveTypes, string sentences) =>
        db.Run("UPDATE passages SET themes = ?, directive_types = ?, sentences = ? WHERE id = ?", themes, directiveTypes, sentences, passageRowId);

    public void UpdateSpeechLabels(long speechRowId, string labelsFingerprint, string? themeShares) =>
        db.Run("UPDATE speeches SET labels_fingerprint = ?, theme_shares = ? WHERE id = ?", labelsFingerprint, themeShares, speechRowId);

    public void UpdateSourceStamp(long speechRowId, string? stamp) =>
        db.Run("UPDATE speeches SET source_stamp = ? WHERE id = ?", stamp, speechRowId);

    public void InsertSegment(int docCount, byte[] terms, byte[] postings) =>
        db.Run("INSERT INTO segments(doc_count, terms, postings, created) VALUES (?, ?, ?, ?)",
            docCount, terms, postings, DateTime.UtcNow.ToString("O"));

    public void DeleteAllSegments() => db.Run("DELETE FROM segments");

    public void InsertRun(string started, string corpus, int added, int updated, int unchanged, int removed, int relabelled, int failed, string report) =>
        db.Run("INSERT INTO runs(started, finished, corpus, added, updated, unchanged, removed, relabelled, failed, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            started, DateTime.UtcNow.ToString("O"), corpus, added, updated, unchanged, removed, relabelled, failed, report);

    public void BumpGeneration() => SetMeta("generation", (Generation + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Removes every speech, passage and segment (for --rebuild, inside the run's transaction).</summary>
    public void Clear()
    {
        db.Execute("DELETE FROM passages; DELETE FROM sections; DELETE FROM speeches; DELETE FROM segments;");
    }

    private void DisposeStatements()
    {
        insertSpeech?.Dispose();
        insertSection?.Dispose();
        insertPassage?.Dispose();
    }
}
