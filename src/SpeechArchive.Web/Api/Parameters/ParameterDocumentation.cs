using Microsoft.OpenApi;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>Puts the query parameters an endpoint's handler reads into its OpenAPI operation.</summary>
internal static class ParameterDocumentation
{
    /// <summary>
    /// Declares the query parameters the handler reads through these same objects: the operation lists them after its path's
    /// parameters, replacing any the framework inferred under the same name, and one that offers CSV adds text/csv to the 200 answer.
    /// </summary>
    public static RouteHandlerBuilder Reads(this RouteHandlerBuilder endpoint, params IEnumerable<QueryParameter> parameters)
    {
        var declared = parameters.ToList();
        if (declared.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"The query parameter '{twice.Key}' is declared twice for one endpoint.");
        }

        return endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var names = declared.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            operation.Parameters =
            [
                .. (operation.Parameters ?? []).Where(p => !(p.In == ParameterLocation.Query && p.Name is not null && names.Contains(p.Name))),
                .. declared.Select(p => (IOpenApiParameter)p.Describe()),
            ];
            if (declared.Any(p => p is CsvFormatParameter) && operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } content })
            {
                content[CsvFormatParameter.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });
    }
}
