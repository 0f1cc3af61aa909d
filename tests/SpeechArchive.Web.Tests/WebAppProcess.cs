using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SpeechArchive.Web.Tests;

/// <summary>
/// The web app as a child process (<c>dotnet SpeechArchive.Web.dll --urls http://127.0.0.1:PORT</c>, settings in environment
/// variables), as it runs in production, so a test can SIGKILL it and start it again on the same folders.
/// </summary>
internal sealed class WebAppProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private WebAppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Log => string.Join('\n', lines);

    public bool HasExited => process.HasExited;

    /// <summary>How many log lines there are so far: pass it to <see cref="WaitForLogAsync"/> to look only at later ones.</summary>
    public int LogLines => lines.Count;

    public static WebAppProcess Start(string corpus, string index, string? token)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SpeechArchive.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["SpeechArchive__Corpus"] = corpus;
        info.Environment["SpeechArchive__Index"] = index;
        info.Environment["SpeechArchive__AdminToken"] = token ?? "";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the web app");
        return new WebAppProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>An HTTP client for the admin API of this app.</summary>
    public HttpClient AdminClient(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Add("X-Admin-Token", token);
        return client;
    }

    /// <summary>Waits until the app answers searches (it builds a missing index before it listens).</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the web app exited with {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await Client.GetAsync("/api/search?limit=0");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the web app did not serve within {timeout}:\n{Log}");
    }

    /// <summary>Waits for a log line after the first <paramref name="skip"/> matching <paramref name="match"/>; false when the app exited or the time ran out first.</summary>
    public async Task<bool> WaitForLogAsync(Func<string, bool> match, TimeSpan timeout, int skip = 0)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !process.HasExited)
        {
            if (lines.Skip(skip).Any(match))
            {
                return true;
            }

            await Task.Delay(10);
        }

        return lines.Skip(skip).Any(match);
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        Client.Dispose();
        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
