using System.Globalization;
using System.Text;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A query string written as an IRI: letters, numbers, punctuation and symbols beyond ASCII stay as they are (a URL may
/// hold them; the browser percent-encodes them in UTF-8 when it follows the link), so a Chinese character takes its 3 bytes of
/// UTF-8 in the page rather than the 9 of <c>%E4%BD%9C</c>. ASCII other than letters, digits and <c>-._~</c>, and every
/// control, format (a right-to-left override), space, private-use or unassigned character, is percent-encoded as usual.
/// </summary>
internal static class IriQuery
{
    /// <summary><c>?name=value&amp;…</c> for <paramref name="pairs"/>; empty for none.</summary>
    public static string Create(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var text = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            text.Append(text.Length == 0 ? '?' : '&');
            Append(text, name);
            text.Append('=');
            Append(text, value ?? "");
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes()) // a lone surrogate comes as U+FFFD, as UrlEncoder writes it
        {
            if (rune.IsAscii ? IsUnreserved((char)rune.Value) : Keeps(Rune.GetUnicodeCategory(rune)))
            {
                text.Append(rune.ToString());
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool Keeps(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
}
