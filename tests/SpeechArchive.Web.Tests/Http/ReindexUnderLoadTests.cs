using System.Collections.Concurrent;
using System.Net;
using static SpeechArchive.Web.Tests.Admin;

namespace SpeechArchive.Web.Tests.Http;

/// <summary>Searches keep being answered on real Kestrel while an admin reindex runs and swaps the index.</summary>
public sealed class ReindexUnderLoadTests : IDisposable
{
    private readonly ArchiveFactory app = new(syntheticSpeeches: 400);

    [Fact]
    public async Task WhenReindexingUnderASearchLoop_ShouldAnswerEveryRequestAndSwitchToTheNewIndex()
    {
        var address = app.StartKestrel();
        using var http = new HttpClient { BaseAddress = address };
        using var admin = new HttpClient { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("X-Admin-Token", ArchiveFactory.Token);
        await File.WriteAllTextAsync(Path.Combine(app.CorpusDirectory, "2024-new.txt"), Speech("星火燎原"));
        var before = await Api.SearchAsync(http, "q=" + Api.Encode("星火燎原"));

        var failures = new ConcurrentBag<string>();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var queries = new[] { "作风建设", "严禁 year:2015", "警示教育", "\"主体责任\"", "纪律 OR 规矩" };
        var loops = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 5000 && !stop.IsCancellationRequested; i++)
            {
                var q = queries[(i + worker) % queries.Length];
                using var response = await http.GetAsync("/api/search?limit=5&q=" + Api.Encode(q));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{q}: {(int)response.StatusCode}");
                }

                Interlocked.Increment(ref answered);
            }
        })).ToList();

        using var started = await admin.PostAsync("/api/admin/reindex?rebuild=true", null);
        var status = await WaitForReindexAsync(admin);
        var afterSwap = Volatile.Read(ref answered);
        while (Volatile.Read(ref answered) < afterSwap + 20 && loops.Any(t => !t.IsCompleted))
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Null(status.GetProperty("error").GetString());
        Assert.Empty(failures);
        Assert.True(answered > 20);
        Assert.Empty(before.Hits);
        Assert.NotEmpty((await Api.SearchAsync(http, "q=" + Api.Encode("星火燎原"))).Hits);
    }

    public void Dispose() => app.Dispose();
}
