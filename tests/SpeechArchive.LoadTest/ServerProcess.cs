using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SpeechArchive.LoadTest;

/// <summary>The web app as a child process on 127.0.0.1 (never another address), with its resident memory read from /proc.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public static ServerProcess Start(string webDll, string corpus, string index, string adminToken)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        info.ArgumentList.Add(webDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["SpeechArchive__Corpus"] = corpus;
        info.Environment["SpeechArchive__Index"] = index;
        info.Environment["SpeechArchive__AdminToken"] = adminToken;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the web app"), new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until the app answers a search (it builds its index first); bounded.</summary>
    public async Task WaitUntilServingAsync(HttpClient client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the web app exited with {process.ExitCode}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/api/search?limit=0"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the web app did not start serving in time");
    }

    /// <summary>Resident set size in bytes (VmRSS), or 0 where /proc is not available.</summary>
    public long ResidentBytes()
    {
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
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
}
