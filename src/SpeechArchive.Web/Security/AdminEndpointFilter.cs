namespace SpeechArchive.Web.Security;

/// <summary>Guards the <c>/api/admin</c> endpoint group (behind <see cref="AdminApiGate"/>, which already refused anonymous requests): defence in depth.</summary>
internal sealed class AdminEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var refusal = AdminApiGate.Check(context.HttpContext);
        return refusal is null ? await next(context) : refusal;
    }
}
