namespace SpeechArchive.Search;

/// <summary>One value of the per-speech source dimension: an organisation and a category's label (either may be absent), with the category ids that carry that label.</summary>
internal sealed record SourceValue(string? Organization, string? Category, IReadOnlyList<string> CategoryIds)
{
    /// <summary>Whether its organisation contains a typed <c>org:</c> value.</summary>
    public bool OrganizationSelected(QueryFilters f) => f.Organizations.Any(HoldsOrganization);

    /// <summary>Whether its organisation contains <paramref name="value"/>, as <c>org:</c> matches (case aside).</summary>
    public bool HoldsOrganization(string value) => Holds(Organization, value);

    /// <summary>How <c>org:</c> and <c>speaker:</c> match a speech's field: the field contains the typed value, case aside.</summary>
    public static bool Holds(string? field, string value) => field is not null && field.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether its category's label or id equals a <c>category:</c> value.</summary>
    public bool CategorySelected(QueryFilters f) => f.Categories.Any(c => IsCategory(c.Trim()));

    /// <summary>Whether <paramref name="labelOrId"/> names its category, by label or id.</summary>
    public bool IsCategory(string labelOrId) => Category is { } label
        && (string.Equals(label, labelOrId, StringComparison.OrdinalIgnoreCase) || CategoryIds.Any(id => string.Equals(id, labelOrId, StringComparison.OrdinalIgnoreCase)));
}
