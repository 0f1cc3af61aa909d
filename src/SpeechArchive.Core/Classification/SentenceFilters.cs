using System.Text.RegularExpressions;

namespace SpeechArchive.Classification;

/// <summary>
/// The settings' address and clutter regexes, each guarded by the literal text it needs (as for cue patterns), so
/// they cost almost nothing on the sentences that cannot match.
/// </summary>
internal sealed class SentenceFilters
{
    private const int MaxAddressLength = 40;

    private readonly Filter? address;
    private readonly Filter[] clutter;

    public SentenceFilters(Taxonomy taxonomy)
    {
        var settings = taxonomy.Settings;
        address = settings.UntypedPattern.Length == 0 ? null : Create(taxonomy, settings.UntypedPattern);
        clutter = [.. settings.ClutterPatterns.Select(p => Create(taxonomy, p))];
    }

    /// <summary>True when text[start..end) is only an address (同志们！).</summary>
    public bool IsAddress(string text, int start, int end) =>
        address is { } filter && end - start <= MaxAddressLength && filter.Matches(text, start, end);

    /// <summary>True when text[start..end) is a caption, a photo credit or similar debris.</summary>
    public bool IsClutter(string text, int start, int end)
    {
        foreach (var filter in clutter)
        {
            if (filter.Matches(text, start, end))
            {
                return true;
            }
        }

        return false;
    }

    private static Filter Create(Taxonomy taxonomy, string pattern) =>
        new(taxonomy.Patterns[pattern], RegexLiterals.Required(pattern)?.ToArray());

    private sealed record Filter(Regex Regex, string[]? Literals)
    {
        private static bool ContainsAny(ReadOnlySpan<char> span, string[] literals)
        {
            foreach (var literal in literals)
            {
                if (span.Contains(literal, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public bool Matches(string text, int start, int end)
        {
            var span = text.AsSpan(start, end - start);
            if (Literals is not null && !ContainsAny(span, Literals))
            {
                return false;
            }

            try
            {
                return Regex.IsMatch(span.Trim());
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
