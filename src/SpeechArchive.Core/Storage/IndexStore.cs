using System.Globalization;

namespace SpeechArchive.Storage;

/// <summary>
/// The index database (SQLite, WAL): the store of record for speeches, structure, labels and postings segments.
/// Writers work inside one transaction per run, so a crash leaves the last committed index.
/// </summary>
internal sealed partial class IndexStore : IDisposable
{
    private readonly SqliteDatabase db;

    private IndexStore(SqliteDatabase db, string directory)
    {
        this.db = db;
        Directory = directory;
    }

    public string Directory { get; }

    public string DatabasePath => db.Path;

    public static string DatabasePathIn(string indexDirectory) => System.IO.Path.Combine(indexDirectory, Schema.FileName);

    public static bool Exists(string indexDirectory) => File.Exists(DatabasePathIn(indexDirectory));

    /// <summary>Opens the index in <paramref name="indexDirectory"/>, creating it when <paramref name="create"/>; checks the schema version.</summary>
    public static IndexStore Open(string indexDirectory, bool create)
    {
        ArgumentNullException.ThrowIfNull(indexDirectory);
        var path = DatabasePathIn(indexDirectory);
        if (!create && !File.Exists(path))
        {
            throw new SpeechArchiveException($"No index at '{indexDirectory}' ({Schema.FileName} not found). Build one with `index --corpus DIR --index {indexDirectory}`.");
        }

        System.IO.Directory.CreateDirectory(indexDirectory);
        var db = SqliteDatabase.Open(path, create);
        try
        {
            db.Execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
            var hasMeta = db.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") is long n && n > 0;
            if (!hasMeta)
            {
                if (!create)
                {
                    throw new SpeechArchiveException($"'{path}' is not a SpeechArchive index (no meta table). Rebuild it with `index --rebuild`.");
                }

                // One transaction, so a kill while creating leaves no half-made schema (a meta table without a version
                // would make the index unopenable, even by a rebuild).
                db.Execute("PRAGMA journal_mode = WAL");
                db.Execute("BEGIN IMMEDIATE");
                db.Execute(Schema.Create);
                db.Run("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", Schema.Version.ToString(CultureInfo.InvariantCulture));
                db.Run("INSERT INTO meta(key, value) VALUES ('generation', '0')");
                db.Execute("COMMIT");
            }
            else
            {
                var version = db.Scalar("SELECT value FROM meta WHERE key = 'schema_version'") as string;
                if (version != Schema.Version.ToString(CultureInfo.InvariantCulture) && !Migrate(db, version))
                {
                    throw new SpeechArchiveException(
                        $"The index at '{indexDirectory}' has schema version {version ?? "unknown"}, this program needs {Schema.Version}. Rebuild it with `index --rebuild`.");
                }
            }

            return new IndexStore(db, indexDirectory);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Brings an index of an older schema version up to date when every step from it is known, in one transaction (a kill
    /// leaves the old version, migrated again next time); false when it cannot be, so the caller refuses the index.
    /// </summary>
    private static bool Migrate(SqliteDatabase db, string? version)
    {
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var from) || from >= Schema.Version)
        {
            return false;
        }

        for (var v = from; v < Schema.Version; v++)
        {
            if (!Schema.Migrations.ContainsKey(v))
            {
                return false;
            }
        }

        db.Execute("BEGIN IMMEDIATE");
        try
        {
            // Another process may have migrated it meanwhile: read the version again under the write lock.
            if (db.Scalar("SELECT value FROM meta WHERE key = 'schema_version'") as string == version)
            {
                for (var v = from; v < Schema.Version; v++)
                {
                    db.Execute(Schema.Migrations[v]);
                }

                db.Run("UPDATE meta SET value = ? WHERE key = 'schema_version'", Schema.Version.ToString(CultureInfo.InvariantCulture));
            }

            db.Execute("COMMIT");
            return true;
        }
        catch
        {
            db.Execute("ROLLBACK");
            throw;
        }
    }

    /// <summary>Starts the write transaction of a run (takes the write lock at once).</summary>
    public void BeginTransaction() => db.Execute("BEGIN IMMEDIATE");

    /// <summary>Starts a read transaction: in WAL mode it sees the last commit and never waits for a writer.</summary>
    public void BeginRead() => db.Execute("BEGIN DEFERRED");

    /// <summary>The committed generation of the index in <paramref name="indexDirectory"/>: 0 when there is none or no run ever committed.</summary>
    public static long CommittedGeneration(string indexDirectory)
    {
        if (!Exists(indexDirectory))
        {
            return 0;
        }

        using (var db = SqliteDatabase.Open(DatabasePathIn(indexDirectory), create: false))
        {
            if (db.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") is not long n || n == 0)
            {
                return 0; // created by a run killed before it made the schema
            }
        }

        using var store = Open(indexDirectory, create: false);
        return store.Generation;
    }

    public void Commit() => db.Execute("COMMIT");

    public void Rollback() => db.Execute("ROLLBACK");

    public string? GetMeta(string key) => db.Scalar("SELECT value FROM meta WHERE key = ?", key) as string;

    public void SetMeta(string key, string value) =>
        db.Run("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);

    public long Generation => long.Parse(GetMeta("generation") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Checkpoints the WAL into the main file (after a large run) so the file size reflects the index.</summary>
    public void Checkpoint() => db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");

    public void Dispose()
    {
        DisposeStatements();
        db.Dispose();
    }
}
