using System.Text;

namespace SpeechArchive.Documents;

/// <summary>Speech ids: a corpus key made safe for one URL path segment.</summary>
public static class DocumentId
{
    /// <summary>
    /// The key without its extension, '/' → '.', every character that is not a letter (CJK included), digit, '-', '_' or '.'
    /// → '-', a run of '-' → one, and no '-' at either end of a part between dots; e.g. <c>2022/纪委 全会.md</c> → <c>2022.纪委-全会</c>,
    /// <c>uploads/通知（一）！.md</c> → <c>uploads.通知-一</c> (until the sixty-third session <c>uploads.通知-一--</c>: a name ending
    /// in punctuation left its id a trailing hyphen). A part that was punctuation only is left out. Collisions are the
    /// indexer's concern, and so is keeping the id a stored speech already has (<c>Indexer</c>): only new ids are made so.
    /// </summary>
    public static string FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        var dot = key.LastIndexOf('.');
        var stem = dot > slash + 1 ? key[..dot] : key;
        var id = new StringBuilder(stem.Length);
        foreach (var rune in stem.EnumerateRunes())
        {
            var kept = rune.Value switch
            {
                '/' or '\\' => ".",
                '-' or '_' or '.' => rune.ToString(),
                _ when Rune.IsLetterOrDigit(rune) => rune.ToString(),
                _ => "-",
            };
            if (kept != "-" || id.Length == 0 || id[^1] != '-')
            {
                id.Append(kept); // a run of hyphens, written or standing for other characters, is one
            }
        }

        var parts = id.ToString().Split('.');
        var clean = string.Join('.', parts.Select(p => p.Trim('-')).Where((p, i) => p.Length > 0 || parts[i].Length == 0));

        // "" or a run of dots would mean "this folder" or "the parent" in a URL path.
        return clean.Length == 0 || clean.All(c => c == '.') ? new string('-', Math.Max(1, clean.Length)) : clean;
    }
}
