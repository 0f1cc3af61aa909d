using System.Text.Json;
using SpeechArchive.LoadTest;

// A bounded loopback load test of the web app: builds a corpus, starts the app on 127.0.0.1, finds the highest rate it
// sustains with zero errors, then runs at that rate for a fixed time while sampling the app's memory. See docs/reliability.md.
var options = LoadOptions.Parse(args);
var root = Paths.RepositoryRoot();
var web = options.Web ?? Paths.WebDll(root);
using var work = new TempFolder();
var corpus = options.Corpus ?? Paths.DefaultCorpus(root, work.Combine("corpus"));
var token = Guid.NewGuid().ToString("N");
Console.WriteLine($"web app: {web}\ncorpus:  {corpus}");

using var server = ServerProcess.Start(web, corpus, work.Combine("index"), token);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
await server.WaitUntilServingAsync(client, TimeSpan.FromMinutes(10));
client.DefaultRequestHeaders.Add("X-Admin-Token", token);
var statistics = JsonDocument.Parse(await client.GetStringAsync("/api/admin/statistics")).RootElement;
client.DefaultRequestHeaders.Remove("X-Admin-Token");
var ids = JsonDocument.Parse(await client.GetStringAsync("/api/search?limit=100&group=1")).RootElement.GetProperty("hits")
    .EnumerateArray().Select(h => h.GetProperty("speechId").GetString()!).ToList();
var runner = new OpenLoopRunner(client, RequestMix.Load(Path.Combine(AppContext.BaseDirectory, "queries.tsv"), ids));
var report = new Report(statistics);

var rate = options.Rate;
Console.WriteLine($"warm-up: {options.WarmUpSeconds} s at 100 req/s (compiles every path before anything is measured)");
report.WarmUp = await runner.RunAsync(100, TimeSpan.FromSeconds(options.WarmUpSeconds));
if (rate == 0)
{
    Console.WriteLine("finding the highest sustainable rate (a failed step is tried once more: other work on the machine causes stalls):");
    foreach (var step in new[] { 50, 100, 200, 300, 400, 500, 650, 800, 1000, 1300, 1600, 2000, 2500, 3000, 4000 })
    {
        var stats = await runner.RunAsync(step, TimeSpan.FromSeconds(options.StepSeconds));
        if (!stats.Sustainable)
        {
            Console.WriteLine("  " + stats + " — again:");
            stats = await runner.RunAsync(step, TimeSpan.FromSeconds(options.StepSeconds));
        }

        report.Steps.Add(stats);
        Console.WriteLine("  " + stats);
        if (!stats.Sustainable)
        {
            break;
        }

        rate = step;
    }

    if (rate == 0)
    {
        Console.WriteLine("not even the lowest step was sustainable");
        return 1;
    }

    rate = Math.Max(1, rate * 9 / 10); // a margin under the highest step that passed
}

Console.WriteLine($"settle: 10 s at {rate} req/s, then measured: {options.Seconds} s");
report.Settle = await runner.RunAsync(rate, TimeSpan.FromSeconds(10));
report.Memory.Add(server.ResidentBytes());
report.Measured = await runner.RunAsync(rate, TimeSpan.FromSeconds(options.Seconds), _ => report.Memory.Add(server.ResidentBytes()));
report.Memory.Add(server.ResidentBytes());

var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
if (options.Out is not null)
{
    await File.WriteAllTextAsync(options.Out, markdown);
}

return report.Passed ? 0 : 1;
