namespace SpeechArchive.Search;

/// <summary>
/// The error for an <c>org:</c> or <c>speaker:</c> value that no speech's organisation or speaker contains (a filter that
/// would pass nothing), naming the filter and the value and proposing a few of the archive's values nearest it; and the
/// note beside a search such a filter passes, of the speeches that record none (<see cref="Notes"/>).
/// </summary>
internal static class FilterValueAdvice
{
    /// <summary>How many values an error proposes at most.</summary>
    public const int MaxProposals = 3;

    /// <summary>Throws unless some speech's organisation contains <paramref name="value"/>, as <c>org:</c> matches.</summary>
    public static void KnownOrganization(IndexSnapshot index, string value)
    {
        if (index.Sources.Any(s => s.HoldsOrganization(value)))
        {
            return;
        }

        var category = index.CategoryLabel(value) is not null ? $"“{value}”是类别，请用 category:{value}（网址参数 category={value}）。" : null;
        throw Unknown("单位", "org", value, Held(index, s => s.Organization), category, Unrecorded(index, s => s.Organization));
    }

    /// <summary>Throws unless some speech's speaker contains <paramref name="value"/>, as <c>speaker:</c> matches.</summary>
    public static void KnownSpeaker(IndexSnapshot index, string value)
    {
        if (index.Speeches.Any(s => SourceValue.Holds(s.Speaker, value)))
        {
            return;
        }

        throw Unknown("讲话人", "speaker", value, Held(index, s => s.Speaker), category: null, Unrecorded(index, s => s.Speaker));
    }

    /// <summary>
    /// For a search filtered by speaker or organisation, how many speeches record none, which the filter cannot pass: most of
    /// the shared sets' speeches record no speaker, and an analyst reading speaker:习近平's 4 speeches as all of them would be
    /// misled (a user trial).
    /// </summary>
    public static IReadOnlyList<string> Notes(IndexSnapshot index, QueryFilters filters)
    {
        var notes = new List<string>();
        if (filters.Speakers.Count > 0)
        {
            Add("讲话人", "speaker", Unrecorded(index, s => s.Speaker));
        }

        if (filters.Organizations.Count > 0)
        {
            Add("单位", "org", Unrecorded(index, s => s.Organization));
        }

        return notes;

        void Add(string chinese, string field, (int Speeches, int Unrecorded) recorded)
        {
            if (recorded.Unrecorded > 0)
            {
                notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"按{chinese}筛选只及记录了{chinese}的讲话：本库 {recorded.Speeches:N0} 篇讲话中有 {recorded.Unrecorded:N0} 篇没有记录{chinese}，不在其中。"
                    + $"({field}: {recorded.Unrecorded:N0} of the {recorded.Speeches:N0} speeches record no {field} and cannot pass)"));
            }
        }
    }

    /// <summary>A field's values over the speeches that have passages: a proposal always finds something.</summary>
    private static List<string> Held(IndexSnapshot index, Func<SpeechInfo, string?> field) =>
        index.Speeches.Where(s => s.Passages.Count > 0).Select(field).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>How many of the speeches with passages have the field, and how many have it not recorded.</summary>
    private static (int Speeches, int Unrecorded) Unrecorded(IndexSnapshot index, Func<SpeechInfo, string?> field)
    {
        var (speeches, unrecorded) = (0, 0);
        foreach (var s in index.Speeches.Where(s => s.Passages.Count > 0))
        {
            speeches++;
            unrecorded += string.IsNullOrWhiteSpace(field(s)) ? 1 : 0;
        }

        return (speeches, unrecorded);
    }

    /// <summary>
    /// The values nearest <paramref name="value"/>: those it contains first (typed longer than held), then those sharing most
    /// of its characters (at least half of them), fewer extra characters first; at most <see cref="MaxProposals"/>.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string value, IEnumerable<string> known)
    {
        var typed = value.ToLowerInvariant();
        var characters = typed.Where(c => !char.IsWhiteSpace(c)).ToHashSet();
        if (characters.Count == 0)
        {
            return [];
        }

        return known.Distinct(StringComparer.Ordinal)
            .Select(k =>
            {
                var held = k.ToLowerInvariant();
                return (Value: k, Contained: typed.Contains(held, StringComparison.Ordinal), Shared: held.Distinct().Count(characters.Contains), Extra: held.Length);
            })
            .Where(x => x.Contained || x.Shared * 2 >= characters.Count)
            .OrderByDescending(x => x.Contained)
            .ThenByDescending(x => x.Shared)
            .ThenBy(x => x.Extra)
            .ThenBy(x => x.Value, StringComparer.Ordinal)
            .Take(MaxProposals)
            .Select(x => x.Value)
            .ToList();
    }

    private static QuerySyntaxException Unknown(string chinese, string field, string value, IReadOnlyList<string> known, string? category, (int Speeches, int Unrecorded) recorded)
    {
        var head = $"未知的{chinese} {field}:“{value}”：";
        if (category is not null)
        {
            return new QuerySyntaxException($"{head}本库没有{chinese}包含它，{category}(unknown {field} '{value}': it is a category)");
        }

        if (known.Count == 0)
        {
            return new QuerySyntaxException($"{head}本库的讲话都没有{chinese}。(unknown {field} '{value}': the archive has none)");
        }

        // Most speeches of the shared sets record no speaker: an analyst reading 没有 as "never said by" would be misled.
        var (note, gloss) = recorded.Unrecorded == 0 ? ("", "")
            : ($"（本库 {recorded.Speeches} 篇讲话中有 {recorded.Unrecorded} 篇没有记录{chinese}，按{chinese}筛选不到它们）",
                $"; {recorded.Unrecorded} of the {recorded.Speeches} speeches record no {field}");
        var nearest = Nearest(value, known);
        return new QuerySyntaxException(nearest.Count == 0
            ? $"{head}本库没有{chinese}包含它，也没有相近的{note}。(unknown {field} '{value}'{gloss})"
            : $"{head}本库没有{chinese}包含它{note}。相近的有：{string.Join("、", nearest)}。(unknown {field} '{value}'{gloss})");
    }
}
