using System.Text;

namespace SpeechArchive.Documents;

/// <summary>Speech ids: a corpus key made safe for one URL path segment.</summary>
public static class DocumentId
{
    /// <summary>
    /// The key without its extension, '/' → '.', every other character that is not a letter (CJK included), digit, '-', '_' or '.'
    /// → '-'; e.g. <c>2022/纪委 全会.md</c> → <c>2022.纪委-全会</c>. Collisions are the indexer's concern.
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
            id.Append(rune.Value switch
            {
                '/' or '\\' => ".",
                '-' or '_' or '.' => rune.ToString(),
                _ when Rune.IsLetterOrDigit(rune) => rune.ToString(),
                _ => "-",
            });
        }

        // "" or a run of dots would mean "this folder" or "the parent" in a URL path.
        return id.Length == 0 || id.ToString().All(c => c == '.') ? new string('-', Math.Max(1, id.Length)) : id.ToString();
    }
}
