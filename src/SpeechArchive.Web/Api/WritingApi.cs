using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SpeechArchive.Search;
using SpeechArchive.Web.Api.Parameters;
using SpeechArchive.Web.Hosting;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Api;

/// <summary>
/// The writers' and analysts' JSON API: concordance, formulation variants, similar passages, draft check, related terms
/// and trends. Filters are the search page's parameters (theme, year, type, org, speaker); <c>format=csv</c> where noted.
/// </summary>
internal static class WritingApi
{
    public const int MaxConcordanceLimit = 5000;

    /// <summary>
    /// The most precedents a draft check lists for each sentence (the page lists the default, 3): a draft of 10,000 characters
    /// has hundreds of sentences, each precedent a passage in the answer. Beyond it a 400, as any number out of range is;
    /// before, 1000 was taken and read as 10 without a word.
    /// </summary>
    public const int MaxPrecedents = 10;

    private static readonly DraftCheckRequest DraftDefaults = new() { Text = "" };

    private static readonly IntegerParameter ConcordanceContext = new("context", "命中两侧各取多少字。", 30, 0, ConcordanceBuilder.MaxContext);
    private static readonly IntegerParameter ConcordanceOffset = new("offset", "跳过前多少行。", 0, 0, 10_000_000);
    private static readonly IntegerParameter ConcordanceLimit = new("limit", "每页行数，0 为全部；format=csv 时不设上限，默认全部。", 100, 0, MaxConcordanceLimit);
    private static readonly IntegerParameter AllLines = new("limit", "", 0, 0, int.MaxValue); // format=csv: ConcordanceLimit's description says so
    private static readonly IntegerParameter SimilarLimit = new("limit", "列出多少段。", 10, 1, 100);
    private static readonly IntegerParameter RelatedLimit = new("limit", "列出多少个词。", 20, 1, 100);
    private static readonly IntegerParameter CompletionLimit = new("limit", "列出多少个补全。", 8, 1, Completions.MaxLimit);
    private static readonly IntegerParameter NeighbourLimit = new("limit", "列出多少个意思相近的词。", 20, 1, Neighbours.MaxLimit);

    public static IEndpointRouteBuilder MapWritingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("writing").AnswerBadQueries().AnswerProblemsAsProblemJson().Public();
        var filters = SearchParameters.Filters;
        api.MapGet("/concordance", Concordance).WithName("Concordance")
            .WithSummary("用例：短语的每一处出现及其左右语境")
            .WithDescription("列出短语的每一处出现，一行一处，左右语境对齐在命中处；附按年份的次数和重复讲话的标记。total 是全部行数（与 offset、limit 无关），lines 是从 offset 起的至多 limit 行，据此分页；offset 不小于 total 时 lines 为空。format=csv 时返回全部行（或 limit 行）的 CSV，带引文列。")
            .Reads([WritingParameters.Phrase, .. filters, WritingParameters.ConcordanceOrder, ConcordanceContext, ConcordanceOffset, ConcordanceLimit, WritingParameters.Format]);
        api.MapGet("/variants", Variants).WithName("Variants")
            .WithSummary("提法变体：一个提法的各种说法")
            .WithDescription("一个提法在语料中的各种说法，按说法归组，附次数、首见与最近一次使用及出处；原样的说法排在最前，其余按相似度（到百分位）由近及远，同样相近的含提法字数多的在前，再按次数。")
            .Reads([WritingParameters.Formulation, .. filters, WritingParameters.MinSimilarity]);
        api.MapGet("/passages/{id}/similar", Similar).WithName("SimilarPassages")
            .WithSummary("相似段落：其他讲话中与一段最相近的段落")
            .WithDescription("按字词与词向量找出其他讲话中与段落 id（如 2022-lianzheng-huiyi:3）最相近的段落，附共有的字串。段落不存在时 404。")
            .Reads(SimilarLimit);
        api.MapPost("/draft-check", DraftCheck).WithName("DraftCheck")
            .WithSummary("草稿比对：逐句找先例")
            .WithDescription($"请求体为 JSON：text 为草稿（至多 {DraftCheckRequest.MaxCharacters} 个字符），precedents 为每句列出的先例数（默认 {DraftDefaults.PrecedentsPerSentence}，1–{MaxPrecedents}，超出时 400）。" +
                "返回每句最接近的先例（相似度、出处）和与先例字字相同的 8 字以上片段。过滤条件写在查询串中。")
            .Reads(filters)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(DescribeDraftBody)
            .DisableAntiforgery(); // JSON body, no cookie: nothing for a cross-site form to ride on
        api.MapGet("/related-terms", Related).WithName("RelatedTerms")
            .WithSummary("相关词：与检索式显著共现的词")
            .WithDescription("与检索式一同出现远多于偶然的词（JLH 显著词），以及按词向量与它意思最近的词。")
            .Reads([WritingParameters.Terms, .. filters, RelatedLimit]);
        api.MapGet("/neighbours", NeighbourWords).WithName("Neighbours")
            .WithSummary("近义词：按意思排序时怎样读一个词")
            .WithDescription("按意思排序时怎样读 q 的每个词（词向量、含它的段落或它的字）以及与这一读法最近的词。")
            .Reads(WritingParameters.Word, NeighbourLimit);
        api.MapGet("/complete", Complete).WithName("Completions")
            .WithSummary("补全：输入框里最后一个词在语料中怎样接下去")
            .WithDescription($"读含 q 最后一个词的段落（超过 {Completions.MaxSampled} 段时均匀抽取，次数按比例估计，approximate 为 true），列出它所在的词（全面从严 → 全面从严治党）和以它开头、到标点为止的分句（全面从严治党 → 全面从严治党永远在路上；至少两段这样说），按段落数从多到少。query 是整条输入换上补全后的文字。")
            .Reads([WritingParameters.Typed, .. filters, CompletionLimit]);
        api.MapGet("/trends", Trends).WithName("Trends")
            .WithSummary("趋势：短语每万字出现次数的逐年变化")
            .WithDescription("每个短语逐年每万字的出现次数；重复 q 比较几个短语。format=csv 时返回 CSV。")
            .Reads([WritingParameters.TrendPhrases, .. filters, WritingParameters.Format]);
        api.MapGet("/trends/themes", ThemeTrends).WithName("ThemeTrends")
            .WithSummary("主题趋势：各主题逐年所占的段落比例")
            .WithDescription("每个主题在每年段落中所占的比例。format=csv 时返回 CSV。")
            .Reads([.. filters, WritingParameters.Format]);
        return app;
    }

    public static Results<Ok<ConcordanceResult>, FileContentHttpResult, BadRequest<ProblemDetails>> Concordance(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var csv = p.WantsCsv;
        var result = ConcordanceBuilder.Build(archive.Snapshot, new ConcordanceRequest
        {
            Phrase = p.Read(WritingParameters.Phrase),
            Filters = p.Filters,
            Sort = p.Read(WritingParameters.ConcordanceOrder),
            Context = p.Read(ConcordanceContext),
            Offset = p.Read(ConcordanceOffset),
            Limit = p.Read(csv ? AllLines : ConcordanceLimit),
        });
        return csv ? CsvFile(ConcordanceCsv.Write(result.Lines), ExportNames.Concordance(result.Phrase)) : TypedResults.Ok(result);
    }

    public static Results<Ok<VariantResult>, BadRequest<ProblemDetails>> Variants(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        return TypedResults.Ok(VariantFinder.Find(archive.Snapshot, new VariantRequest { Formulation = p.Read(WritingParameters.Formulation), Filters = p.Filters, MinSimilarity = p.Read(WritingParameters.MinSimilarity) }));
    }

    public static Results<Ok<SimilarResult>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>> Similar([Description("段落编号，即检索结果中的 passageId（讲话编号:段序号，如 2022-lianzheng-huiyi:3）。")] string id, HttpRequest request, ArchiveHost archive)
    {
        var result = SimilarPassages.Find(archive.Snapshot, id, SimilarLimit.Read(request.Query));
        return result is null
            ? TypedResults.NotFound(Problems.NotFound($"没有编号为“{id}”的段落。(no passage with id '{id}')"))
            : TypedResults.Ok(result);
    }

    public static Results<Ok<CompletionResult>, BadRequest<ProblemDetails>> Complete(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var typed = p.Read(WritingParameters.Typed);
        return typed.Length == 0 ? throw new QuerySyntaxException("请在 q 中给出输入框里已经输入的文字。(give the text typed so far as q)")
            : TypedResults.Ok(Completions.Complete(archive.Snapshot, typed, p.Filters, CompletionLimit.Read(request.Query)));
    }

    /// <summary>The body of <c>POST /api/draft-check</c>; the bounds are the ones <see cref="DraftChecker"/> enforces, stated for the OpenAPI document.</summary>
    public sealed record DraftCheckBody(
        [property: Description("草稿全文。"), MaxLength(DraftCheckRequest.MaxCharacters)] string Text,
        [property: Description("每句列出的先例数，1–10；超出时 400。"), DefaultValue(3), Range(1, MaxPrecedents)] int? Precedents = null,
        [property: Description("true 按 Markdown 读（去掉文首元数据和标记，与索引读 .md 文件相同），false 照原样读；不给出时，像 Markdown 的（文首元数据、# 标题、链接；** 和 - 开头的行不算：** 是文本里遮盖姓名的记号）按 Markdown 读，读不出时照原样读。按 Markdown 读时，结果的 markdownText 是比对的正文，各句的位置指向它。")] bool? Markdown = null);

    /// <summary>The body is required (a missing one is a 400 of <see cref="DraftCheck"/>'s own, so the parameter stays nullable).</summary>
    private static Task DescribeDraftBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Required = true;
            foreach (var media in body.Content?.Values ?? [])
            {
                if (media.Schema is OpenApiSchema { OneOf: { } alternatives } && alternatives.OfType<OpenApiSchemaReference>().FirstOrDefault() is { } draft)
                {
                    media.Schema = draft;
                }
            }
        }

        return Task.CompletedTask;
    }

    public static Results<Ok<DraftCheckResult>, BadRequest<ProblemDetails>> DraftCheck(DraftCheckBody? body, HttpRequest request, ArchiveHost archive)
    {
        if (body?.Text is not { } text || string.IsNullOrWhiteSpace(text))
        {
            throw new QuerySyntaxException("请在 text 中提供草稿。(give the draft as {\"text\": \"…\"})");
        }

        return TypedResults.Ok(DraftChecker.Check(archive.Snapshot, new DraftCheckRequest
        {
            Text = text,
            Filters = new WritingParameters(request.Query).Filters,
            PrecedentsPerSentence = IntegerParameter.Parse(body.Precedents?.ToString(CultureInfo.InvariantCulture), "precedents", DraftDefaults.PrecedentsPerSentence, 1, MaxPrecedents),
            Markdown = body.Markdown,
        }));
    }

    public static Results<Ok<RelatedTermsResult>, BadRequest<ProblemDetails>> Related(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var searcher = archive.Searcher;
        return TypedResults.Ok(RelatedTerms.Find(searcher.Index, p.Read(WritingParameters.Terms), p.Filters, p.Read(RelatedLimit), searcher));
    }

    public static Results<Ok<NeighboursResult>, BadRequest<ProblemDetails>> NeighbourWords(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        return TypedResults.Ok(Neighbours.Find(archive.Snapshot, p.Read(WritingParameters.Word), p.Read(NeighbourLimit)));
    }

    public static Results<Ok<TrendResult>, FileContentHttpResult, BadRequest<ProblemDetails>> Trends(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var trend = TrendBuilder.Phrases(archive.Snapshot, new TrendRequest { Phrases = p.Phrases, Filters = p.Filters });
        return p.WantsCsv ? CsvFile(TrendBuilder.Csv(trend), ExportNames.Trends(p.Phrases)) : TypedResults.Ok(trend);
    }

    public static Results<Ok<ThemeTrendResult>, FileContentHttpResult, BadRequest<ProblemDetails>> ThemeTrends(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var trend = TrendBuilder.Themes(archive.Snapshot, p.Filters);
        return p.WantsCsv ? CsvFile(TrendBuilder.Csv(trend), ExportNames.ThemeTrends) : TypedResults.Ok(trend);
    }

    /// <summary>UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right.</summary>
    public static FileContentHttpResult CsvFile(string csv, string name)
    {
        var bom = Encoding.UTF8.Preamble;
        var bytes = new byte[bom.Length + Encoding.UTF8.GetByteCount(csv)];
        bom.CopyTo(bytes);
        Encoding.UTF8.GetBytes(csv, bytes.AsSpan(bom.Length));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", name);
    }
}
