namespace SpeechArchive.Search;

/// <summary>One value of the per-speech source dimension: an organisation and a category's label (either may be absent), with the category ids that carry that label.</summary>
internal sealed record SourceValue(string? Organization, string? Category, IReadOnlyList<string> CategoryIds)
{
    /// <summary>Whether its organisation contains a typed <c>org:</c> value.</summary>
    public bool OrganizationSelected(QueryFilters f) => Organization is { } org && f.Organizations.Any(o => org.Contains(o, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether its category's label or id equals a <c>category:</c> value.</summary>
    public bool CategorySelected(QueryFilters f) => f.Categories.Any(c => IsCategory(c.Trim()));

    /// <summary>Whether <paramref name="labelOrId"/> names its category, by label or id.</summary>
    public bool IsCategory(string labelOrId) => Category is { } label
        && (string.Equals(label, labelOrId, StringComparison.OrdinalIgnoreCase) || CategoryIds.Any(id => string.Equals(id, labelOrId, StringComparison.OrdinalIgnoreCase)));
}
