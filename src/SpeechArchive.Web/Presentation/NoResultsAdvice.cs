using SpeechArchive.Search;

namespace SpeechArchive.Web.Presentation;

/// <summary>What to suggest when a search finds nothing: each searched word alone, a shorter phrase, the query without quotes.</summary>
internal sealed class NoResultsAdvice
{
    public const int ShortPhrase = 4;

    public IReadOnlyList<string> SingleWords { get; private init; } = [];
    public string? ShorterPhrase { get; private init; }
    public string? Unquoted { get; private init; }

    /// <summary>Advice for a query that found nothing; every suggested query is one <paramref name="finds"/> says finds something.</summary>
    public static NoResultsAdvice For(string? query, Func<string, bool> finds)
    {
        ArgumentNullException.ThrowIfNull(finds);
        var advice = For(query);
        return new NoResultsAdvice
        {
            SingleWords = [.. advice.SingleWords.Where(finds)],
            ShorterPhrase = advice.ShorterPhrase is { } shorter && finds(shorter) ? shorter : null,
            Unquoted = advice.Unquoted is { } unquoted && finds(unquoted) ? unquoted : null,
        };
    }

    private static NoResultsAdvice For(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new NoResultsAdvice();
        }

        ParsedQuery parsed;
        try
        {
            parsed = QueryParser.Parse(query);
        }
        catch (QuerySyntaxException)
        {
            return new NoResultsAdvice();
        }

        var words = parsed.Required.SelectMany(c => c.Alternatives).ToList();
        var longest = words.Select(w => w.Text.Trim()).OrderByDescending(w => w.Length).FirstOrDefault();
        var hasQuotes = words.Any(w => w.Quoted) || parsed.Excluded.Any(w => w.Quoted);
        return new NoResultsAdvice
        {
            SingleWords = words.Count > 1 ? words.Select(w => w.Quoted ? "\"" + w.Text + "\"" : w.Text).Distinct().ToList() : [],
            ShorterPhrase = words.Count == 1 && longest is { Length: > ShortPhrase } ? longest[..ShortPhrase] : null,
            Unquoted = hasQuotes ? string.Join(' ', words.Select(w => w.Text)) : null,
        };
    }
}
