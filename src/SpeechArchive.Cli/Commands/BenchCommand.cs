using System.CommandLine;
using SpeechArchive.Cli.Bench;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>bench</c>: the reproducible benchmark behind docs/benchmarks.md.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Corpus to measure (copied first)", DefaultValueFactory = _ => Path.Combine("..", "shared", "corpus") };
        var work = new Option<string>("--work") { Description = "Scratch folder (deleted and recreated)", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "speecharchive-bench") };
        var web = new Option<string?>("--web") { Description = "SpeechArchive.Web.dll to load-test over HTTP (build it with -c Release first); omit to skip HTTP" };
        var iterations = new Option<int>("--iterations") { Description = "Repetitions of the query mix", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--http-seconds") { Description = "Seconds per HTTP load step", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out") { Description = "Also write the Markdown report to this file" };
        var index = new Option<string?>("--existing") { Description = "Measure this existing index as it is: skip the corpus copy, the build and the reindexes (queries and HTTP only)" };
        var command = new Command("bench", "Measure indexing, in-process queries and HTTP throughput; prints a Markdown report.") { corpus, work, web, iterations, seconds, output, index };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var runner = new BenchRunner(parse.GetValue(corpus)!, parse.GetValue(work)!, parse.GetValue(web), parse.GetValue(iterations), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(index));
            var markdown = runner.RunAsync().GetAwaiter().GetResult();
            Console.WriteLine(markdown);
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file, markdown);
            }

            return 0;
        }));
        return command;
    }
}
