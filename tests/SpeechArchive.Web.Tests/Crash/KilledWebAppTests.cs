using System.Net;
using SpeechArchive.Indexing;
using SpeechArchive.Tests;
using Xunit.Abstractions;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Crash;

/// <summary>
/// The web app as a child process, killed with SIGKILL while it builds its first index and at several points of an admin
/// reindex: every restart serves exactly the last committed index (all of one corpus version, never a mix), and a final
/// reindex completes.
/// </summary>
public sealed class KilledWebAppTests(ITestOutputHelper output) : IDisposable
{
    private const int Speeches = 300;
    private const int FillerSpeeches = 3000;
    private const string Token = "kill-test-token-93d1";
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    /// <summary>Kill when the log shows this indexing stage (the app logs each stage and quarter), after a delay; -1: let it finish.</summary>
    private static readonly (string Stage, int DelayMs)[] Plan =
        [("read", 0), ("parse", 0), ("parse", 300), ("commit 0/1", 0), ("commit 0/1", 150), ("commit 0/1", 400), ("commit 1/1", 0), ("", -1)];

    private readonly TempFolder folder = new();

    private string Corpus => folder.Combine("corpus");

    private string Index => folder.Combine("index");

    [Fact]
    public async Task WhenKilledDuringTheFirstBuildAndDuringReindexes_ShouldServeTheLastCommitAfterEachRestart()
    {
        var versions = new[] { "甲稿", "乙稿" };
        SyntheticCorpus.Write(Corpus, Speeches, versions[0]);

        // The first build gets filler speeches too, so it is still parsing when the kill lands: the app's console log can
        // trail its work by a second on a busy machine, and 300 speeches alone were once committed before the kill.
        var filler = Path.Combine(Corpus, "filler");
        SyntheticCorpus.Write(filler, FillerSpeeches, "丙稿");
        using (var first = WebAppProcess.Start(Corpus, Index, Token))
        {
            Assert.True(await first.WaitForLogAsync(l => l.Contains("Indexing: parse", StringComparison.Ordinal), Wait), first.Log);
            first.Kill();
            Assert.Equal(0, Indexer.CommittedGeneration(Index));
        }

        Directory.Delete(filler, recursive: true);

        int holds = -1, keptOld = 0, tookNew = 0;
        long generation = 0;
        foreach (var (stage, delay) in Plan)
        {
            using var app = WebAppProcess.Start(Corpus, Index, Token);
            await app.WaitUntilServingAsync(Wait);
            using var admin = app.AdminClient(Token);

            // Whatever the last kill hit, the restarted app serves one whole version of the corpus from a committed generation.
            var served = (await JsonAsync(await admin.GetAsync("/api/admin/status"))).GetProperty("generation").GetInt64();
            var now = await VersionServedAsync(app.Client, versions);
            if (holds < 0 || served == generation)
            {
                Assert.True(holds < 0 || now == holds, $"generation {served} unchanged but the version changed");
                keptOld += holds < 0 ? 0 : 1;
            }
            else
            {
                Assert.Equal(generation + 1, served);
                Assert.Equal(1 - holds, now);
                tookNew++;
            }

            (generation, holds) = (served, now);
            SyntheticCorpus.Write(Corpus, Speeches, versions[1 - holds]);
            var mark = app.LogLines;
            using (var started = await admin.PostAsync("/api/admin/reindex", null))
            {
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            }

            if (delay < 0)
            {
                // The last round: no kill; the reindex completes and serves the other version.
                var status = await WaitForReindexAsync(admin);
                Assert.Null(status.GetProperty("error").GetString());
                Assert.Equal(1 - holds, await VersionServedAsync(app.Client, versions));
                Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/?q=" + Api.Encode("作风建设"))).StatusCode);
                Assert.DoesNotContain(Token, app.Log, StringComparison.Ordinal);
                break;
            }

            var parts = stage.Split(' ');
            var seen = await app.WaitForLogAsync(
                l => l.Contains("Indexing: " + parts[0], StringComparison.Ordinal) && (parts.Length == 1 || l.Contains(parts[1], StringComparison.Ordinal)), Wait, mark);
            await Task.Delay(delay);
            app.Kill();
            Assert.DoesNotContain(Token, app.Log, StringComparison.Ordinal);
            output.WriteLine($"kill at {stage} +{delay} ms{(seen ? "" : " (stage not seen)")}");
        }

        output.WriteLine($"{keptOld} kills left the previous commit, {tookNew} came after a commit");
        Assert.True(keptOld >= 3, $"only {keptOld} kills landed before a commit");
    }

    /// <summary>Which version the app serves, 0 or 1; fails when it serves a mix, or neither whole.</summary>
    private static async Task<int> VersionServedAsync(HttpClient client, string[] versions)
    {
        var (a, b) = (await SpeechesWithAsync(client, versions[0]), await SpeechesWithAsync(client, versions[1]));
        Assert.True((a, b) == (Speeches, 0) || (a, b) == (0, Speeches), $"the index mixes versions: {a} speeches of {versions[0]}, {b} of {versions[1]}");
        return a == Speeches ? 0 : 1;
    }

    private static async Task<int> SpeechesWithAsync(HttpClient client, string marker) =>
        (await Api.SearchAsync(client, "limit=0&q=" + Api.Encode("\"" + marker + "\""))).TotalSpeeches;

    public void Dispose() => folder.Dispose();
}
