using System.Net;
using Microsoft.Extensions.Logging;
using SpeechArchive.Web.Hosting;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>The data-protection keys live beside the index, in a folder only the owner can open, and the app starts without a data-protection warning.</summary>
public sealed class ArchiveKeysTests : IDisposable
{
    private const string Category = "Microsoft.AspNetCore.DataProtection";

    private readonly LogCapture logs = new();
    private readonly ArchiveFactory app;

    public ArchiveKeysTests() => app = new ArchiveFactory(logging: logs.Configure);

    [Fact]
    public async Task WhenTheAppStartsAndServesAForm_ShouldKeepItsKeyBesideTheIndexWithoutADataProtectionWarning()
    {
        using var client = app.CreateClient();

        using var login = await client.GetAsync(new Uri("/admin/login", UriKind.Relative)); // a form with an antiforgery token

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var folder = Path.Combine(app.IndexDirectory, "keys");
        Assert.Equal(folder, ArchiveKeys.Folder(app.IndexDirectory));
        Assert.Single(Directory.GetFiles(folder, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }

        var dataProtection = logs.Entries.Where(e => e.Category.StartsWith(Category, StringComparison.Ordinal)).ToList();
        Assert.Contains(dataProtection, e => e.Text.Contains("Creating key", StringComparison.Ordinal)); // the capture does see the category
        Assert.Empty(dataProtection.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level} {e.Category}: {e.Text}"));
    }

    public void Dispose() => app.Dispose();
}
