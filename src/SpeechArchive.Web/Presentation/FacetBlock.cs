using SpeechArchive.Search;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// One facet of the sidebar: its Chinese title, URL parameter, values with counts, and how many to show before "更多";
/// <paramref name="Unknown"/> passages it counted have no value of it (无年份), said under the values so the counts add up.
/// </summary>
internal sealed record FacetBlock(string Title, string Param, IReadOnlyList<FacetValue> Values, SearchLinks Links, int Shown, int Unknown = 0);
