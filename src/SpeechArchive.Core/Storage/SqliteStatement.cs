using SQLitePCL;

namespace SpeechArchive.Storage;

/// <summary>A prepared statement; bind parameters by 1-based index, step, read columns by 0-based index.</summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteDatabase db;
    private readonly sqlite3_stmt stmt;
    private readonly string sql;

    internal SqliteStatement(SqliteDatabase db, sqlite3_stmt stmt, string sql)
    {
        this.db = db;
        this.stmt = stmt;
        this.sql = sql;
    }

    public SqliteStatement Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(stmt, index),
            // UTF-16 straight from the string (SQLite copies and converts it): no UTF-8 copy per value on the managed heap.
            // An empty span would bind NULL, so "" goes the UTF-8 way.
            string { Length: 0 } s => raw.sqlite3_bind_text(stmt, index, s),
            string s => raw.sqlite3_bind_text16(stmt, index, s.AsSpan()),
            int i => raw.sqlite3_bind_int64(stmt, index, i),
            long l => raw.sqlite3_bind_int64(stmt, index, l),
            bool b => raw.sqlite3_bind_int64(stmt, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(stmt, index, d),
            byte[] bytes => raw.sqlite3_bind_blob(stmt, index, bytes),
            _ => throw new ArgumentException($"Unsupported parameter type {value.GetType().Name}", nameof(value)),
        };
        db.Check(rc, sql);
        return this;
    }

    public void BindAll(object?[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            Bind(i + 1, args[i]);
        }
    }

    /// <summary>Steps once: true when a row is available.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        db.Check(rc, sql);
        return false;
    }

    /// <summary>Resets for the next execution with new bindings.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(stmt);
        raw.sqlite3_clear_bindings(stmt);
    }

    /// <summary>Binds, runs to completion and resets; for repeated inserts.</summary>
    public void Execute(params object?[] args)
    {
        BindAll(args);
        while (Step())
        {
        }

        Reset();
    }

    public long Int64(int column) => raw.sqlite3_column_int64(stmt, column);

    public int Int32(int column) => raw.sqlite3_column_int(stmt, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(stmt, column) == raw.SQLITE_NULL;

    public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(stmt, column).utf8_to_string();

    public int? NullableInt32(int column) => IsNull(column) ? null : raw.sqlite3_column_int(stmt, column);

    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(stmt, column);

    public object? Value(int column) => raw.sqlite3_column_type(stmt, column) switch
    {
        raw.SQLITE_INTEGER => Int64(column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(stmt, column),
        raw.SQLITE_TEXT => Text(column),
        raw.SQLITE_BLOB => Blob(column).ToArray(),
        _ => null,
    };

    public void Dispose() => stmt.Dispose();
}
