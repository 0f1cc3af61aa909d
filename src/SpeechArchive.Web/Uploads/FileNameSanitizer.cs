using System.Text;
using System.Text.RegularExpressions;

namespace SpeechArchive.Web.Uploads;

/// <summary>
/// Turns an uploaded name into a safe file name for the corpus: URL escapes decoded, then the last path component only (no folders, no drive, no
/// traversal), control characters dropped, characters special on any file system (and %) replaced, no leading dot, bounded length,
/// extension lower-cased.
/// </summary>
internal static partial class FileNameSanitizer
{
    public const int MaxLength = 100;

    /// <summary>
    /// Replaced by <c>_</c>: special on some file system, or <c>%</c>, which would make a stored name that a URL cannot carry
    /// apart from an escape (<c>a%2Fb.md</c> reads as a path to <c>DELETE /api/admin/uploads/{name}</c>).
    /// </summary>
    private const string Special = "<>:\"|?*%";

    /// <summary>The safe name, or null (with why) when nothing usable is left.</summary>
    public static string? Sanitize(string? name, out string? reason)
    {
        reason = null;
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
            reason = "文件名无效（清理后为空）";
            return null;
        }

        if (stem.Length + extension.Length > MaxLength)
        {
            stem = stem[..(MaxLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }

        return stem + extension;
    }

    [GeneratedRegex("_{2,}")]
    private static partial Regex Underscores();
}
