using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechArchive.Search;
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

    public static IEndpointRouteBuilder MapWritingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("writing").AnswerBadQueries();
        api.MapGet("/concordance", Concordance).WithName("Concordance")
            .WithSummary("Every occurrence of q with left and right context: sort (date, date-desc, left, right), context, offset, limit, filters; format=csv.");
        api.MapGet("/variants", Variants).WithName("Variants").WithSummary("Variants of the formulation q, grouped, with counts and first and last use; min (0–1), filters.");
        api.MapGet("/passages/{id}/similar", Similar).WithName("SimilarPassages").WithSummary("The passages of other speeches most like passage id, with the strings they share; limit.");
        api.MapPost("/draft-check", DraftCheck).WithName("DraftCheck")
            .WithSummary($"Check a draft (JSON {{\"text\": …}}, up to {DraftCheckRequest.MaxCharacters} characters): each sentence's closest precedents and verbatim runs of 8+ characters.")
            .DisableAntiforgery(); // JSON body, no cookie: nothing for a cross-site form to ride on
        api.MapGet("/related-terms", Related).WithName("RelatedTerms").WithSummary("Terms occurring with q far more than chance (JLH significant terms); limit, filters.");
        api.MapGet("/neighbours", NeighbourWords).WithName("Neighbours")
            .WithSummary("The words nearest q by meaning, as ranking by meaning reads it (each word's source: its vector, the passages holding it, or its characters); limit.");
        api.MapGet("/trends", Trends).WithName("Trends").WithSummary("Occurrences per 10,000 characters by year for each q (repeat q to compare); filters; format=csv.");
        api.MapGet("/trends/themes", ThemeTrends).WithName("ThemeTrends").WithSummary("Each theme's share of the passages of each year; filters; format=csv.");
        return app;
    }

    public static Results<Ok<ConcordanceResult>, FileContentHttpResult, BadRequest<ProblemDetails>> Concordance(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var csv = p.WantsCsv;
        var result = ConcordanceBuilder.Build(archive.Snapshot, new ConcordanceRequest
        {
            Phrase = p.Q,
            Filters = p.Filters,
            Sort = p.ConcordanceSort,
            Context = p.Number("context", 30, 0, ConcordanceBuilder.MaxContext),
            Offset = p.Number("offset", 0, 0, 10_000_000),
            Limit = csv ? p.Number("limit", 0, 0, int.MaxValue) : p.Number("limit", 100, 0, MaxConcordanceLimit),
        });
        return csv ? CsvFile(ConcordanceCsv.Write(result.Lines), "concordance.csv") : TypedResults.Ok(result);
    }

    public static Results<Ok<VariantResult>, BadRequest<ProblemDetails>> Variants(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        return TypedResults.Ok(VariantFinder.Find(archive.Snapshot, new VariantRequest { Formulation = p.Q, Filters = p.Filters, MinSimilarity = p.Share("min", 0.6) }));
    }

    public static Results<Ok<SimilarResult>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>> Similar(string id, HttpRequest request, ArchiveHost archive)
    {
        var limit = new WritingParameters(request.Query).Number("limit", 10, 1, 100);
        var result = SimilarPassages.Find(archive.Snapshot, id, limit);
        return result is null
            ? TypedResults.NotFound(Problems.NotFound($"没有编号为“{id}”的段落。(no passage with id '{id}')"))
            : TypedResults.Ok(result);
    }

    /// <summary>The body of <c>POST /api/draft-check</c>.</summary>
    public sealed record DraftCheckBody(string? Text, int? Precedents);

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
            PrecedentsPerSentence = Math.Clamp(body.Precedents ?? 3, 1, 10),
        }));
    }

    public static Results<Ok<RelatedTermsResult>, BadRequest<ProblemDetails>> Related(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        return TypedResults.Ok(RelatedTerms.Find(archive.Snapshot, p.Q, p.Filters, p.Number("limit", 20, 1, 100)));
    }

    public static Results<Ok<NeighboursResult>, BadRequest<ProblemDetails>> NeighbourWords(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        return TypedResults.Ok(Neighbours.Find(archive.Snapshot, p.Q, p.Number("limit", 20, 1, Neighbours.MaxLimit)));
    }

    public static Results<Ok<TrendResult>, FileContentHttpResult, BadRequest<ProblemDetails>> Trends(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var trend = TrendBuilder.Phrases(archive.Snapshot, new TrendRequest { Phrases = p.Phrases, Filters = p.Filters });
        return p.WantsCsv ? CsvFile(TrendBuilder.Csv(trend), "trends.csv") : TypedResults.Ok(trend);
    }

    public static Results<Ok<ThemeTrendResult>, FileContentHttpResult, BadRequest<ProblemDetails>> ThemeTrends(HttpRequest request, ArchiveHost archive)
    {
        var p = new WritingParameters(request.Query);
        var trend = TrendBuilder.Themes(archive.Snapshot, p.Filters);
        return p.WantsCsv ? CsvFile(TrendBuilder.Csv(trend), "theme-trends.csv") : TypedResults.Ok(trend);
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
