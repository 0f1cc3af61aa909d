using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace SpeechArchive.Web.Api;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>, drawn for people at <c>/api/docs</c>): what the framework infers from the
/// endpoints, and here the title, the tags, the security schemes and Chinese descriptions of the answers. The parameters come
/// from the endpoints (<see cref="Parameters.ParameterDocumentation.Reads"/>), the admin group's refusals from the gate
/// (<see cref="Security.AdminApiGate.DocumentGate"/>).
/// </summary>
internal static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string TokenScheme = "adminToken";
    public const string BearerScheme = "bearer";

    /// <summary>The extension that names a tag for people (Redoc's convention); the docs page heads each group with it.</summary>
    public const string DisplayName = "x-displayName";

    private static readonly Dictionary<string, (string Name, string Description)> Tags = new()
    {
        ["search"] = ("检索", "段落检索、分面计数、讲话全文。"),
        ["writing"] = ("写作工具", "用例、提法变体、相似段落、草稿比对、相关词、近义词、趋势。"),
        ["admin"] = ("管理", "索引状态、更新索引、上传讲话、已上传的文件及其删除、索引统计。需要管理令牌。"),
    };

    /// <summary>What each answer means, where the framework left the bare reason phrase.</summary>
    private static readonly Dictionary<int, string> Answers = new()
    {
        [StatusCodes.Status200OK] = "成功。",
        [StatusCodes.Status202Accepted] = "已在后台开始。",
        [StatusCodes.Status400BadRequest] = "请求无效（查询、参数或请求体无法解析）；detail 说明原因。",
        [StatusCodes.Status404NotFound] = "编号不存在。",
        [StatusCodes.Status409Conflict] = "已有一次索引更新在进行。",
        [StatusCodes.Status413PayloadTooLarge] = "请求体超过上限。",
        [StatusCodes.Status415UnsupportedMediaType] = "请求体不是 JSON（Content-Type 应为 application/json）。",
    };

    public static IServiceCollection AddArchiveOpenApi(this IServiceCollection services) => services.AddOpenApi(DocumentName, o =>
    {
        o.AddDocumentTransformer(DescribeDocument);
        o.AddOperationTransformer(DescribeAnswers);
    });

    /// <summary>Marks a group's operations as open to anyone: one security requirement that asks for nothing.</summary>
    public static RouteGroupBuilder Public(this RouteGroupBuilder group) => group.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        operation.Security = [new OpenApiSecurityRequirement()];
        return Task.CompletedTask;
    });

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        document.Info = new OpenApiInfo
        {
            Title = "讲话检索 API",
            Version = "1",
            Description = "检索讲话与写作工具的 JSON 接口（说明页：/api/docs）。出错时返回 ProblemDetails（RFC 9457，application/problem+json：type、title、status、detail）：400 表示查询或参数无法解析（detail 说明原因），" +
                "404 表示编号不存在；索引损坏时各接口返回 503。管理接口（/api/admin/…）需要管理令牌：Authorization: Bearer <令牌> 或 X-Admin-Token 头。",
        };

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var told))
            {
                tag.Description = told.Description;
                tag.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                tag.Extensions[DisplayName] = new JsonNodeExtension(JsonValue.Create(told.Name));
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[TokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Security.AdminGate.HeaderName,
            Description = "管理令牌（SpeechArchive:AdminToken）放在 X-Admin-Token 头中。",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "管理令牌放在 Authorization: Bearer <令牌> 头中。",
        };
        return Task.CompletedTask;
    }

    private static Task DescribeAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse answer && int.TryParse(code, out var status)
                && answer.Description == ReasonPhrases.GetReasonPhrase(status) && Answers.TryGetValue(status, out var meaning))
            {
                answer.Description = meaning;
            }

            if (response is OpenApiResponse { Content: { } content } && int.TryParse(code, out var failed) && failed >= 400
                && content.Remove("application/json", out var json))
            {
                content[Problems.MediaType] = json; // the typed results' ProblemDetails are served as problem+json (Problems.AsProblemJson)
            }
        }

        return Task.CompletedTask;
    }
}
