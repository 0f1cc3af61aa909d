using System.CommandLine;
using System.Globalization;
using SpeechArchive.Cli.Peers;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>recall-eval</c>: MRR@10 and recall@10 of a set of half-remembered queries, overall and per kind.</summary>
internal static class RecallEvalCommand
{
    public const string DefaultSet = "tests/SpeechArchive.Tests/Fixtures/Recall/queries.tsv";

    public static Command Create()
    {
        var queries = new Option<string>("--queries") { Description = $"Recall set TSV (default: {DefaultSet})", DefaultValueFactory = _ => DefaultSet };
        var corpus = new Option<string[]>("--corpus")
        {
            Description = "Build a temporary index of these folders instead of using --index (e.g. --corpus corpus --corpus ../shared/corpus/reports)",
            AllowMultipleArgumentsPerToken = true,
        };
        var strict = new Option<bool>("--strict") { Description = "Search without the thesaurus and near matches (the baseline)" };
        var words = new Option<bool>("--words") { Description = "Search as plain BM25 over the query's words, ORed (the baseline people's questions are compared with)" };
        var peer = new Option<bool>("--peer") { Description = $"Score the peer instead: plain BM25 over the words of Lucene's SmartChineseAnalyzer ({SmartcnPeer.Name}; needs java and liblucene8-java)" };
        var misses = new Option<bool>("--misses") { Description = "List the queries whose passage did not come first" };
        var warmUp = new Option<int>("--warm-up") { Description = "Searches of the set's first queries before timing (default 50)", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json("the report");
        var command = new Command("recall-eval", "Score the main search on half-remembered queries: MRR@10 and recall@10, overall and per kind.") { queries, corpus, strict, words, peer, misses, warmUp, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            if (parse.GetValue(peer) && (parse.GetValue(strict) || parse.GetValue(words)))
            {
                throw new SpeechArchiveException("recall-eval: --peer scores the peer's own ranking; it cannot be combined with --strict or --words");
            }

            var set = RecallSet.Load(parse.GetValue(queries)!);
            var folders = parse.GetValue(corpus) ?? [];
            int Score(IndexSnapshot index)
            {
                var searcher = parse.GetValue(strict) ? new Searcher(index) : ArchiveOptions.OpenSearcher(index, parse);
                var rankings = parse.GetValue(peer) ? SmartcnPeer.Rank(index, [.. set.Select(q => q.Query).Distinct()], 10) : null;
                var byPeer = rankings is not null;
                var report = RecallEvaluator.Evaluate(searcher, set, warmUp: parse.GetValue(warmUp), mode: parse.GetValue(words) ? SearchMode.Words : SearchMode.Understood, rankings: rankings);
                return CommonOptions.Print(parse, json, report, r => Print(r, index, parse.GetValue(misses), byPeer));
            }

            return folders.Length > 0 ? EvalIndex.Staged(folders, Score) : Score(CommonOptions.OpenIndex(parse));
        }));
        return command;
    }

    private static void Print(RecallReport report, IndexSnapshot index, bool misses, bool byPeer)
    {
        var table = new Table().AddColumns("kind", "queries", $"MRR@{report.K}", $"recall@{report.K}");
        foreach (var s in report.PerKind.Append(report.Overall))
        {
            table.AddRow(s.Kind, s.Queries.ToString(CultureInfo.InvariantCulture), s.Mrr.ToString("0.000", CultureInfo.InvariantCulture), s.Recall.ToString("0.000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (byPeer)
        {
            AnsiConsole.MarkupLine($"{index.Passages.Count:N0} passages; the peer's rankings (not timed)");
        }
        else
        {
            AnsiConsole.MarkupLine($"{index.Passages.Count:N0} passages; search (after {report.WarmUp} warm-up searches) {report.MeanMs:0.0} ms on average, {report.P95Ms:0.0} ms at the 95th percentile, {report.MaxMs:0.0} ms at most");
        }

        if (report.Slowest.Count > 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape("slowest: " + string.Join("; ", report.Slowest.Select(t => $"[{t.Query.Kind}] {t.Query.Query} {t.Ms.ToString("0.0", CultureInfo.InvariantCulture)} ms"))));
        }

        if (misses)
        {
            foreach (var m in report.Misses)
            {
                var rank = m.Rank is int r ? "rank " + r : "not in top " + report.K;
                AnsiConsole.MarkupLine(Markup.Escape($"[{m.Query.Kind}] {m.Query.Query} → {m.Query.Target} ({m.Query.Source}): {rank}; first: {m.FirstPassageId} {m.FirstText}"));
            }
        }
    }
}
