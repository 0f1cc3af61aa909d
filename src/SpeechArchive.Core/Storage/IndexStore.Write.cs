using Microsoft.Data.Sqlite;

namespace SpeechArchive.Storage;

internal sealed partial class IndexStore
{
    private static readonly string[] SectionColumns =
        ["speech_id", "ordinal", "level", "label", "heading", "heading_start", "heading_end", "start", "end", "parent"];

    private static readonly string[] PassageColumns =
        ["id", "speech_id", "ordinal", "section_ordinal", "point_label", "start", "end", "themes", "directive_types", "sentences", "match_length"];

    private SqliteCommand? insertSpeech;
    private SqliteCommand? insertSection;
    private SqliteCommand? insertPassage;

    /// <summary>Inserts a speech row and returns its row id.</summary>
    public long InsertSpeech(StoredSpeech s) =>
        (long)Insert(ref insertSpeech, "speeches", SpeechColumns.Names, SpeechColumns.Values(s), returning: "id")!;

    public void InsertSection(StoredSection s) =>
        Insert(ref insertSection, "sections", SectionColumns,
            [s.SpeechRowId, s.Ordinal, s.Level, s.Label, s.Heading, s.HeadingStart, s.HeadingEnd, s.Start, s.End, s.Parent]);

    /// <summary>Inserts a passage row with its id (the document id in postings).</summary>
    public void InsertPassage(StoredPassage p) =>
        Insert(ref insertPassage, "passages", PassageColumns,
            [p.RowId, p.SpeechRowId, p.Ordinal, p.SectionOrdinal, p.PointLabel, p.Start, p.End, p.Themes, p.DirectiveTypes, p.Sentences, p.MatchLength]);

    /// <summary>Deletes a speech with its sections and passages; its postings become dead and are dropped at the next merge.</summary>
    public void DeleteSpeech(long speechRowId)
    {
        Run("DELETE FROM passages WHERE speech_id = $id", ("$id", speechRowId));
        Run("DELETE FROM sections WHERE speech_id = $id", ("$id", speechRowId));
        Run("DELETE FROM speeches WHERE id = $id", ("$id", speechRowId));
    }

    public void UpdatePassageLabels(long passageRowId, string themes, string directiveTypes, string sentences) =>
        Run("UPDATE passages SET themes = $themes, directive_types = $types, sentences = $sentences WHERE id = $id",
            ("$themes", themes), ("$types", directiveTypes), ("$sentences", sentences), ("$id", passageRowId));

    public void UpdateSpeechLabels(long speechRowId, string labelsFingerprint, IReadOnlyDictionary<string, double> themeShares) =>
        Run("UPDATE speeches SET labels_fingerprint = $fingerprint, theme_shares = $shares WHERE id = $id",
            ("$fingerprint", labelsFingerprint), ("$shares", SpeechColumns.ThemeShares(themeShares)), ("$id", speechRowId));

    public void UpdateSourceStamp(long speechRowId, string? stamp) =>
        Run("UPDATE speeches SET source_stamp = $stamp WHERE id = $id", ("$stamp", stamp), ("$id", speechRowId));

    public void InsertSegment(int docCount, byte[] terms, byte[] postings) =>
        Run("INSERT INTO segments(doc_count, terms, postings, created) VALUES ($docs, $terms, $postings, $created)",
            ("$docs", docCount), ("$terms", terms), ("$postings", postings), ("$created", DateTime.UtcNow.ToString("O")));

    public void DeleteAllSegments() => Run("DELETE FROM segments");

    /// <summary>Stores (or replaces) a named part of the meaning model (see <see cref="Schema"/>'s vectors table).</summary>
    public void SetVectors(string name, byte[] data) =>
        Run("INSERT INTO vectors(name, data) VALUES ($name, $data) ON CONFLICT(name) DO UPDATE SET data = excluded.data", ("$name", name), ("$data", data));

    public void DeleteVectors(string name) => Run("DELETE FROM vectors WHERE name = $name", ("$name", name));

    public void InsertRun(string started, string corpus, int added, int updated, int unchanged, int removed, int relabelled, int failed, string report) =>
        Run("""
            INSERT INTO runs(started, finished, corpus, added, updated, unchanged, removed, relabelled, failed, report)
            VALUES ($started, $finished, $corpus, $added, $updated, $unchanged, $removed, $relabelled, $failed, $report)
            """,
            ("$started", started), ("$finished", DateTime.UtcNow.ToString("O")), ("$corpus", corpus), ("$added", added), ("$updated", updated),
            ("$unchanged", unchanged), ("$removed", removed), ("$relabelled", relabelled), ("$failed", failed), ("$report", report));

    /// <summary>Counts one more committed run, with a new <see cref="MetaKey.GenerationStamp"/>.</summary>
    public void BumpGeneration()
    {
        SetMeta(MetaKey.Generation, (Generation + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        SetMeta(MetaKey.GenerationStamp, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)));
    }

    /// <summary>Removes every speech, passage and segment (for --rebuild, inside the run's transaction).</summary>
    public void Clear() => Run("DELETE FROM passages; DELETE FROM sections; DELETE FROM speeches; DELETE FROM segments;");

    /// <summary>
    /// Inserts one row through a command made once per store and kept (SQLite keeps its statement prepared), with a
    /// parameter per column, named after it; returns the <paramref name="returning"/> column when one is asked for.
    /// </summary>
    private object? Insert(ref SqliteCommand? cached, string table, IReadOnlyList<string> columns, object?[] values, string? returning = null)
    {
        if (cached is null)
        {
            cached = connection.CreateCommand();
            cached.CommandText = $"INSERT INTO {table}({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})"
                + (returning is null ? "" : " RETURNING " + returning);
            foreach (var column in columns)
            {
                cached.Parameters.Add(new SqliteParameter { ParameterName = "$" + column });
            }
        }

        var command = cached;
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return Guard(command.CommandText, () => returning is null ? (object?)command.ExecuteNonQuery() : command.ExecuteScalar());
    }

    private void DisposeCommands()
    {
        insertSpeech?.Dispose();
        insertSection?.Dispose();
        insertPassage?.Dispose();
    }
}
