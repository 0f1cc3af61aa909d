using System.Diagnostics;

namespace SpeechArchive.Cli.Bench;

/// <summary>
/// The real web app (SpeechArchive.Web.dll) started on a free loopback port over an index, ready once it has answered
/// <c>/api/search?q=依法</c>; killed on dispose.
/// </summary>
internal sealed class WebAppProcess : IDisposable
{
    /// <summary>The request whose first answer marks the web app ready, and the broad word of the HTTP load.</summary>
    public static readonly string ReadyPath = SearchPath("依法");

    /// <summary>The API path of a search for <paramref name="query"/>.</summary>
    public static string SearchPath(string query) => "api/search?q=" + Uri.EscapeDataString(query);

    private readonly Process process;

    private WebAppProcess(Process process, Uri baseUri)
    {
        this.process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>From the process start to the first answered <see cref="ReadyPath"/>.</summary>
    public TimeSpan Ready { get; private set; }

    /// <summary>The web app's memory now (null without <c>/proc</c>).</summary>
    public ProcessMemory? Memory() => ProcessMemory.Read(process.Id);

    /// <summary>Starts the web app over <paramref name="index"/> and waits until it answers (at most <paramref name="patience"/>).</summary>
    public static async Task<WebAppProcess> StartAsync(string webDll, string index, string corpus, TimeSpan patience)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(webDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["SpeechArchive__Index"] = index;
        info.Environment["SpeechArchive__Corpus"] = corpus;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        Console.Error.WriteLine($"starting the web app on port {port}…");
        var clock = Stopwatch.StartNew();
        var web = new WebAppProcess(Process.Start(info) ?? throw new SpeechArchiveException("could not start the web app"), new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            web.process.OutputDataReceived += (_, _) => { };
            web.process.ErrorDataReceived += (_, _) => { };
            web.process.BeginOutputReadLine();
            web.process.BeginErrorReadLine();
            // One request at a time, each waiting as long as the app needs (it holds requests until its load ends): a probe
            // that gave up and asked again would add requests that each hold a thread while the load wants them.
            using var probe = new HttpClient { BaseAddress = web.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
            using var patient = new CancellationTokenSource(patience);
            while (true)
            {
                try
                {
                    using var r = await probe.GetAsync(ReadyPath, patient.Token).ConfigureAwait(false);
                    if (r.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (OperationCanceledException) when (patient.IsCancellationRequested)
                {
                }

                if (patient.IsCancellationRequested || web.process.HasExited)
                {
                    throw new SpeechArchiveException($"the web app did not answer within {patience.TotalMinutes:F0} minutes");
                }

                await Task.Delay(50).ConfigureAwait(false);
            }

            web.Ready = clock.Elapsed;
            return web;
        }
        catch
        {
            web.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
