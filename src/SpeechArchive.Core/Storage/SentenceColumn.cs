using System.Globalization;
using System.Text;

namespace SpeechArchive.Storage;

/// <summary>
/// The <c>passages.sentences</c> column: a passage's sentences with their directive types as <c>"gap,length,type;…"</c>,
/// each gap counted from the previous sentence's end (the first from the passage start), the type empty for none.
/// Both halves of the format live here.
/// </summary>
internal static class SentenceColumn
{
    /// <summary>Encodes sentences given as absolute spans of the speech text.</summary>
    public static string Encode(int passageStart, IReadOnlyList<(int Start, int End, string? Type)> sentences)
    {
        var sb = new StringBuilder(sentences.Count * 8);
        var previousEnd = passageStart;
        for (var i = 0; i < sentences.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(';');
            }

            var (start, end, type) = sentences[i];
            sb.Append((start - previousEnd).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((end - start).ToString(CultureInfo.InvariantCulture)).Append(',').Append(type);
            previousEnd = end;
        }

        return sb.ToString();
    }

    /// <summary>Decodes the column back into absolute spans of the speech text; a damaged value names the passage.</summary>
    public static IReadOnlyList<(int Start, int End, string? Type)> Decode(string compact, int passageStart)
    {
        if (string.IsNullOrEmpty(compact))
        {
            return [];
        }

        var parts = compact.Split(';');
        var list = new (int, int, string?)[parts.Length];
        var at = passageStart;
        for (var i = 0; i < parts.Length; i++)
        {
            var f = parts[i].Split(',');
            if (f.Length < 2 || !int.TryParse(f[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var gap)
                || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new SpeechArchiveException($"The index is damaged: a passage's sentences column has '{parts[i]}' at item {i + 1}. Rebuild it with `index --rebuild`.");
            }

            var start = at + gap;
            at = start + length;
            list[i] = (start, at, f.Length > 2 && f[2].Length > 0 ? f[2] : null);
        }

        return list;
    }
}
