namespace SpeechArchive.Search;

/// <summary>
/// What to suggest when a search finds nothing, for the search page and <c>search</c> alike: the query without the filters
/// typed into it (八项规定 year:1990), each searched word alone, a shorter run of a long phrase's own words (老百姓买房难怎么办 →
/// 老百姓, never a cut through a word such as 老百姓买), the query without quotes. All but the first keep the query's typed
/// filters and exclusions. Every suggestion is one the caller's <c>finds</c> says finds passages itself (near matches alone
/// do not count), so no advice leads to another empty page.
/// </summary>
public sealed class NoResultsAdvice
{
    /// <summary>At most this many runs of a long phrase are searched for a shorter one (about two for each of its words).</summary>
    public const int MaxShorterTried = 64;

    /// <summary>Only a phrase longer than this is offered a shorter run of itself (八项规定 is a term: 项规定 would be no advice).</summary>
    public const int ShortPhrase = 4;

    public IReadOnlyList<string> SingleWords { get; private init; } = [];
    public string? ShorterPhrase { get; private init; }
    public string? Unquoted { get; private init; }

    /// <summary>The query's words (and exclusions) without the filters typed into it, where there were both.</summary>
    public string? WithoutTypedFilters { get; private init; }

    public bool IsEmpty => SingleWords.Count == 0 && ShorterPhrase is null && Unquoted is null && WithoutTypedFilters is null;

    /// <summary>
    /// Advice for <paramref name="query"/>, which found nothing: each suggestion is asked of <paramref name="finds"/> (whether
    /// it finds passages, in the caller's mode and with its other filters) and offered only where it does;
    /// <paramref name="wordsOf"/> cuts a phrase into the words a shorter run may be made of (<see cref="Searcher.WordsOf"/>).
    /// </summary>
    public static NoResultsAdvice For(string? query, Func<string, bool> finds, Func<string, IReadOnlyList<string>> wordsOf)
    {
        ArgumentNullException.ThrowIfNull(finds);
        ArgumentNullException.ThrowIfNull(wordsOf);
        if (string.IsNullOrWhiteSpace(query))
        {
            return new NoResultsAdvice();
        }

        ParsedQuery parsed;
        (IReadOnlyList<string> Filters, IReadOnlyList<string> Exclusions) typed;
        try
        {
            parsed = QueryParser.Parse(query);
            typed = QueryParser.Operators(query);
        }
        catch (QuerySyntaxException)
        {
            return new NoResultsAdvice();
        }

        // A suggestion is other words with the query's own filters and exclusions.
        string With(string words) => string.Join(' ', typed.Filters.Prepend(words).Concat(typed.Exclusions));
        bool Finds(string words) => finds(With(words));

        var words = parsed.Required.SelectMany(c => c.Alternatives).ToList();
        var withoutFilters = typed.Filters.Count > 0 && words.Count > 0 ? string.Join(' ', typed.Exclusions.Prepend(Clauses(parsed, Typed))) : null;
        var single = words.Count > 1 ? words.Select(Typed).Distinct().ToList() : [];
        var unquoted = words.Any(w => w.Quoted) ? Clauses(parsed, w => w.Text) : null;
        var shorter = words.Count == 1 && !words[0].Quoted && words[0].Text.Trim().Length > ShortPhrase ? Shorter(words[0].Text.Trim(), Finds, wordsOf) : null;
        return new NoResultsAdvice
        {
            WithoutTypedFilters = withoutFilters is not null && finds(withoutFilters) ? withoutFilters : null,
            SingleWords = [.. single.Where(Finds).Select(With)],
            ShorterPhrase = shorter is null ? null : With(shorter),
            Unquoted = unquoted is not null && Finds(unquoted) ? With(unquoted) : null,
        };
    }

    /// <summary>
    /// The longest run of <paramref name="phrase"/>'s own words, shorter than it, that finds passages: from each word on, the run
    /// grows while it finds (a phrase that finds nothing finds nothing longer either), so a long pasted sentence costs about two
    /// searches a word, not one for every run. A run beginning or ending with a question or function word is not offered.
    /// </summary>
    private static string? Shorter(string phrase, Func<string, bool> finds, Func<string, IReadOnlyList<string>> wordsOf)
    {
        var cut = wordsOf(phrase);
        if (cut.Count < 2)
        {
            return null;
        }

        string? best = null;
        var tried = 0;
        for (var start = 0; start < cut.Count && tried < MaxShorterTried; start++)
        {
            if (best is not null && cut.Skip(start).Sum(w => w.Length) <= best.Length)
            {
                break; // nothing from here on is longer
            }

            string? found = null;
            for (var end = start + 1; end <= cut.Count && end - start < cut.Count && tried < MaxShorterTried; end++)
            {
                var run = cut.Skip(start).Take(end - start).ToList();
                var text = string.Concat(run);
                if (QueryStopWords.Contains(run[0]))
                {
                    break; // a run is not offered beginning with a function or question word (和身边工作人员): the next start
                }

                if (text.Length < 2 || QueryStopWords.Contains(run[^1]))
                {
                    continue; // too short, or ending on one (加强和改进新形势下党的): grow it first
                }

                tried++;
                if (!finds(text))
                {
                    break;
                }

                found = text;
            }

            if (found is not null && (best is null || found.Length > best.Length))
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>The query's clauses, OR kept, each word written by <paramref name="write"/>.</summary>
    private static string Clauses(ParsedQuery parsed, Func<QueryWord, string> write) =>
        string.Join(' ', parsed.Required.Select(c => string.Join(" OR ", c.Alternatives.Select(write))));

    private static string Typed(QueryWord w) => w.Quoted ? "\"" + w.Text + "\"" : w.Text;
}
