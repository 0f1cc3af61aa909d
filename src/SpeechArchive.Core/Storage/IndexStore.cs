using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SpeechArchive.Storage;

/// <summary>
/// The index database (SQLite through Microsoft.Data.Sqlite, WAL): the store of record for speeches, structure, labels
/// and postings segments, and the one place that knows its tables, columns and byte formats. Writers work inside one
/// transaction per run, so a crash leaves the last committed index. Every SQLite failure comes out as a
/// <see cref="SpeechArchiveException"/> naming the file and the statement.
/// </summary>
internal sealed partial class IndexStore : IDisposable
{
    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;

    private IndexStore(SqliteConnection connection, string path, string directory)
    {
        this.connection = connection;
        DatabasePath = path;
        Directory = directory;
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public static string DatabasePathIn(string indexDirectory) => System.IO.Path.Combine(indexDirectory, Schema.FileName);

    public static bool Exists(string indexDirectory) => File.Exists(DatabasePathIn(indexDirectory));

    /// <summary>The bytes of the index file and its log in <paramref name="indexDirectory"/> (0 when there is none).</summary>
    public static long SizeOnDiskIn(string indexDirectory)
    {
        var path = DatabasePathIn(indexDirectory);
        return new[] { "", "-wal" }.Select(suffix => new FileInfo(path + suffix)).Where(f => f.Exists).Sum(f => f.Length);
    }

    /// <summary>
    /// Renames a damaged index file (with its log and shared-memory file) to <c>speecharchive.db.damaged-TIME</c>, so a
    /// rebuild starts afresh and the damaged file is still there for whoever wants to look at it; returns the new name.
    /// </summary>
    public static string SetAside(string indexDirectory)
    {
        var path = DatabasePathIn(indexDirectory);
        var aside = $"{path}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, aside + suffix, overwrite: true);
            }
        }

        return aside;
    }

    /// <summary>Opens the index in <paramref name="indexDirectory"/>, creating it when <paramref name="create"/>; checks the schema version.</summary>
    public static IndexStore Open(string indexDirectory, bool create)
    {
        ArgumentNullException.ThrowIfNull(indexDirectory);
        var path = DatabasePathIn(indexDirectory);
        if (!create && !File.Exists(path))
        {
            throw new SpeechArchiveException($"No index at '{indexDirectory}' ({Schema.FileName} not found). Build one with `index --corpus DIR --index {indexDirectory}`.");
        }

        if (create)
        {
            System.IO.Directory.CreateDirectory(indexDirectory);
        }

        try
        {
            return Prepare(new IndexStore(Connect(path, create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite), path, indexDirectory), create);
        }
        catch (SpeechArchiveException e) when (!create && e.InnerException is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_READONLY }
            && !CanWrite(indexDirectory))
        {
            // A read-only folder or disk: SQLite cannot make the shared-memory file a WAL database is read with, but as
            // nothing can change the file there, it can be read as an immutable one. Search works; indexing is refused.
            return Prepare(new IndexStore(Connect($"file:{Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal)}?immutable=1", SqliteOpenMode.ReadOnly), path, indexDirectory), create);
        }
    }

    /// <summary>Sets the connection up, creates the schema in a new file, and checks (or migrates) the schema version.</summary>
    private static IndexStore Prepare(IndexStore store, bool create)
    {
        var path = store.DatabasePath;
        var indexDirectory = store.Directory;
        try
        {
            store.Execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
            if (!store.HasMetaTable())
            {
                if (!create || store.Scalar("SELECT count(*) FROM sqlite_master") is not 0L)
                {
                    throw Damaged(path, "it holds no SpeechArchive index: another database, or the write-ahead log of another database beside it");
                }

                // One transaction, so a kill while creating leaves no half-made schema (a meta table without a version
                // would make the index unopenable, even by a rebuild).
                store.Execute("PRAGMA journal_mode = WAL");
                store.BeginTransaction();
                store.Execute(Schema.Create);
                store.SetMeta(MetaKey.SchemaVersion, Schema.Version.ToString(CultureInfo.InvariantCulture));
                store.SetMeta(MetaKey.Generation, "0");
                store.Commit();
            }
            else
            {
                var version = store.GetMeta(MetaKey.SchemaVersion);
                if (version != Schema.Version.ToString(CultureInfo.InvariantCulture) && !store.Migrate(version))
                {
                    throw new SpeechArchiveException(
                        $"The index at '{indexDirectory}' has schema version {version ?? "unknown"}, this program needs {Schema.Version}. Rebuild it with `index --rebuild`.");
                }
            }

            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Whether this process may create files in <paramref name="folder"/> (tried, not guessed from permissions).</summary>
    private static bool CanWrite(string folder)
    {
        try
        {
            using var probe = new FileStream(System.IO.Path.Combine(folder, $".write-probe-{Environment.ProcessId}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Opens a connection of its own (no pool: a closed store holds no file open), waiting up to 10 s for a lock.</summary>
    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        _ = NativeLibrary.Value;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Fault(path, e, "");
        }
    }

    /// <summary>Loads the bundled SQLite once per process.</summary>
    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private bool HasMetaTable() => Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") is long n && n > 0;

    /// <summary>
    /// Brings an index of an older schema version up to date when every step from it is known, in one transaction (a kill
    /// leaves the old version, migrated again next time); false when it cannot be, so the caller refuses the index.
    /// </summary>
    private bool Migrate(string? version)
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

        BeginTransaction();
        try
        {
            // Another process may have migrated it meanwhile: read the version again under the write lock.
            if (GetMeta(MetaKey.SchemaVersion) == version)
            {
                for (var v = from; v < Schema.Version; v++)
                {
                    Execute(Schema.Migrations[v]);
                }

                SetMeta(MetaKey.SchemaVersion, Schema.Version.ToString(CultureInfo.InvariantCulture));
            }

            Commit();
            return true;
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    /// <summary>Starts the write transaction of a run (takes the write lock at once).</summary>
    public void BeginTransaction() => transaction = Guard("BEGIN IMMEDIATE", () => connection.BeginTransaction(deferred: false));

    /// <summary>Starts a read transaction: in WAL mode it sees the last commit and never waits for a writer.</summary>
    public void BeginRead() => transaction = Guard("BEGIN DEFERRED", () => connection.BeginTransaction(deferred: true));

    /// <summary>The committed generation of the index in <paramref name="indexDirectory"/>: 0 when there is none or no run ever committed.</summary>
    public static long CommittedGeneration(string indexDirectory)
    {
        if (!Exists(indexDirectory))
        {
            return 0;
        }

        var path = DatabasePathIn(indexDirectory);
        if (new FileInfo(path).Length == 0)
        {
            return 0; // created by a run killed before it made the schema
        }

        using (var bare = new IndexStore(Connect(path, SqliteOpenMode.ReadWrite), path, indexDirectory))
        {
            try
            {
                if (!bare.HasMetaTable())
                {
                    return 0; // created by a run killed before it made the schema
                }
            }
            catch (SpeechArchiveException e) when (e.InnerException is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CANTOPEN })
            {
                // a read-only folder: Open reads it as an immutable file
            }
        }

        using var store = Open(indexDirectory, create: false);
        return store.Generation;
    }

    /// <summary>Commits the transaction; when the commit fails (a full disk) the transaction stays open for <see cref="Rollback"/>.</summary>
    public void Commit()
    {
        var current = transaction ?? throw new InvalidOperationException($"COMMIT without a transaction in '{DatabasePath}'.");
        Guard("COMMIT", () =>
        {
            current.Commit();
            return 0;
        });
        transaction = null;
        current.Dispose();
    }

    /// <summary>
    /// Rolls the transaction back, if one is open. SQLite may already have rolled it back itself (a full disk or an I/O error
    /// during a write does): then there is nothing left to undo, and that is not an error that should hide the first one.
    /// </summary>
    public void Rollback()
    {
        var current = transaction;
        transaction = null;
        if (current is null)
        {
            return;
        }

        try
        {
            current.Rollback();
        }
        catch (SqliteException) when (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            // no transaction is active any more: SQLite rolled it back when the statement failed
        }
        finally
        {
            current.Dispose();
        }
    }

    public string? GetMeta(MetaKey key) => Scalar("SELECT value FROM meta WHERE key = $key", ("$key", key.Name)) as string;

    public void SetMeta(MetaKey key, string value) =>
        Run("INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("$key", key.Name), ("$value", value));

    public long Generation => long.Parse(GetMeta(MetaKey.Generation) ?? "0", CultureInfo.InvariantCulture);

    /// <summary>The version of the SQLite library the store runs on.</summary>
    public string SqliteVersion => (string)Scalar("SELECT sqlite_version()")!;

    /// <summary>Checkpoints the WAL into the main file (after a large run) so the file size reflects the index.</summary>
    public void Checkpoint() => Execute("PRAGMA wal_checkpoint(TRUNCATE)");

    public void Dispose()
    {
        DisposeCommands();
        transaction?.Dispose();
        connection.Dispose();
    }

    /// <summary>A command on this store's connection, in its current transaction.</summary>
    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement (or several, without parameters) and returns the number of changed rows.</summary>
    private int Run(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Guard(sql, command.ExecuteNonQuery);
    }

    private void Execute(string sql) => Run(sql);

    /// <summary>The first column of the first row, or null.</summary>
    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = Guard(sql, command.ExecuteScalar);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs <paramref name="action"/>, turning a SQLite failure into a message that names the file and the statement.</summary>
    private T Guard<T>(string sql, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw Fault(DatabasePath, e, $" (while running: {Shorten(sql)})");
        }
    }

    /// <summary>
    /// What a SQLite failure means to whoever runs the program: a full disk and a damaged file get their own exceptions,
    /// with what to do; anything else names the file and the statement.
    /// </summary>
    private static SpeechArchiveException Fault(string path, SqliteException e, string context)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? path;
        switch (e.SqliteErrorCode)
        {
            case SQLitePCL.raw.SQLITE_FULL:
                var free = DiskSpace.Free(folder);
                return new IndexDiskFullException(
                    $"The disk holding the index folder '{folder}'{(DiskSpace.Disk(folder) is { } disk ? $" ({disk})" : "")} is full ({(free is long f ? DiskSpace.Format(f) : "no space")} free).", folder, free, e);
            case SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB:
                return Damaged(path, Reason(e), e);
            case SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_PERM:
                return new SpeechArchiveException($"Cannot use the index file '{path}': {Reason(e)}. Check that the folder '{folder}' exists and this user may write it.", e);
            default:
                return new SpeechArchiveException($"Index database '{path}': {e.Message}{context}", e);
        }
    }

    /// <summary>The damaged-index exception, with the way back.</summary>
    private static IndexDamagedException Damaged(string path, string reason, Exception? inner = null) => new(
        $"The index file '{path}' is damaged ({reason}). The index is built from the corpus, which is untouched: rebuild it with `index --rebuild` (in the web app: 完全重建 on /admin).",
        path, reason, inner);

    /// <summary>
    /// Runs SQLite's <c>PRAGMA quick_check</c> (every page and index readable and well-formed; not the contents of the
    /// rows): throws <see cref="IndexDamagedException"/> naming the first problems when it finds any.
    /// </summary>
    public void QuickCheck()
    {
        var problems = Rows<string>("PRAGMA quick_check(5)", r => () => r.GetString(0));
        if (problems is not ["ok"])
        {
            throw Damaged(DatabasePath, string.Join("; ", problems).ReplaceLineEndings("; "));
        }
    }

    /// <summary>SQLite's own words for the failure ("file is not a database").</summary>
    private static string Reason(SqliteException e) => SQLitePCL.raw.sqlite3_errstr(e.SqliteErrorCode).utf8_to_string();

    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 80 ? flat : flat[..80] + "…";
    }
}
