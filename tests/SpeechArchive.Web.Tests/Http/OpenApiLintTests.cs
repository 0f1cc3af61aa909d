using System.Diagnostics;
using SpeechArchive.Tests;
using SpeechArchive.Web.Tests.Browser;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>
/// Redocly CLI's <c>recommended</c> rules, with the repository's <c>redocly.yaml</c>, pass on the document the app serves.
/// Without <c>redocly</c> on the PATH (or at REDOCLY_PATH) the test reports itself skipped with the install command, except
/// under CI=true, where it fails (.ci/run installs the pinned version).
/// </summary>
public sealed class OpenApiLintTests : IDisposable
{
    /// <summary>The version .ci/run installs.</summary>
    public const string PinnedVersion = "2.77.0";

    private readonly ArchiveFactory app = new();
    private readonly HttpClient client;

    public OpenApiLintTests() => client = app.CreateClient();

    [SkippableFact]
    public async Task TheServedDocument_ShouldPassRedoclyLint()
    {
        var redocly = Find();
        if (redocly is null)
        {
            var reason = $"redocly not found on the PATH: install it with `npm install -g @redocly/cli@{PinnedVersion}` (or set REDOCLY_PATH).";
            Assert.False(BrowserFixture.InCi, "The OpenAPI lint must run in CI. " + reason);
            Skip.If(true, reason);
        }

        using var folder = new TempFolder();
        var document = folder.Combine("openapi.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync("/openapi/v1.json"));

        var (code, output) = await RunAsync(redocly!, "lint", document, "--config", Path.Combine(FixturePaths.RepoRoot, "redocly.yaml"), "--format=stylish");

        Assert.True(code == 0, $"redocly lint exited with {code}:\n{output}");
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("REDOCLY_PATH") is { Length: > 0 } given)
        {
            return given;
        }

        return ExternalTools.FindOnPath(OperatingSystem.IsWindows() ? "redocly.cmd" : "redocly");
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off"; // no calls home from a test
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
