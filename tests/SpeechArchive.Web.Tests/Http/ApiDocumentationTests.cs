using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SpeechArchive.Web.Tests.Api;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// The OpenAPI document tells the truth about the API: every parameter a handler reads is declared, with the bounds it
/// enforces (checked by breaking each bound, and by sending each operation the parameters it does not declare); the admin
/// operations take the token and answer 401/403/429; every operation has an id, a summary and its 4xx answers.
/// </summary>
public sealed class ApiDocumentationTests : IDisposable
{
    private const string Phrase = "全面从严治党";

    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public ApiDocumentationTests() => client = app.CreateClient();

    [Theory]
    [InlineData("GET", "/api/search", "q theme year type org category speaker sort page offset limit group expand near fold mode noform format")]
    [InlineData("GET", "/api/facets", "q theme year type org category speaker sort page offset limit group expand near fold mode noform")]
    [InlineData("GET", "/api/speeches/{id}", "id")]
    [InlineData("GET", "/api/concordance", "q theme year type org category speaker sort context offset limit format")]
    [InlineData("GET", "/api/variants", "q theme year type org category speaker min")]
    [InlineData("GET", "/api/passages/{id}/similar", "id limit")]
    [InlineData("POST", "/api/draft-check", "theme year type org category speaker")]
    [InlineData("GET", "/api/related-terms", "q theme year type org category speaker limit")]
    [InlineData("GET", "/api/neighbours", "q limit")]
    [InlineData("GET", "/api/trends", "q theme year type org category speaker format")]
    [InlineData("GET", "/api/trends/themes", "theme year type org category speaker format")]
    [InlineData("GET", "/api/admin/status", "")]
    [InlineData("POST", "/api/admin/reindex", "rebuild")]
    [InlineData("POST", "/api/admin/upload", "reindex replace")]
    [InlineData("GET", "/api/admin/uploads", "")]
    [InlineData("DELETE", "/api/admin/uploads/{name}", "name")]
    public async Task WhenReadingAnOperation_ShouldDeclareEveryParameterItsHandlerReads(string method, string path, string names)
    {
        using var doc = await OpenApiDocument.GetAsync(client);

        var operation = doc.Operation(method, path);

        Assert.Equal(names.Split(' ', StringSplitOptions.RemoveEmptyEntries), operation.ParameterNames);
        Assert.All(operation.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()), $"{operation}: {p.GetProperty("name")} has no description"));
    }

    [Fact]
    public async Task WhenReadingTheParameters_ShouldStateTheTypesAndBoundsTheReadersEnforce()
    {
        using var doc = await OpenApiDocument.GetAsync(client);

        var search = doc.Operation("GET", "/api/search");
        AssertInteger(search.Parameter("limit"), 0, 100, 10);
        Assert.Contains("exact", Enum(search.Parameter("mode")));
        Assert.Equal("array", search.Parameter("theme").GetProperty("schema").GetProperty("type").GetString());

        var concordance = doc.Operation("GET", "/api/concordance");
        Assert.True(concordance.Parameter("q").GetProperty("required").GetBoolean());
        AssertInteger(concordance.Parameter("context"), 0, 200, 30);
        AssertInteger(concordance.Parameter("limit"), 0, 5000, 100);
        Assert.Equal(["date-asc", "date-desc", "left", "right", "date"], Enum(concordance.Parameter("sort")));
        Assert.Equal("date-asc", concordance.Parameter("sort").GetProperty("schema").GetProperty("default").GetString());
        Assert.Contains("date 是 date-asc 的旧写法", concordance.Parameter("sort").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["relevance", "date-desc", "date-asc", "date"], Enum(search.Parameter("sort")));
        Assert.Contains("date 是 date-desc 的旧写法", search.Parameter("sort").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["json", "csv"], Enum(concordance.Parameter("format")));
        Assert.True(concordance.Json.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));

        var trends = doc.Operation("GET", "/api/trends").Parameter("q");
        Assert.Equal("array", trends.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(8, trends.GetProperty("schema").GetProperty("maxItems").GetInt32());

        var min = doc.Operation("GET", "/api/variants").Parameter("min").GetProperty("schema");
        Assert.Equal(("number", "0", "1"), (min.GetProperty("type").GetString(), min.GetProperty("minimum").ToString(), min.GetProperty("maximum").ToString()));
        AssertInteger(doc.Operation("GET", "/api/neighbours").Parameter("limit"), 1, 100, 20);
        AssertInteger(doc.Operation("GET", "/api/passages/{id}/similar").Parameter("limit"), 1, 100, 10);

        var body = doc.Operation("POST", "/api/draft-check").Json.GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        Assert.EndsWith("/DraftCheckBody", body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        var draft = doc.Root.GetProperty("components").GetProperty("schemas").GetProperty("DraftCheckBody");
        Assert.Equal(["text"], draft.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(10_000, draft.GetProperty("properties").GetProperty("text").GetProperty("maxLength").GetInt32());
        var precedents = draft.GetProperty("properties").GetProperty("precedents");
        Assert.Equal(("1", "10"), (precedents.GetProperty("minimum").ToString(), precedents.GetProperty("maximum").ToString()));
    }

    [Fact]
    public async Task EveryOperation_ShouldHaveAUniqueIdASummaryAndItsClientErrors()
    {
        using var doc = await OpenApiDocument.GetAsync(client);

        Assert.All(doc.Operations, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Id), $"{o} has no operationId");
            Assert.True(o.Json.TryGetProperty("summary", out _), $"{o} has no summary");
            Assert.Contains(o.Responses, r => r.StartsWith('4'));
        });
        Assert.Equal(doc.Operations.Count, doc.Operations.Select(o => o.Id).Distinct().Count());
        Assert.Contains("404", doc.Operation("GET", "/api/speeches/{id}").Responses);
        Assert.Contains("404", doc.Operation("GET", "/api/passages/{id}/similar").Responses);
        Assert.Contains("415", doc.Operation("POST", "/api/draft-check").Responses);
        Assert.Contains("413", doc.Operation("POST", "/api/admin/upload").Responses);
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409" }, doc.Operation("DELETE", "/api/admin/uploads/{name}").Responses.ToHashSet());
    }

    [Fact]
    public async Task TheAdminOperations_ShouldTakeTheTokenAndDeclareTheGatesRefusals()
    {
        using var doc = await OpenApiDocument.GetAsync(client);

        var schemes = doc.Root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "X-Admin-Token"), (schemes.GetProperty("adminToken").GetProperty("type").GetString(),
            schemes.GetProperty("adminToken").GetProperty("in").GetString(), schemes.GetProperty("adminToken").GetProperty("name").GetString()));
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("bearer").GetProperty("type").GetString(), schemes.GetProperty("bearer").GetProperty("scheme").GetString()));
        var admin = doc.Operations.Where(o => o.Path.StartsWith("/api/admin/", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, admin.Count);
        Assert.All(admin, o =>
        {
            Assert.Equal([["adminToken"], ["bearer"]], o.Security);
            Assert.Superset(new HashSet<string> { "401", "403", "404", "429" }, o.Responses.ToHashSet());
        });
        Assert.All(doc.Operations.Except(admin), o => Assert.Equal([[]], o.Security)); // one requirement asking for nothing: anyone
        Assert.DoesNotContain("security", doc.Root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheAdminRefusalsTheDocumentDeclares_ShouldBeTheOnesTheGateAnswers()
    {
        using var anonymous = app.CreateClient();
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Admin-Token", "not-the-token");

        using var missing = await anonymous.GetAsync("/api/admin/status");
        using var denied = await wrong.GetAsync("/api/admin/status");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task TheServers_ShouldHaveNoTrailingSlash()
    {
        using var doc = await OpenApiDocument.GetAsync(client);

        Assert.All(doc.Root.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/'), s.ToString()));
    }

    [Fact]
    public async Task WhenAParameterBreaksABoundTheDocumentStates_ShouldAnswer400()
    {
        using var doc = await OpenApiDocument.GetAsync(client);
        var samples = await SamplesAsync();
        var checkedBounds = 0;

        foreach (var operation in ReadOperations(doc))
        {
            foreach (var parameter in operation.QueryParameters)
            {
                var name = parameter.GetProperty("name").GetString()!;
                foreach (var broken in Breakers(parameter))
                {
                    var query = Baseline(operation).Where(p => p.Key != name).Concat(broken.Select(v => new KeyValuePair<string, string>(name, v)));
                    using var response = await SendAsync(operation, samples, query);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                        $"{operation} with {name}={Clip(string.Join('&', broken), 40)} answered {(int)response.StatusCode}, not 400: {Clip(body, 200)}");
                    checkedBounds++;
                }

                if (parameter.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    using var response = await SendAsync(operation, samples, Baseline(operation).Where(p => p.Key != name));
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{operation} without {name} answered {(int)response.StatusCode}");
                    checkedBounds++;
                }
            }
        }

        Assert.True(checkedBounds > 40, $"{checkedBounds} bounds checked");
    }

    [Fact]
    public async Task WhenAnOperationGetsAParameterItDoesNotDeclare_ShouldNotReadIt()
    {
        using var doc = await OpenApiDocument.GetAsync(client);
        var samples = await SamplesAsync();
        var operations = ReadOperations(doc).ToList();

        // A value refused by every reader of each parameter name the API uses (so a name no operation declares is still tried),
        // then one that the schema of some operation rules out for each other name the document declares.
        var breakers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["q"] = new('党', 1001), ["theme"] = "no-such-theme", ["year"] = "20x2", ["type"] = "no-such-type", ["sort"] = "no-such-value",
            ["mode"] = "no-such-value", ["format"] = "xml", ["page"] = "0", ["offset"] = "-1", ["limit"] = "-1", ["context"] = "-1", ["min"] = "2",
        };
        foreach (var parameter in operations.SelectMany(o => o.QueryParameters))
        {
            if (Breakers(parameter).FirstOrDefault() is [var value, ..])
            {
                breakers.TryAdd(parameter.GetProperty("name").GetString()!, value);
            }
        }

        foreach (var operation in operations)
        {
            var baseline = Baseline(operation).ToList();
            using var expected = await SendAsync(operation, samples, baseline);
            Assert.Equal(HttpStatusCode.OK, expected.StatusCode);
            foreach (var (name, value) in breakers.Where(b => !operation.ParameterNames.Contains(b.Key)))
            {
                using var response = await SendAsync(operation, samples, baseline.Append(new(name, value)));
                Assert.True(response.StatusCode == expected.StatusCode && response.Content.Headers.ContentType?.MediaType == expected.Content.Headers.ContentType?.MediaType,
                    $"{operation} reads {name}, which it does not declare: {name}={Clip(value, 40)} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            }
        }
    }

    /// <summary>The operations anyone may call (the admin ones change the index).</summary>
    private static IEnumerable<OpenApiOperation> ReadOperations(OpenApiDocument doc) => doc.Operations.Where(o => !o.Path.StartsWith("/api/admin", StringComparison.Ordinal));

    /// <summary>A valid value for each required parameter of the operation.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Baseline(OpenApiOperation operation) =>
        operation.QueryParameters.Where(p => p.TryGetProperty("required", out var r) && r.GetBoolean())
            .Select(p => new KeyValuePair<string, string>(p.GetProperty("name").GetString()!, Phrase));

    /// <summary>Occurrences of a query parameter that its schema rules out (each list is one request's values).</summary>
    private static IEnumerable<string[]> Breakers(JsonElement parameter)
    {
        var schema = parameter.GetProperty("schema");
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (schema.TryGetProperty("enum", out _))
        {
            yield return ["no-such-value"];
        }

        if (type is "integer" or "number")
        {
            yield return ["abc"];
            if (schema.TryGetProperty("maximum", out var max) && max.GetDouble() < int.MaxValue)
            {
                yield return [(max.GetDouble() + (type == "integer" ? 1 : 0.5)).ToString(CultureInfo.InvariantCulture)];
            }

            if (schema.TryGetProperty("minimum", out var min))
            {
                yield return [(min.GetDouble() - (type == "integer" ? 1 : 0.5)).ToString(CultureInfo.InvariantCulture)];
            }
        }

        if (schema.TryGetProperty("maxLength", out var length))
        {
            yield return [new string('党', length.GetInt32() + 1)];
        }

        if (schema.TryGetProperty("maxItems", out var items))
        {
            yield return Enumerable.Range(0, items.GetInt32() + 1).Select(i => Phrase + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
    }

    private Task<HttpResponseMessage> SendAsync(OpenApiOperation operation, Samples samples, IEnumerable<KeyValuePair<string, string>> query)
    {
        var path = operation.Path.Replace("{id}", Encode(operation.Path.StartsWith("/api/passages", StringComparison.Ordinal) ? samples.PassageId : samples.SpeechId), StringComparison.Ordinal);
        var url = path + "?" + string.Join('&', query.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        return operation.Method == "POST"
            ? client.PostAsJsonAsync(url, new { text = Phrase + "永远在路上，我们要坚持不懈。" })
            : client.GetAsync(url);
    }

    private async Task<Samples> SamplesAsync()
    {
        var hit = (await SearchAsync(client, "q=" + Encode("作风建设"))).Hits[0];
        return new Samples(hit.SpeechId, hit.PassageId);
    }

    private static void AssertInteger(JsonElement parameter, int minimum, int maximum, int fallback)
    {
        var schema = parameter.GetProperty("schema");
        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal((minimum, maximum, fallback), (schema.GetProperty("minimum").GetInt32(), schema.GetProperty("maximum").GetInt32(), schema.GetProperty("default").GetInt32()));
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static List<string?> Enum(JsonElement parameter) => parameter.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }

    private sealed record Samples(string SpeechId, string PassageId);
}
