namespace SpeechArchive.Storage;

/// <summary>The index database schema. Bump <see cref="Version"/> on any change; an index of another version is refused with advice.</summary>
internal static class Schema
{
    public const int Version = 4;

    /// <summary>
    /// Upgrades an index of an older version in place, in one transaction: version 2 → 3 adds <c>speeches.source_stamp</c>
    /// (null for the rows already there: their files are hashed once more at the next run, as before) and
    /// <c>passages.match_length</c> (null: computed when loading); 3 → 4 adds the <c>vectors</c> table (empty: the next run
    /// fills it, and until then a snapshot builds its passages' vectors when it loads).
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string> Migrations = new Dictionary<int, string>
    {
        [2] = "ALTER TABLE speeches ADD COLUMN source_stamp TEXT; ALTER TABLE passages ADD COLUMN match_length INTEGER;",
        [3] = VectorsTable,
    };

    public const string FileName = "speecharchive.db";

    /// <summary>The meaning model's stored parts, by name (<c>Indexing/ArchiveVectors</c>): the word vectors learned from the archive, the passages' vectors.</summary>
    private const string VectorsTable = "CREATE TABLE IF NOT EXISTS vectors (name TEXT PRIMARY KEY, data BLOB NOT NULL);";

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS speeches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            file_key TEXT NOT NULL UNIQUE,
            public_id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            labels_fingerprint TEXT NOT NULL,
            title TEXT, date TEXT, year INTEGER, speaker TEXT, organization TEXT, meeting TEXT, source TEXT,
            category TEXT, tags TEXT, provenance TEXT, warnings TEXT,
            title_start INTEGER, title_end INTEGER, salutation_start INTEGER, salutation_end INTEGER,
            theme_shares TEXT,
            text TEXT NOT NULL, markdown TEXT,
            indexed_at TEXT NOT NULL,
            source_stamp TEXT); -- size, modification time and metadata row of the file when read; null: hash it next time
        CREATE TABLE IF NOT EXISTS sections (
            speech_id INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, level INTEGER NOT NULL, label TEXT NOT NULL, heading TEXT NOT NULL,
            heading_start INTEGER NOT NULL, heading_end INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
            parent INTEGER NOT NULL,
            PRIMARY KEY (speech_id, ordinal)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS passages (
            id INTEGER PRIMARY KEY, -- assigned by the indexer from meta next_passage_id: never reused, so postings ids only grow
            speech_id INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, section_ordinal INTEGER NOT NULL, point_label TEXT,
            start INTEGER NOT NULL, end INTEGER NOT NULL,
            themes TEXT NOT NULL, directive_types TEXT NOT NULL, sentences TEXT NOT NULL,
            match_length INTEGER); -- length of the passage's match form (BM25's document length), so loading need not build it
        CREATE INDEX IF NOT EXISTS passages_by_speech ON passages(speech_id);
        CREATE TABLE IF NOT EXISTS segments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            doc_count INTEGER NOT NULL, terms BLOB NOT NULL, postings BLOB NOT NULL, created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT NOT NULL, corpus TEXT NOT NULL,
            added INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL, removed INTEGER NOT NULL,
            relabelled INTEGER NOT NULL, failed INTEGER NOT NULL, report TEXT NOT NULL);
        """ + VectorsTable;
}
