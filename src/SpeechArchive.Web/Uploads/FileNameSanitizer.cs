using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpeechArchive.Web.Uploads;

/// <summary>
/// Turns an uploaded name into a safe file name for the corpus: URL escapes decoded, then the last path component only (no folders, no drive, no
/// traversal), control characters dropped, characters special on any file system (and %) replaced, no leading dot, bounded length
/// (characters and UTF-8 bytes), extension lower-cased.
/// </summary>
internal static partial class FileNameSanitizer
{
    public const int MaxLength = 100;

    /// <summary>
    /// The most UTF-8 bytes a stored name may take: ext4 and most Linux file systems hold 255 bytes a name, and 86 Chinese
    /// characters (258 bytes, within <see cref="MaxLength"/>) could not be written (a user trial); this leaves room for (2) and .part.
    /// </summary>
    public const int MaxBytes = 200;

    /// <summary>
    /// Replaced by <c>_</c>: special on some file system, or <c>%</c>, which would make a stored name that a URL cannot carry
    /// apart from an escape (<c>a%2Fb.md</c> reads as a path to <c>DELETE /api/admin/uploads/{name}</c>).
    /// </summary>
    private const string Special = "<>:\"|?*%";

    /// <summary>The safe name, or null (with why) when nothing usable is left.</summary>
    public static string? Sanitize(string? name, out string? reason) => Sanitize(name, out reason, out _);

    /// <summary>
    /// The safe name, or null (with why) when nothing usable is left; <paramref name="cutFromBytes"/> is the UTF-8 length of the
    /// name before it was shortened to fit, 0 when it fitted.
    /// </summary>
    public static string? Sanitize(string? name, out string? reason, out int cutFromBytes)
    {
        reason = null;
        cutFromBytes = 0;
        // A name that carries URL escapes (..%2Fa.md, a name a client encoded) is read as what they stand for, so its folders
        // go like any others' (a.md), rather than surviving as 2F… pieces.
        var last = Uri.UnescapeDataString(name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var sb = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                continue;
            }

            sb.Append(Special.Contains(c, StringComparison.Ordinal) || char.IsWhiteSpace(c) ? '_' : c);
        }

        var clean = Underscores().Replace(sb.ToString(), "_");
        string stem, extension;
        do
        {
            // Until nothing changes: trimming underscores can bare a dot again (._.a.md), and a leading dot hides the file.
            clean = clean.Trim('_').TrimStart('.');
            extension = Path.GetExtension(clean).ToLowerInvariant();
            stem = Path.GetFileNameWithoutExtension(clean).TrimEnd('.').Trim('_');
            clean = stem + extension;
        }
        while (clean.StartsWith('.') || clean.StartsWith('_'));
        if (stem.Length == 0)
        {
            reason = "文件名无效（清理后为空） (the file name is empty once made safe)";
            return null;
        }

        if (!Fits(stem + extension))
        {
            cutFromBytes = Encoding.UTF8.GetByteCount(stem + extension);
            if (!Fits("x" + extension))
            {
                // No room for the extension (a.<300 characters>): cut the whole name; it is no .md/.txt and is refused as such.
                (stem, extension) = (stem + extension, "");
            }

            stem = Fit(stem, extension);
            if (stem.Length == 0)
            {
                reason = "文件名无效（清理后为空） (the file name is empty once made safe)";
                return null;
            }
        }

        return stem + extension;
    }

    /// <summary>Whether <paramref name="name"/> is within <see cref="MaxLength"/> characters and <see cref="MaxBytes"/> bytes of UTF-8.</summary>
    public static bool Fits(string name) => name.Length <= MaxLength && Encoding.UTF8.GetByteCount(name) <= MaxBytes;

    /// <summary>
    /// The longest start of <paramref name="stem"/> that, followed by <paramref name="suffix"/>, <see cref="Fits"/>: cut between
    /// whole characters (never inside a surrogate pair or before a combining mark), without a trailing dot or underscore.
    /// </summary>
    public static string Fit(string stem, string suffix)
    {
        int length = 0, bytes = Encoding.UTF8.GetByteCount(suffix);
        while (length < stem.Length)
        {
            var next = StringInfo.GetNextTextElementLength(stem, length);
            var more = Encoding.UTF8.GetByteCount(stem.AsSpan(length, next));
            if (length + next + suffix.Length > MaxLength || bytes + more > MaxBytes)
            {
                break;
            }

            length += next;
            bytes += more;
        }

        var cut = stem[..length].TrimEnd('.', '_');
        return cut.Length > 0 ? cut : stem[..length];
    }

    [GeneratedRegex("_{2,}")]
    private static partial Regex Underscores();
}
