using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SpeechArchive.Documents;
using SpeechArchive.Structure;

namespace SpeechArchive.Storage;

/// <summary>
/// How a <see cref="StoredSpeech"/> maps to the columns of the <c>speeches</c> table, both ways: the date as
/// <c>yyyy-MM-dd</c>, tags comma-separated, provenance, warnings and theme shares as JSON. Adding a metadata field
/// touches <see cref="SpeechMetadata"/>, a column in <see cref="Schema"/> (with its migration) and the two lists here.
/// </summary>
internal static class SpeechColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The columns written on insert (all but the row id), in order.</summary>
    public static readonly string[] Names =
    [
        "file_key", "public_id", "content_hash", "labels_fingerprint", "title", "date", "year", "speaker", "organization",
        "meeting", "source", "category", "tags", "provenance", "warnings", "title_start", "title_end", "salutation_start",
        "salutation_end", "theme_shares", "text", "markdown", "indexed_at", "source_stamp",
    ];

    /// <summary>The value of each of <see cref="Names"/> for <paramref name="s"/>.</summary>
    public static object?[] Values(StoredSpeech s)
    {
        var m = s.Metadata;
        return
        [
            s.FileKey, s.PublicId, s.ContentHash, s.LabelsFingerprint, m.Title,
            m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Year, m.Speaker, m.Organization,
            m.Meeting, m.Source, m.Category, m.Tags.Count == 0 ? null : string.Join(',', m.Tags), Provenance(m),
            s.Warnings.Count == 0 ? null : JsonSerializer.Serialize(s.Warnings, Json), s.Title?.Start, s.Title?.End, s.Salutation?.Start,
            s.Salutation?.End, ThemeShares(s.ThemeShares), s.Text, s.Markdown, s.IndexedAt, s.SourceStamp,
        ];
    }

    /// <summary>The <c>theme_shares</c> value.</summary>
    public static string ThemeShares(IReadOnlyDictionary<string, double> shares) => JsonSerializer.Serialize(shares, Json);

    /// <summary>Where the title and the year came from, as stored in <c>provenance</c> and shown by the reader page.</summary>
    public static string Provenance(SpeechMetadata m) => JsonSerializer.Serialize(new StoredProvenance(m.TitleProvenance, m.YearProvenance), Json);

    /// <summary>Resolves the columns of <paramref name="r"/> by name once and returns the reader of one row.</summary>
    public static Func<StoredSpeech> Reader(SqliteDataReader r)
    {
        int id = r.GetOrdinal("id"), fileKey = r.GetOrdinal("file_key"), publicId = r.GetOrdinal("public_id"),
            contentHash = r.GetOrdinal("content_hash"), fingerprint = r.GetOrdinal("labels_fingerprint"), title = r.GetOrdinal("title"),
            date = r.GetOrdinal("date"), year = r.GetOrdinal("year"), speaker = r.GetOrdinal("speaker"),
            organization = r.GetOrdinal("organization"), meeting = r.GetOrdinal("meeting"), source = r.GetOrdinal("source"),
            category = r.GetOrdinal("category"), tags = r.GetOrdinal("tags"), provenance = r.GetOrdinal("provenance"),
            warnings = r.GetOrdinal("warnings"), titleStart = r.GetOrdinal("title_start"), titleEnd = r.GetOrdinal("title_end"),
            salutationStart = r.GetOrdinal("salutation_start"), salutationEnd = r.GetOrdinal("salutation_end"),
            themeShares = r.GetOrdinal("theme_shares"), text = r.GetOrdinal("text"), markdown = r.GetOrdinal("markdown"),
            indexedAt = r.GetOrdinal("indexed_at"), sourceStamp = r.GetOrdinal("source_stamp");
        return () =>
        {
            var origin = r.Text(provenance) is { } p ? JsonSerializer.Deserialize<StoredProvenance>(p, Json) : null;
            return new StoredSpeech(
                RowId: r.GetInt64(id),
                FileKey: r.GetString(fileKey),
                PublicId: r.GetString(publicId),
                ContentHash: r.GetString(contentHash),
                LabelsFingerprint: r.GetString(fingerprint),
                Metadata: new SpeechMetadata
                {
                    Title = r.Text(title),
                    Date = DateOnly.TryParseExact(r.Text(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                    Year = r.Int32(year),
                    Speaker = r.Text(speaker),
                    Organization = r.Text(organization),
                    Meeting = r.Text(meeting),
                    Source = r.Text(source),
                    Category = r.Text(category),
                    Tags = r.Text(tags) is { Length: > 0 } t ? t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
                    TitleProvenance = origin?.Title ?? MetadataProvenance.Missing,
                    YearProvenance = origin?.Year ?? MetadataProvenance.Missing,
                },
                Warnings: r.Text(warnings) is { } w ? JsonSerializer.Deserialize<List<string>>(w, Json) ?? [] : [],
                Title: Span(r.Int32(titleStart), r.Int32(titleEnd)),
                Salutation: Span(r.Int32(salutationStart), r.Int32(salutationEnd)),
                ThemeShares: r.Text(themeShares) is { } shares ? JsonSerializer.Deserialize<Dictionary<string, double>>(shares, Json) ?? [] : new Dictionary<string, double>(),
                Text: r.Text(text) ?? "",
                Markdown: r.Text(markdown),
                IndexedAt: r.GetString(indexedAt),
                SourceStamp: r.Text(sourceStamp));
        };
    }

    private static TextSpan? Span(int? start, int? end) => start is int s && end is int e ? new TextSpan(s, e) : null;

    private sealed record StoredProvenance(MetadataProvenance Title, MetadataProvenance Year);
}

/// <summary>Nullable column reads.</summary>
internal static class DataReaderColumns
{
    public static string? Text(this SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    public static int? Int32(this SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetInt32(column);
}
