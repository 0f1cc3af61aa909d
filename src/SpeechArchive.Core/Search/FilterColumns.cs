namespace SpeechArchive.Search;

/// <summary>
/// A search's filters as two small tables: the dimensions each speech fails (year, organisation, speaker: a speech's own)
/// and those each label set fails (themes, types). A passage fails what its speech and its label set fail, read from two
/// compact columns (its speech, four bytes, and its label set, two) instead of its packed row.
/// </summary>
internal sealed class FilterColumns
{
    private readonly int[] speechFailures;
    private readonly int[] labelFailures;
    private readonly Storage.Column<int> speechOf;
    private readonly ushort[] labelOf;

    private FilterColumns(int[] speechFailures, int[] labelFailures, Storage.Column<int> speechOf, ushort[] labelOf) =>
        (this.speechFailures, this.labelFailures, this.speechOf, this.labelOf) = (speechFailures, labelFailures, speechOf, labelOf);

    /// <summary>
    /// The tables of <paramref name="filters"/>, or null when a passage's year or organisation may differ from its speech's
    /// or there are too many label sets for the two-byte column.
    /// </summary>
    public static FilterColumns? Of(ResolvedFilters filters, PassageRows shape, Storage.Column<int> speechOf)
    {
        if (shape is not { SpeechYear: { } years, SpeechOrg: { } orgs, LabelColumn: { } labels })
        {
            return null;
        }

        var bySpeech = new int[years.Length];
        for (var s = 0; s < bySpeech.Length; s++)
        {
            bySpeech[s] = filters.SpeechFailures(years[s], orgs[s], s);
        }

        var byLabels = new int[shape.LabelThemes.Length];
        for (var l = 0; l < byLabels.Length; l++)
        {
            byLabels[l] = filters.LabelFailures(shape.LabelThemes[l], shape.LabelTypes[l]);
        }

        return new FilterColumns(bySpeech, byLabels, speechOf, labels);
    }

    /// <summary>The dimensions passage <paramref name="doc"/> fails, as <see cref="ResolvedFilters.Failures(in PassageRow)"/> gives them.</summary>
    public int Failures(int doc) => speechFailures[speechOf[doc]] | labelFailures[labelOf[doc]];

    /// <summary>Passage <paramref name="doc"/>'s speech.</summary>
    public int Speech(int doc) => speechOf[doc];

    /// <summary>Passage <paramref name="doc"/>'s label set.</summary>
    public int Labels(int doc) => labelOf[doc];
}
