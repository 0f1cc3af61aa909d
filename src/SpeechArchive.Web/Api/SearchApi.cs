using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;
using SpeechArchive.Web.Api.Parameters;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Api;

/// <summary>The public JSON API: <c>/api/search</c>, <c>/api/facets</c>, <c>/api/speeches/{id}</c>.</summary>
internal static class SearchApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("search").AnswerBadQueries().AnswerProblemsAsProblemJson().Public();
        api.MapGet("/search", Search).WithName("Search")
            .WithSummary("检索段落")
            .WithDescription("与检索页相同的检索，返回与命令行 search --json 相同的 JSON：命中段落（match 为 exact、expanded 或 near，近似结果带 similarity）、" +
                "总数、分面计数、同义扩展（expansions）和近似结果数（nearTotal）；没有结果时附建议（advice：使结果为空的排除词或筛选条件 emptiedBy 及去掉它后的结果数，单独一个词、更短的词语、去掉引号），每条建议都经检索确认有结果。")
            .Reads([.. SearchParameters.All(DefaultLimit, MaxLimit), Format]);
        api.MapGet("/facets", Facets).WithName("Facets")
            .WithSummary("分面计数")
            .WithDescription("检索式与过滤条件下各主题、指示类型、年份、单位、类别的段落数（drill-sideways：每个分面的计数不受它自己的选择限制）。" +
                "参数同 /api/search；分页与排序参数照常校验，但不影响计数。")
            .Reads(SearchParameters.All(0, MaxLimit));
        api.MapGet("/speeches/{id}", Speech).WithName("Speech")
            .WithSummary("一篇讲话")
            .WithDescription("讲话的元数据（附来源）、提纲、主题与指示类型标签、全部段落。讲话不存在时 404。");
        return app;
    }

    /// <summary>The most hits one CSV export holds (and its page size when <c>limit</c> is not given).</summary>
    public const int ExportLimit = 1000;

    /// <summary>How many CSV files of <see cref="ExportLimit"/> hits the search page links (the first ten thousand hits).</summary>
    public const int ExportFilesShown = 10;

    private static readonly CsvFormatParameter Format = new(
        $"csv：以 CSV 文件（UTF-8，带 BOM）导出这一检索的命中，每条一行：名次、命中方式、日期、题目、单位、讲话人、类别、章节、全文、主题、指示类型、引文、段落编号、同文另见的段落编号；" +
        $"此时 limit 默认且至多 {ExportLimit}（从 offset 或 page 起）。json：JSON（默认）。");

    public static Results<Ok<SearchResult>, FileContentHttpResult, BadRequest<ProblemDetails>> Search(HttpRequest request, ArchiveHost archive)
    {
        var query = SearchQuery.From(request.Query);
        if (!Format.Read(request.Query))
        {
            return TypedResults.Ok(archive.Searcher.Search(query.ToRequest(DefaultLimit, MaxLimit) with { Advise = true }));
        }

        var searcher = archive.Searcher;
        var result = searcher.Search(query.ToRequest(ExportLimit, ExportLimit));
        return WritingApi.CsvFile(Writing.SearchCsv.Write(searcher.Index, result), ExportNames.Search(query.Q, result.Offset, result.Hits.Count));
    }

    public static Results<Ok<SearchFacets>, BadRequest<ProblemDetails>> Facets(HttpRequest http, ArchiveHost archive)
    {
        var request = SearchQuery.From(http.Query).ToRequest(defaultLimit: 0, MaxLimit) with { Limit = 0, Offset = 0 };
        return TypedResults.Ok(archive.Searcher.Search(request).Facets);
    }

    public static Results<Ok<SpeechView>, NotFound<ProblemDetails>> Speech([Description("讲话编号，即检索结果中的 speechId（如 2022-lianzheng-huiyi）。")] string id, ArchiveHost archive)
    {
        var view = SpeechView.Create(archive.Snapshot, id);
        return view is null
            ? TypedResults.NotFound(Problems.NotFound($"没有编号为“{id}”的讲话。(no speech with id '{id}')"))
            : TypedResults.Ok(view);
    }
}
