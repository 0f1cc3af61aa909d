using System.Text.Encodings.Web;
using System.Text.Json;
using SpeechArchive.Search;

namespace SpeechArchive.Export;

/// <summary>The documents of an export, as the templates of <see cref="ElasticTemplates"/> map them: one per passage, one per speech.</summary>
internal static class ElasticDocuments
{
    /// <summary>One line per JSON value, Chinese unescaped (control characters and the line separators are still escaped).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Vector components are written to five decimals: the stored vectors are 8-bit, so nothing is lost that was there.</summary>
    private const int VectorDecimals = 5;

    /// <summary>Writes passage <paramref name="passage"/> of <paramref name="index"/> with its speech's facets and, when given, its vector.</summary>
    public static void WritePassage(Utf8JsonWriter json, IndexSnapshot index, int passage, float[]? vector)
    {
        var p = index.Passages[passage];
        var s = index.Speeches[p.Speech];
        json.WriteStartObject();
        json.WriteString("passage_id", p.Id);
        json.WriteString("speech_id", s.Id);
        json.WriteNumber("ordinal", p.Ordinal);
        json.WriteString("section", p.SectionPath);
        Optional(json, "point_label", p.PointLabel);
        json.WriteNumber("start", p.Start);
        json.WriteNumber("end", p.End);
        json.WriteString("text", p.SourceText[p.Start..p.End]);
        Strings(json, "themes", p.Themes);
        Strings(json, "directive_types", p.DirectiveTypes);
        WriteFacets(json, s);
        if (vector is not null)
        {
            json.WriteStartArray("vector");
            foreach (var x in vector)
            {
                json.WriteNumberValue(MathF.Round(x, VectorDecimals));
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes speech <paramref name="speech"/> of <paramref name="index"/>: metadata, theme shares, sections, passage ids and the whole text.</summary>
    public static void WriteSpeech(Utf8JsonWriter json, IndexSnapshot index, int speech)
    {
        var s = index.Speeches[speech];
        var shares = s.ThemeShares.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        json.WriteStartObject();
        json.WriteString("speech_id", s.Id);
        json.WriteString("file", s.FileKey);
        WriteFacets(json, s);
        Optional(json, "meeting", s.Meeting);
        Optional(json, "origin", s.Source);
        Strings(json, "tags", s.Tags);
        json.WriteNumber("characters", s.TextLength);
        Strings(json, "themes", [.. shares.Select(kv => kv.Key)]);
        json.WriteStartArray("theme_shares");
        foreach (var (id, share) in shares)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("label", index.LabelOfTheme(id));
            json.WriteNumber("share", share);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("sections");
        foreach (var section in s.Sections)
        {
            json.WriteStartObject();
            json.WriteNumber("ordinal", section.Ordinal);
            json.WriteNumber("level", section.Level);
            json.WriteString("label", section.Label);
            json.WriteString("heading", section.Heading);
            json.WriteNumber("heading_start", section.HeadingStart);
            json.WriteNumber("heading_end", section.HeadingEnd);
            json.WriteNumber("start", section.Start);
            json.WriteNumber("end", section.End);
            json.WriteNumber("parent", section.Parent);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "passage_ids", [.. s.Passages.Select(i => index.Passages[i].Id)]);
        json.WriteString("text", s.TextSpan);
        json.WriteEndObject();
    }

    /// <summary>The speech's fields that are a passage's facets and a speech's metadata alike (absent values left out).</summary>
    private static void WriteFacets(Utf8JsonWriter json, SpeechInfo s)
    {
        json.WriteString("title", s.Title);
        Optional(json, "date", s.Date);
        if (s.Year is { } year)
        {
            json.WriteNumber("year", year);
        }

        var organization = string.IsNullOrWhiteSpace(s.Organization) ? null : s.Organization;
        var category = string.IsNullOrWhiteSpace(s.Category) ? null : s.Category.Trim();
        Optional(json, "speaker", s.Speaker);
        Optional(json, "organization", organization);
        Optional(json, "category", category);
        Optional(json, "category_label", s.CategoryLabel);
        Strings(json, "source", [.. new[] { organization, s.CategoryLabel }.OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}
