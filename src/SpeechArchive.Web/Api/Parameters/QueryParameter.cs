using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace SpeechArchive.Web.Api.Parameters;

/// <summary>
/// One query-string parameter of the API in one object: how the OpenAPI document describes it (<see cref="Describe"/>) and
/// how a handler reads it (<see cref="QueryParameter{T}.Read"/>). An endpoint names the parameters its handler reads with
/// <see cref="ParameterDocumentation.Reads"/>, so the document lists exactly those, with the bounds the reader enforces.
/// </summary>
internal abstract class QueryParameter(string name, string description)
{
    public string Name { get; } = name;

    /// <summary>What the parameter does, in Chinese (the API docs page shows it as written).</summary>
    public string Description { get; } = description;

    /// <summary>A request without it is answered with 400.</summary>
    public bool Required { get; init; }

    /// <summary>The values the reader accepts, as a JSON schema.</summary>
    public abstract OpenApiSchema Schema();

    public OpenApiParameter Describe() => new()
    {
        Name = Name,
        In = ParameterLocation.Query,
        Description = Description,
        Required = Required,
        Schema = Schema(),
    };
}

/// <summary>A query-string parameter whose reader gives a <typeparamref name="T"/>; a value it cannot accept throws <see cref="Search.QuerySyntaxException"/> (answered with 400).</summary>
internal abstract class QueryParameter<T>(string name, string description) : QueryParameter(name, description)
{
    public T Read(IQueryCollection query) => Parse(query[Name]);

    /// <summary>The value of the parameter's occurrences in a query string (none, one or, for a repeatable parameter, several).</summary>
    public abstract T Parse(StringValues values);
}
