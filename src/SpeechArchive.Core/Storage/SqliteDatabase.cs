using SQLitePCL;

namespace SpeechArchive.Storage;

/// <summary>A thin, owned wrapper over one SQLitePCLRaw connection. Only <c>Storage/</c> touches SQLite.</summary>
internal sealed class SqliteDatabase : IDisposable
{
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        Batteries_V2.Init();
        return true;
    });

    private readonly sqlite3 handle;

    private SqliteDatabase(sqlite3 handle, string path)
    {
        this.handle = handle;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (or creates, when <paramref name="create"/>) the database file.</summary>
    public static SqliteDatabase Open(string path, bool create, bool readOnly = false)
    {
        _ = Initialized.Value;
        var flags = readOnly ? raw.SQLITE_OPEN_READONLY : raw.SQLITE_OPEN_READWRITE | (create ? raw.SQLITE_OPEN_CREATE : 0);
        var rc = raw.sqlite3_open_v2(path, out var db, flags | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = db is null ? $"code {rc}" : raw.sqlite3_errmsg(db).utf8_to_string();
            db?.Dispose();
            throw new SpeechArchiveException($"Cannot open index database '{path}': {message}");
        }

        raw.sqlite3_busy_timeout(db, 10_000);
        return new SqliteDatabase(db, path);
    }

    public void Execute(string sql)
    {
        var rc = raw.sqlite3_exec(handle, sql);
        Check(rc, sql);
    }

    public SqliteStatement Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var stmt);
        Check(rc, sql);
        return new SqliteStatement(this, stmt, sql);
    }

    /// <summary>Runs <paramref name="sql"/> with the given parameters and returns the number of changed rows.</summary>
    public int Run(string sql, params object?[] args)
    {
        using var statement = Prepare(sql);
        statement.BindAll(args);
        statement.Step();
        return raw.sqlite3_changes(handle);
    }

    /// <summary>Returns the first column of the first row, or null.</summary>
    public object? Scalar(string sql, params object?[] args)
    {
        using var statement = Prepare(sql);
        statement.BindAll(args);
        return statement.Step() ? statement.Value(0) : null;
    }

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(handle);

    internal void Check(int rc, string context)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)
        {
            return;
        }

        var message = raw.sqlite3_errmsg(handle).utf8_to_string();
        throw new SpeechArchiveException($"SQLite error {rc} in '{Path}': {message} (while running: {Shorten(context)})");
    }

    private static string Shorten(string sql) => sql.Length <= 80 ? sql : sql[..80] + "…";

    public void Dispose() => handle.Dispose();
}
