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

    /// <summary>Whether the parameter may be given several times (<c>year=2021&amp;year=2022</c>).</summary>
    public virtual bool Repeatable => false;

    /// <summary>
    /// Why the occurrences <paramref name="values"/> of the parameter cannot be read, or null: a value holding U+FFFD (bytes the
    /// URL's percent-encoding gave that are not UTF-8), or a parameter that takes one value given twice. Either would otherwise
    /// search for something other than what was sent.
    /// </summary>
    public string? Problem(StringValues values)
    {
        if (values.Count > 1 && !Repeatable)
        {
            return $"参数 {Name} 给了 {values.Count} 次，只能给一次。(parameter {Name} is given {values.Count} times; it takes one value)";
        }

        return values.Any(v => v is not null && v.Contains('\uFFFD', StringComparison.Ordinal))
            ? $"参数 {Name} 含有无法解码的字节：网址须按 UTF-8 编码。(parameter {Name} holds bytes that are not UTF-8)"
            : null;
    }

    /// <summary>The first of <paramref name="parameters"/>' problems in <paramref name="query"/> (<see cref="Problem"/>), or null.</summary>
    public static string? ProblemIn(IQueryCollection query, IEnumerable<QueryParameter> parameters) =>
        parameters.Select(p => p.Problem(query[p.Name])).FirstOrDefault(p => p is not null);

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
    /// <summary>The parameter's value in <paramref name="query"/>; a value <see cref="QueryParameter.Problem"/> refuses is a 400 that says why.</summary>
    public T Read(IQueryCollection query)
    {
        var values = query[Name];
        if (Problem(values) is { } problem)
        {
            throw new Search.QuerySyntaxException(problem);
        }

        return Parse(values);
    }

    /// <summary>The value of the parameter's occurrences in a query string (none, one or, for a repeatable parameter, several).</summary>
    public abstract T Parse(StringValues values);
}
