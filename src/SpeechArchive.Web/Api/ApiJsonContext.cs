using System.Text.Json;
using System.Text.Json.Serialization;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Api;

/// <summary>
/// Source-generated JSON metadata for the read API's answers (camelCase, nulls kept: the conventions of
/// <see cref="JsonDefaults"/>, whose encoder the host options add), so serialising them needs no reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchResult))]
[JsonSerializable(typeof(SearchFacets))]
[JsonSerializable(typeof(SpeechView))]
[JsonSerializable(typeof(ConcordanceResult))]
[JsonSerializable(typeof(SimilarResult))]
[JsonSerializable(typeof(VariantResult))]
[JsonSerializable(typeof(RelatedTermsResult))]
[JsonSerializable(typeof(NeighboursResult))]
[JsonSerializable(typeof(CompletionResult))]
[JsonSerializable(typeof(TrendResult))]
[JsonSerializable(typeof(ThemeTrendResult))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
