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
    public static IReadOnlyList<(int Start, int End, string? Type)> Decode(string compact, int passageStart) =>
        Decode(compact.AsSpan(), passageStart);

    /// <summary>Decodes the column held as UTF-8 (as a snapshot keeps it) back into absolute spans of the speech text.</summary>
    public static IReadOnlyList<(int Start, int End, string? Type)> Decode(ReadOnlySpan<byte> utf8, int passageStart)
    {
        if (utf8.IsEmpty)
        {
            return [];
        }

        var chars = utf8.Length <= 512 ? stackalloc char[512] : new char[utf8.Length];
        return Decode(chars[..Encoding.UTF8.GetChars(utf8, chars)], passageStart);
    }

    private static IReadOnlyList<(int Start, int End, string? Type)> Decode(ReadOnlySpan<char> compact, int passageStart)
    {
        if (compact.IsEmpty)
        {
            return [];
        }

        var list = new (int, int, string?)[compact.Count(';') + 1];
        var at = passageStart;
        var i = 0;
        foreach (var range in compact.Split(';'))
        {
            var part = compact[range];
            var fields = part.Split(',');
            ReadOnlySpan<char> gapText = [], lengthText = [], type = [];
            var count = 0;
            foreach (var field in fields)
            {
                switch (count++)
                {
                    case 0: gapText = part[field]; break;
                    case 1: lengthText = part[field]; break;
                    case 2: type = part[field]; break;
                    default: break;
                }
            }

            if (count < 2 || !int.TryParse(gapText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var gap)
                || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new SpeechArchiveException($"The index is damaged: a passage's sentences column has '{part}' at item {i + 1}. Rebuild it with `index --rebuild`.");
            }

            var start = at + gap;
            at = start + length;
            list[i++] = (start, at, type.IsEmpty ? null : type.ToString());
        }

        return list;
    }
}
