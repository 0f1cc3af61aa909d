namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A numbered pager (<c>_Pager</c>): page <paramref name="Current"/> of <paramref name="Count"/>, each page's link made by
/// <paramref name="Link"/>, the numbers shown as <see cref="PagerPages"/> chooses them. On the search page
/// (<paramref name="Form"/>: the id of its form, which carries the query once) the links are buttons of that form; elsewhere
/// links, as on the concordance page.
/// </summary>
internal sealed record Pager(int Current, int Count, Func<int, SearchLink> Link, string? Form = null)
{
    /// <summary>The numbers to show, <see cref="PagerPages.Gap"/> for each ellipsis.</summary>
    public IReadOnlyList<int> Pages => PagerPages.For(Current, Count);
}
