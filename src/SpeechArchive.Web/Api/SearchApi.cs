using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Api;

/// <summary>The public JSON API: <c>/api/search</c>, <c>/api/facets</c>, <c>/api/speeches/{id}</c>.</summary>
internal static class SearchApi
{
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("search").AnswerBadQueries();
        api.MapGet("/search", Search).WithName("Search").WithSummary("Search passages: q, theme, year, type, org, speaker, sort, page/offset, limit, group.");
        api.MapGet("/facets", Facets).WithName("Facets").WithSummary("Facet counts (drill-sideways) for q and the filters.");
        api.MapGet("/speeches/{id}", Speech).WithName("Speech").WithSummary("One speech: metadata, outline, labels, passages.");
        return app;
    }

    public static Results<Ok<SearchResult>, BadRequest<ProblemDetails>> Search([AsParameters] SearchQuery query, ArchiveHost archive) =>
        TypedResults.Ok(archive.Searcher.Search(query.ToRequest(defaultLimit: 10, MaxLimit)));

    public static Results<Ok<SearchFacets>, BadRequest<ProblemDetails>> Facets([AsParameters] SearchQuery query, ArchiveHost archive)
    {
        var request = query.ToRequest(defaultLimit: 0, MaxLimit) with { Limit = 0, Offset = 0 };
        return TypedResults.Ok(archive.Searcher.Search(request).Facets);
    }

    public static Results<Ok<SpeechView>, NotFound<ProblemDetails>> Speech(string id, ArchiveHost archive)
    {
        var view = SpeechView.Create(archive.Snapshot, id);
        return view is null
            ? TypedResults.NotFound(Problems.NotFound($"没有编号为“{id}”的讲话。(no speech with id '{id}')"))
            : TypedResults.Ok(view);
    }
}
