namespace SpeechArchive.Search;

/// <summary>Filters resolved against an index: labels to bit masks, organisations to indexes. Dimensions: year, theme, type, org, speaker.</summary>
internal sealed class ResolvedFilters
{
    public const int YearDim = 0, ThemeDim = 1, TypeDim = 2, OrgDim = 3, SpeakerDim = 4;

    /// <summary>The year ranges as an array: checked per passage, where a foreach over the interface would allocate an enumerator.</summary>
    private readonly (int From, int To)[] yearRanges = [];

    public required IReadOnlyList<(int From, int To)> Years
    {
        get => yearRanges;
        init => yearRanges = [.. value];
    }
    public required uint ThemeMask { get; init; }
    public required uint TypeMask { get; init; }
    public required bool[]? Orgs { get; init; }
    public required bool[]? SpeakerSpeeches { get; init; }
    public required bool HasThemes { get; init; }
    public required bool HasTypes { get; init; }

    /// <summary>No filter at all: every passage passes.</summary>
    public bool IsEmpty => Years.Count == 0 && !HasThemes && !HasTypes && Orgs is null && SpeakerSpeeches is null;

    public static ResolvedFilters Resolve(IndexSnapshot index, QueryFilters f)
    {
        var themeMask = 0u;
        foreach (var t in f.Themes)
        {
            themeMask |= Bit(index.Themes, t, "theme", "主题");
        }

        var typeMask = 0u;
        foreach (var t in f.DirectiveTypes)
        {
            typeMask |= Bit(index.DirectiveTypes, t, "type", "指示类型");
        }

        foreach (var c in f.Categories)
        {
            KnownCategory(index, c);
        }

        // An org: or speaker: value no speech holds would pass nothing, silently: refused with the nearest values instead.
        foreach (var o in f.Organizations)
        {
            FilterValueAdvice.KnownOrganization(index, o);
        }

        foreach (var s in f.Speakers)
        {
            FilterValueAdvice.KnownSpeaker(index, s);
        }

        bool[]? orgs = null;
        if (f.Organizations.Count + f.Categories.Count > 0)
        {
            // One dimension: org: and category: values are ORed, as two values of one facet are (a speech has one or the other).
            orgs = new bool[index.Sources.Count];
            for (var i = 0; i < orgs.Length; i++)
            {
                orgs[i] = index.SourceMatches(i, f);
            }
        }

        bool[]? speakers = null;
        if (f.Speakers.Count > 0)
        {
            speakers = index.Speeches.Select(s => f.Speakers.Any(x => SourceValue.Holds(s.Speaker, x))).ToArray();
        }

        return new ResolvedFilters
        {
            Years = f.Years,
            ThemeMask = themeMask,
            TypeMask = typeMask,
            Orgs = orgs,
            SpeakerSpeeches = speakers,
            HasThemes = f.Themes.Count > 0,
            HasTypes = f.DirectiveTypes.Count > 0,
        };
    }

    private static uint Bit(IReadOnlyList<LabelInfo> labels, string value, string field, string chinese)
    {
        for (var i = 0; i < labels.Count && i < 32; i++)
        {
            if (string.Equals(labels[i].Id, value, StringComparison.OrdinalIgnoreCase) || labels[i].Label == value)
            {
                return 1u << i;
            }
        }

        var known = string.Join("、", labels.Select(l => $"{l.Id}（{l.Label}）"));
        throw new QuerySyntaxException($"未知的{chinese}“{value}”，可选：{known}。(unknown {field} '{value}')");
    }

    /// <summary>A category: value must name one of the archive's categories (by label or id, exactly), as a theme or type must.</summary>
    private static void KnownCategory(IndexSnapshot index, string value)
    {
        if (index.CategoryLabel(value) is not null)
        {
            return;
        }

        var known = index.Categories;
        throw new QuerySyntaxException(known.Count == 0
            ? $"未知的类别“{value}”：本库的讲话都没有类别。(unknown category '{value}': the archive has none)"
            : $"未知的类别“{value}”，可选：{string.Join("、", known)}（类别名或其编号，须完全一致）。(unknown category '{value}')");
    }

    /// <summary>Bit mask of the dimensions whose filter passage <paramref name="doc"/> fails.</summary>
    public int Failures(IndexSnapshot index, int doc) =>
        Failures(index.PassageYear[doc], index.PassageThemes[doc], index.PassageTypes[doc], index.PassageOrg[doc], index.PassageSpeech[doc]);

    /// <summary>Bit mask of the dimensions whose filter a passage fails, from its packed row.</summary>
    public int Failures(in PassageRow row) => Failures(row.Year, row.Themes, row.Types, row.Org, row.Speech);

    private int Failures(int y, uint themes, uint types, int org, int speech) => SpeechFailures(y, org, speech) | LabelFailures(themes, types);

    /// <summary>Bit mask of the dimensions a speech's own values fail: its year, organisation and speaker.</summary>
    public int SpeechFailures(int y, int org, int speech)
    {
        var fails = 0;
        if (yearRanges.Length > 0)
        {
            var ok = false;
            foreach (var (from, to) in yearRanges)
            {
                if (y >= from && y <= to)
                {
                    ok = true;
                    break;
                }
            }

            if (!ok)
            {
                fails |= 1 << YearDim;
            }
        }

        if (Orgs is not null && (org < 0 || !Orgs[org]))
        {
            fails |= 1 << OrgDim;
        }

        if (SpeakerSpeeches is not null && !SpeakerSpeeches[speech])
        {
            fails |= 1 << SpeakerDim;
        }

        return fails;
    }

    /// <summary>Bit mask of the dimensions a passage's labels fail: its themes and directive types.</summary>
    public int LabelFailures(uint themes, uint types)
    {
        var fails = 0;
        if (HasThemes && (themes & ThemeMask) == 0)
        {
            fails |= 1 << ThemeDim;
        }

        if (HasTypes && (types & TypeMask) == 0)
        {
            fails |= 1 << TypeDim;
        }

        return fails;
    }
}
