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

    private const string EmptyName = "文件名无效（清理后为空） (the file name is empty once made safe)";

    /// <summary>The safe name, or null (with why) when nothing usable is left.</summary>
    public static string? Sanitize(string? name, out string? reason) => Sanitize(name, out reason, out _, out _);

    /// <summary>
    /// The safe name, or null (with why) when nothing usable is left; <paramref name="cutFromBytes"/> is the UTF-8 length of the
    /// name before it was shortened to fit, 0 when it fitted.
    /// </summary>
    public static string? Sanitize(string? name, out string? reason, out int cutFromBytes) => Sanitize(name, out reason, out cutFromBytes, out _);

    /// <summary>
    /// The safe name, or null (with why) when nothing usable is left; <paramref name="cutFromBytes"/> is the UTF-8 length of the
    /// name before it was shortened to fit, 0 when it fitted; <paramref name="changes"/> what was changed in it, each said only
    /// when it was done to this name (../../etc/passwd.md lost its folders and nothing else: the note said every rule whatever
    /// was done, a review found), in the order they were made.
    /// </summary>
    public static string? Sanitize(string? name, out string? reason, out int cutFromBytes, out IReadOnlyList<NameChange> changes)
    {
        reason = null;
        cutFromBytes = 0;
        var made = new List<NameChange>();
        changes = made;
        // A name that carries URL escapes (..%2Fa.md, a name a client encoded) is read as what they stand for, so its folders
        // go like any others' (a.md), rather than surviving as 2F… pieces.
        var unescaped = Uri.UnescapeDataString(name ?? "");
        if (!string.Equals(unescaped, name ?? "", StringComparison.Ordinal))
        {
            made.Add(new("还原了 URL 转义", "its URL escapes were decoded"));
        }

        var last = unescaped.Replace('\\', '/');
        if (last.Contains('/', StringComparison.Ordinal))
        {
            last = last[(last.LastIndexOf('/') + 1)..];
            made.Add(new("去掉了文件夹部分", "its folders were taken out"));
        }

        var sb = new StringBuilder(last.Length);
        var controls = false;
        var spaces = false;
        var replaced = new List<char>();
        var replacements = 0;
        foreach (var c in last)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                controls = true;
                continue;
            }

            var special = Special.Contains(c, StringComparison.Ordinal);
            var space = !special && char.IsWhiteSpace(c);
            spaces |= space;
            if (special && !replaced.Contains(c))
            {
                replaced.Add(c);
            }

            replacements += special || space ? 1 : 0;
            sb.Append(special || space ? '_' : c);
        }

        if (controls)
        {
            made.Add(new("去掉了控制字符", "control characters were taken out"));
        }

        if (spaces || replaced.Count > 0)
        {
            var what = string.Join(" ", replaced);
            made.Add(spaces
                ? new($"把空白{(what.Length > 0 ? "和 " + what + " " : "")}换成了 _", $"spaces{(what.Length > 0 ? " and " + what : "")} were replaced by _")
                : new($"把 {what} 换成了 _", $"the characters {what} were replaced by _"));
        }

        var marked = sb.ToString();
        var clean = Underscores().Replace(marked, "_");
        string stem, extension;
        var leadingDots = 0;
        do
        {
            // Until nothing changes: trimming underscores can bare a dot again (._.a.md), and a leading dot hides the file.
            clean = clean.Trim('_');
            leadingDots += clean.Length - clean.TrimStart('.').Length;
            clean = clean.TrimStart('.');
            extension = Path.GetExtension(clean);
            stem = Path.GetFileNameWithoutExtension(clean).TrimEnd('.').Trim('_');
            clean = stem + extension;
        }
        while (clean.StartsWith('.') || clean.StartsWith('_'));
        if (leadingDots > 0)
        {
            made.Add(new("去掉了开头的点", "its leading dot was taken out"));
        }

        // Underscores and dots tidied away beyond those the replaced characters became (a__b.md, a..md, _a.md; not a:b*?.txt,
        // whose three underscores are one in a_b.txt as a matter of course).
        var underscoresGone = marked.Count(c => c == '_') - clean.Count(c => c == '_');
        var dotsGone = marked.Count(c => c == '.') - clean.Count(c => c == '.') - leadingDots;
        if (underscoresGone > replacements || dotsGone > 0)
        {
            made.Add(new("去掉了多余的 _ 和点", "stray underscores and dots were taken out"));
        }

        if (!string.Equals(extension, extension.ToLowerInvariant(), StringComparison.Ordinal))
        {
            extension = extension.ToLowerInvariant();
            made.Add(new("扩展名改为小写", "the extension was put in lower case"));
        }

        if (stem.Length == 0)
        {
            reason = EmptyName;
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
                reason = EmptyName;
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

/// <summary>
/// One change <see cref="FileNameSanitizer"/> made to an uploaded name: said in Chinese, with the English gloss, in the note the
/// upload's outcome carries (文件名改为 passwd.md：去掉了文件夹部分).
/// </summary>
internal readonly record struct NameChange(string Chinese, string English);
