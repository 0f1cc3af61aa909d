using System.CommandLine;
using System.Globalization;
using SpeechArchive.Cli.Bench;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>bench</c>: the reproducible benchmark behind docs/benchmarks.md; <c>bench --scale</c> measures archives N times the corpus.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Corpus to measure (copied first)", DefaultValueFactory = _ => Path.Combine("..", "shared", "corpus") };
        var work = new Option<string?>("--work") { Description = "Scratch folder, deleted and recreated (default: speecharchive-bench, with --scale speecharchive-scale, in the temp folder)" };
        var web = new Option<string?>("--web") { Description = "SpeechArchive.Web.dll to load-test over HTTP (build it with -c Release first); omit to skip HTTP" };
        var iterations = new Option<int?>("--iterations") { Description = "Repetitions of the query mix (default 200; with --scale 20)" };
        var seconds = new Option<int>("--http-seconds") { Description = "Seconds per HTTP load step", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out") { Description = "Also write the Markdown report to this file" };
        var index = new Option<string?>("--existing") { Description = "Measure this existing index as it is: skip the corpus copy, the build and the reindexes (queries and HTTP only)" };
        var scale = new Option<string?>("--scale") { Description = "Measure archives N times the corpus, e.g. 1,3,10 or 10 (×1, the corpus itself, always runs first as the baseline; docs/benchmarks.md)" };
        var seed = new Option<int>("--seed") { Description = "With --scale: the seed of the recombined speeches", DefaultValueFactory = _ => 15 };
        var keep = new Option<bool>("--keep") { Description = "With --scale: keep the archives and their indexes in the scratch folder" };
        scale.Validators.Add(r =>
        {
            if (Multiples(r.GetValueOrDefault<string?>()) is null)
            {
                r.AddError("--scale takes N or a list such as 1,3,10 of whole numbers from 1 to 100");
            }
        });
        var command = new Command("bench", "Measure indexing, in-process queries and HTTP throughput; prints a Markdown report.")
        {
            corpus, work, web, iterations, seconds, output, index, scale, seed, keep,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(scale) is not null && r.GetValue(index) is not null)
            {
                r.AddError("--scale builds its own archives: it cannot be combined with --existing");
            }
        });
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var http = TimeSpan.FromSeconds(parse.GetValue(seconds));
            string markdown;
            if (Multiples(parse.GetValue(scale)) is { } times)
            {
                var options = new ScaleBenchOptions
                {
                    Corpus = parse.GetValue(corpus)!,
                    Work = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "speecharchive-scale"),
                    Times = times,
                    WebDll = parse.GetValue(web),
                    Seed = parse.GetValue(seed),
                    Iterations = parse.GetValue(iterations) ?? 20,
                    HttpDuration = http,
                    Keep = parse.GetValue(keep),
                };
                markdown = new ScaleBench(options).RunAsync().GetAwaiter().GetResult();
            }
            else
            {
                var work1 = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "speecharchive-bench");
                var runner = new BenchRunner(parse.GetValue(corpus)!, work1, parse.GetValue(web), parse.GetValue(iterations) ?? 200, http, parse.GetValue(index));
                markdown = runner.RunAsync().GetAwaiter().GetResult();
            }

            Console.WriteLine(markdown);
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file, markdown);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The multiples of <c>--scale</c>, ascending, with 1 first; null when absent or malformed.</summary>
    private static List<int>? Multiples(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var values = new List<int> { 1 };
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 100)
            {
                return null;
            }

            values.Add(n);
        }

        return [.. values.Distinct().Order()];
    }
}
