using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechArchive.Indexing;
using SpeechArchive.Tests;

namespace SpeechArchive.Web.Tests;

/// <summary>
/// The real app over its own copy of the fixture corpus and its own index in a temp folder (built by the app at start).
/// In-memory test server by default; <see cref="StartKestrel"/> serves on 127.0.0.1 with a free port for the browser.
/// </summary>
internal sealed class ArchiveFactory : WebApplicationFactory<Program>
{
    public const string Token = "test-admin-token-5f1c";

    private readonly TempFolder folder = new();
    private readonly string? token;
    private readonly Action<ILoggingBuilder>? logging;
    private readonly IProgress<IndexProgress>? indexObserver;

    /// <param name="withSeeds">Also serve the project's own speeches (corpus/*.md at the repository root), for the writers' tools.</param>
    /// <param name="logging">Replaces the default (warnings and above) logging, e.g. to capture every log entry.</param>
    /// <param name="indexObserver">Told the progress of every indexing run the app makes (e.g. a <see cref="StageGate"/>).</param>
    public ArchiveFactory(string? adminToken = Token, int syntheticSpeeches = 0, bool withSeeds = false, Action<ILoggingBuilder>? logging = null, IProgress<IndexProgress>? indexObserver = null)
    {
        token = adminToken;
        this.logging = logging;
        this.indexObserver = indexObserver;
        CorpusDirectory = folder.Combine("corpus");
        IndexDirectory = folder.Combine("index");
        Directory.CreateDirectory(CorpusDirectory);
        foreach (var file in Directory.GetFiles(FixturePaths.Corpus).Concat(Directory.GetFiles(TestPaths.Speeches)))
        {
            File.Copy(file, Path.Combine(CorpusDirectory, Path.GetFileName(file)));
        }

        SyntheticCorpus.Write(Path.Combine(CorpusDirectory, "synthetic"), syntheticSpeeches);
        if (withSeeds)
        {
            var seeds = Path.Combine(FixturePaths.RepoRoot, "corpus");
            foreach (var file in Directory.GetFiles(seeds, "*.md").Where(f => Path.GetFileName(f) != "README.md"))
            {
                File.Copy(file, Path.Combine(CorpusDirectory, "seeds-" + Path.GetFileName(file)));
            }
        }
    }

    public string CorpusDirectory { get; }

    public string IndexDirectory { get; }

    /// <summary>Starts the app on Kestrel at 127.0.0.1 (free port) and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("SpeechArchive:Corpus", CorpusDirectory);
        builder.UseSetting("SpeechArchive:Index", IndexDirectory);
        builder.UseSetting("SpeechArchive:AdminToken", token ?? "");
        builder.ConfigureLogging(logging ?? (l => l.SetMinimumLevel(LogLevel.Warning)));
        if (indexObserver is not null)
        {
            builder.ConfigureServices(s => s.AddSingleton(indexObserver));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            folder.Dispose();
        }
    }
}
