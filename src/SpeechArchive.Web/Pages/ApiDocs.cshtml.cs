using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using SpeechArchive.Web.Api;
using SpeechArchive.Web.Presentation;

namespace SpeechArchive.Web.Pages;

/// <summary>The API docs page: the OpenAPI document the app serves, drawn on the server in the site's layout (no script needed).</summary>
internal sealed class ApiDocsModel([FromKeyedServices(ApiDocumentation.DocumentName)] IOpenApiDocumentProvider documents) : PageModel
{
    public ApiReference Reference { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Reference = ApiReference.From(await documents.GetOpenApiDocumentAsync(cancellation));
}
