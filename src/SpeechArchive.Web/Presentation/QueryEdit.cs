using SpeechArchive.Search;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// How a link changes the query text of the page it is on: a word of the reading taken out, filters typed into it taken out,
/// a word replaced, or a new text. Named by words rather than by positions, so applying it to the copy of the query the page's
/// form sends (<see cref="SearchLink.Follow"/>) gives what the link itself would have carried.
/// </summary>
public sealed record QueryEdit(QueryEdit.Kind Change, IReadOnlyList<string> Arguments)
{
    public enum Kind
    {
        /// <summary>Take out a word (the first argument) wherever the query spells it but inside the longer words after it.</summary>
        WithoutWord,

        /// <summary>Take out the typed filters named <c>field:value</c>.</summary>
        WithoutFilters,

        /// <summary>Replace a word (the first argument) by another (the second).</summary>
        Replace,

        /// <summary>A new query text (the argument).</summary>
        Set,
    }

    /// <summary>The name of the parameter that carries an edit in a link less its query (<see cref="SearchLink.To"/>).</summary>
    public const string Parameter = "qedit";

    /// <summary>
    /// <paramref name="word"/> (a word of the free-text reading) taken out, as free text: wherever the query spells it, but not
    /// inside another word of the reading (<paramref name="others"/>: 罚 goes from 罚款会被罚吗, 罚款 stays), and where the query
    /// spells it with an aspect particle after its first character, as the reading joined it (丢了工作 for 丢工作).
    /// </summary>
    public static QueryEdit WithoutWord(string word, IEnumerable<string>? others) =>
        new(Kind.WithoutWord, [word, .. (others ?? []).Where(o => o.Length > word.Length && Spellings(word).Any(s => o.Contains(s, StringComparison.Ordinal))).Distinct(StringComparer.Ordinal)]);

    /// <summary>The typed filters <paramref name="filters"/> (field, value as <see cref="TypedFilters.In"/> reads them) taken out.</summary>
    public static QueryEdit WithoutFilters(IEnumerable<(string Field, string Value)> filters) =>
        new(Kind.WithoutFilters, [.. filters.Select(f => f.Field + ":" + f.Value).Distinct(StringComparer.Ordinal)]);

    public static QueryEdit Replace(string word, string other) => new(Kind.Replace, [word, other]);

    public static QueryEdit Set(string? q) => new(Kind.Set, [q ?? ""]);

    /// <summary>The query text <paramref name="q"/> so changed.</summary>
    public string Apply(string? q)
    {
        var text = q ?? "";
        return Change switch
        {
            Kind.WithoutWord => RemoveWord(text, Arguments[0], Arguments.Skip(1)),
            Kind.WithoutFilters => TypedFilters.Without(text, (field, value) => Arguments.Contains(field + ":" + value, StringComparer.Ordinal)),
            Kind.Replace => text.Replace(Arguments[0], Arguments[1], StringComparison.Ordinal),
            _ => Arguments[0],
        };
    }

    /// <summary>The edit as the values of <see cref="Parameter"/>: its kind, then its arguments.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Pairs() =>
        Arguments.Prepend(Name(Change)).Select(v => new KeyValuePair<string, string?>(Parameter, v));

    /// <summary>The edit <paramref name="values"/> (of <see cref="Parameter"/>, in order) name; null when they name none.</summary>
    public static QueryEdit? Read(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var kind = Enum.GetValues<Kind>().Cast<Kind?>().FirstOrDefault(k => Name(k!.Value) == values[0]);
        var arguments = values.Skip(1).ToList();
        var fits = kind switch
        {
            Kind.WithoutWord => arguments.Count >= 1 && arguments[0].Length > 0,
            Kind.WithoutFilters => arguments.All(a => a.Contains(':', StringComparison.Ordinal)),
            Kind.Replace => arguments.Count == 2 && arguments[0].Length > 0,
            Kind.Set => arguments.Count == 1,
            _ => false,
        };
        return fits ? new QueryEdit(kind!.Value, arguments) : null;
    }

    private static string Name(Kind kind) => kind switch
    {
        Kind.WithoutWord => "word",
        Kind.WithoutFilters => "filters",
        Kind.Replace => "replace",
        _ => "set",
    };

    /// <summary>How a query may spell a word of its reading: as it is, or with an aspect particle after its first character.</summary>
    private static IEnumerable<string> Spellings(string word) =>
        word.Length < 2 ? [word] : QueryReading.AspectParticles.Select(p => word[..1] + p + word[1..]).Prepend(word);

    private static string RemoveWord(string q, string word, IEnumerable<string> others)
    {
        var spelt = q.Contains(word, StringComparison.Ordinal) ? word : Spellings(word).FirstOrDefault(s => q.Contains(s, StringComparison.Ordinal)) ?? word;
        var covered = new bool[q.Length];
        foreach (var other in others.Where(o => o.Length > spelt.Length && o.Contains(spelt, StringComparison.Ordinal)))
        {
            for (var at = q.IndexOf(other, StringComparison.Ordinal); at >= 0; at = q.IndexOf(other, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(covered, true, at, other.Length);
            }
        }

        var kept = new System.Text.StringBuilder(q.Length);
        for (var i = 0; i < q.Length;)
        {
            if (string.CompareOrdinal(q, i, spelt, 0, spelt.Length) == 0 && !covered[i])
            {
                kept.Append(' ');
                i += spelt.Length;
            }
            else
            {
                kept.Append(q[i++]);
            }
        }

        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
