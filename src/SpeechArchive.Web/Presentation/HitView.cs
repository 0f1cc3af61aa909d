using SpeechArchive.Search;
using SpeechArchive.Web.Api;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Presentation;

/// <summary>A hit as the result list shows it, with the link into the reader and the Chinese labels of its badges.</summary>
internal sealed record HitView(SearchHit Hit, int? PassageOrdinal, SearchQuery Search, IndexSnapshot Snapshot, string? Back = null)
{
    public string? Query => Search.Q;

    public string ReaderUrl => SearchLinks.Reader(Hit.SpeechId, Query, PassageOrdinal, Search, Back);

    /// <summary>The reader at the speech's start, its hits marked (本篇 n 段命中).</summary>
    public string SpeechUrl => SearchLinks.Reader(Hit.SpeechId, Query, readAs: Search, back: Back);

    public string? DateText => PassageSource.DateText(Hit.Date, Hit.Year);

    public IEnumerable<string> ThemeLabels => Hit.Themes.Select(Snapshot.LabelOfTheme);

    public IEnumerable<string> TypeLabels => Hit.DirectiveTypes.Select(Snapshot.LabelOfDirectiveType);

    /// <summary>The passages printing the hit's text elsewhere (folded under it), each with the link to its place in the reader.</summary>
    public IEnumerable<(string Title, string? DateText, string Url)> Reprints => Hit.Reprints.Select(r =>
        (r.Title, PassageSource.DateText(r.Date, r.Year),
            SearchLinks.Reader(r.SpeechId, Query, Snapshot.FindPassage(r.PassageId) is int d ? Snapshot.Passages[d].Ordinal : null, Search, Back)));
}
