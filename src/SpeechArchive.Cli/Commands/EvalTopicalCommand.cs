using System.CommandLine;
using System.Globalization;
using System.Text;
using SpeechArchive.Cli.Peers;
using SpeechArchive.Search;
using SpeechArchive.Writing;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary>
/// <c>eval-topical</c>: nDCG@10 and P@10 of the topical needs per kind and split, for the free-text ranking, the strict phrase
/// mode and plain BM25 over words in one run; <c>--pool</c> writes the unjudged passages of their top ten for judging.
/// </summary>
internal static class EvalTopicalCommand
{
    public const string DefaultNeeds = "tests/SpeechArchive.Tests/Fixtures/Topical/needs.tsv";
    public const string DefaultJudgments = "tests/SpeechArchive.Tests/Fixtures/Topical/judgments.tsv";

    /// <summary>
    /// Topics, questions and paraphrases written to learn from (split tune, never reported): <c>--learn-order</c> learns the
    /// topical and free-text orders from them beside the default set's tune split.
    /// </summary>
    public const string LearningNeeds = "tests/SpeechArchive.Tests/Fixtures/Topical/tune2-needs.tsv";

    public const string LearningJudgments = "tests/SpeechArchive.Tests/Fixtures/Topical/tune2-judgments.tsv";

    public static Command Create()
    {
        var needs = new Option<string>("--needs") { Description = $"Needs TSV (default: {DefaultNeeds})", DefaultValueFactory = _ => DefaultNeeds };
        var judgments = new Option<string>("--judgments") { Description = $"Judgments TSV (default: {DefaultJudgments})", DefaultValueFactory = _ => DefaultJudgments };
        var corpus = new Option<string[]>("--corpus")
        {
            Description = $"Folders to index into a temporary index, laid out as recall-eval does (default: {string.Join(", ", EvalIndex.DefaultCorpus)}); --existing uses --index instead",
            AllowMultipleArgumentsPerToken = true,
        };
        var existing = new Option<bool>("--existing") { Description = "Evaluate the index in --index instead of building one" };
        var pool = new Option<string?>("--pool") { Description = "Write the passages of every mode's top ten that were never judged to this TSV (for judging)" };
        var poolDepth = new Option<int?>("--pool-depth")
        {
            Description = $"With --pool: pool each mode's first this many ({TopicalEvaluator.K} to {TopicalEvaluator.MaxBestOrderOf}; default {TopicalEvaluator.K}), e.g. the first twenty an order reorders, so that it learns from judged pairs where it moves passages",
        };
        var perNeed = new Option<bool>("--per-need") { Description = "Also print each need's nDCG@10 in every mode" };
        var modes = new Option<string[]>("--modes")
        {
            Description = $"Only these rankings ({string.Join(", ", TopicalMode.All.Select(m => m.Name))}; default all), e.g. to pool fewer rows",
            AllowMultipleArgumentsPerToken = true,
        };
        var peer = new Option<bool>("--peer") { Description = $"Also rank with the peer: plain BM25 over the words of Lucene's SmartChineseAnalyzer ({SmartcnPeer.Name}; needs java and liblucene8-java)" };
        var show = new Option<string[]>("--show") { Description = "Also print these needs' top ten in every mode, each passage with its grade (- unjudged)", AllowMultipleArgumentsPerToken = true };
        var learnOrder = new Option<bool>("--learn-order")
        {
            Description = $"Instead of scoring, learn the topical order's weights from the tune split's judged topics, and the free-text order's from its needs read as questions and, apart, from those read as statements (asking nothing), and print them (Ranker.Topical.cs and Ranker.FreeTextOrder.cs hold them); with the default --needs, the topics, questions and paraphrases of {LearningNeeds} are learned from too",
        };
        var leaveOneOut = new Option<bool>("--leave-one-out")
        {
            Description = "With --learn-order: also learn each order again with each need left out in turn and score that need's candidates ordered by it (nDCG@10, reprints not folded), beside the candidates as they came: how the order does on needs it never saw, read from the learning needs alone",
        };
        var noFold = new Option<bool>("--no-fold")
        {
            Description = "Grade every passage on its own, reprints included (the protocol before folding); by default the passages that print one text are one result, as the search shows them",
        };
        var condensed = new Option<bool>("--condensed")
        {
            Description = $"Read each ranking {TopicalEvaluator.CondensedDepth} deep and leave out its unjudged passages before scoring the first ten (condensed lists: a screen for a ranking that brings in rows never judged; judge them before quoting it)",
        };
        var json = CommonOptions.Json("the report");
        var bestOrderOf = new Option<int?>("--best-order-of")
        {
            Description = $"Read each ranking this deep ({TopicalEvaluator.K} to {TopicalEvaluator.MaxBestOrderOf}) and put its passages in the order of their grades before scoring the first ten: what a perfect ordering of what it found would reach (a diagnosis of ordering against finding; it reads the judgments)",
        };
        var orderBy = new Option<string?>("--order-by")
        {
            Description = "With --best-order-of: order each ranking's passages by this judgments TSV's grades (a second judge's, of the same needs; one it never graded as 0, ties as ranked) and score them by --judgments: how a reader that agrees with the first judge as far as a second one does would order what was found; prints how far the two judges agree",
        };
        var command = new Command("eval-topical", "Score free-text search on topical needs: nDCG@10 and P@10 per kind and split, against the strict phrase mode and plain BM25 over words.")
            { needs, judgments, corpus, existing, pool, poolDepth, perNeed, modes, peer, show, learnOrder, leaveOneOut, noFold, condensed, bestOrderOf, orderBy, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var set = TopicalSet.Load(parse.GetValue(needs)!, parse.GetValue(judgments)!);
            var chosen = Modes(parse.GetValue(modes)); // usage errors before an index is built
            if (parse.GetValue(condensed) && parse.GetValue(pool) is not null)
            {
                throw new UsageException("--pool writes the unjudged passages of the top tens: it cannot be combined with --condensed, which leaves them out");
            }

            if (parse.GetValue(poolDepth) is { } deep)
            {
                if (parse.GetValue(pool) is null)
                {
                    throw new UsageException("--pool-depth says how deep --pool reads each ranking: give --pool too");
                }

                if (!TopicalEvaluator.IsBestOrderDepth(deep))
                {
                    throw new UsageException($"--pool-depth: {deep} is not between {TopicalEvaluator.K} and {TopicalEvaluator.MaxBestOrderOf}");
                }
            }

            if (parse.GetValue(bestOrderOf) is { } depth)
            {
                if (!TopicalEvaluator.IsBestOrderDepth(depth))
                {
                    throw new UsageException($"--best-order-of: {depth} is not between {TopicalEvaluator.K} and {TopicalEvaluator.MaxBestOrderOf}");
                }

                if (parse.GetValue(condensed) || parse.GetValue(pool) is not null || parse.GetValue(learnOrder))
                {
                    throw new UsageException("--best-order-of puts each ranking in the order of its grades: it cannot be combined with --condensed, --pool or --learn-order");
                }
            }

            if (parse.GetValue(leaveOneOut) && !parse.GetValue(learnOrder))
            {
                throw new UsageException("--leave-one-out scores how the orders are learned: give --learn-order too");
            }

            if (parse.GetValue(orderBy) is not null && parse.GetValue(bestOrderOf) is null)
            {
                throw new UsageException("--order-by orders each ranking read to a depth by a second judge's grades: give --best-order-of too");
            }

            var second = parse.GetValue(orderBy) is { } orderPath ? SecondJudgments(set, parse.GetValue(needs)!, orderPath) : null;
            var shownIds = (parse.GetValue(show) ?? [])
                .Select(id => set.Needs.FirstOrDefault(n => string.Equals(n.Id, id, StringComparison.OrdinalIgnoreCase))?.Id
                    ?? throw new UsageException($"--show: no need {id} in the set"))
                .ToList();

            return EvalIndex.With(parse, corpus, existing, index =>
            {
                var searcher = ArchiveOptions.OpenSearcher(index, parse);
                if (parse.GetValue(existing) && set.MissingFrom(index) is { Missing: > 0 } missing)
                {
                    Console.Error.WriteLine($"warning: the index in {parse.GetValue(CommonOptions.Index)} holds {missing.Judged - missing.Missing:N0} of the {missing.Judged:N0} " +
                        $"passages judged (not {missing.Example}): the judgments were made over an index of the --corpus folders laid out as recall-eval lays them " +
                        "(drop --existing to build one), so passages it lacks count as not found");
                }

                if (parse.GetValue(learnOrder))
                {
                    var learnFrom = SamePath(parse.GetValue(needs)!, DefaultNeeds) ? set.With(TopicalSet.Load(LearningNeeds, LearningJudgments)) : set;
                    return CommonOptions.Print(parse, json, LearnedOrders.Learn(searcher, learnFrom, parse.GetValue(leaveOneOut)), PrintModels);
                }

                var rankings = chosen;
                if (parse.GetValue(peer))
                {
                    rankings = [.. rankings, new TopicalMode(SmartcnPeer.Name, SearchMode.Words)
                        { Rankings = SmartcnPeer.Rank(index, [.. set.Needs.Select(n => n.Query).Distinct()],
                            Math.Max(Math.Max(4 * TopicalEvaluator.K, TopicalEvaluator.CondensedDepth), 2 * Math.Max(parse.GetValue(bestOrderOf) ?? 0, parse.GetValue(poolDepth) ?? 0))) }]; // deeper: folded (or condensed, put in the best order or pooled deeper), then cut
                }

                var report = TopicalEvaluator.Evaluate(searcher, set, rankings, foldReprints: !parse.GetValue(noFold), condensed: parse.GetValue(condensed),
                    bestOrderOf: parse.GetValue(bestOrderOf), orderBy: second);
                var grades = report.Grades!;
                if (parse.GetValue(pool) is { } poolPath)
                {
                    WritePool(poolPath, set, grades, index, (need, run) => parse.GetValue(poolDepth) is { } deep && deep > TopicalEvaluator.K
                        ? TopicalEvaluator.Ranking(searcher, need.Query, rankings.First(m => m.Name == run.Mode), grades, deep)
                        : run.Results.First(r => r.Need.Id == need.Id).Ranking, report.Runs);
                }

                var shown = CommonOptions.Print(parse, json, report, r => Print(r, parse.GetValue(perNeed)));
                foreach (var id in shownIds)
                {
                    Show(report, grades, index, id);
                }

                return shown;
            });
        }));
        return command;
    }

    /// <summary>The second judge's grades for <c>--order-by</c>: a file that exists and grades some need of the set, or a usage error.</summary>
    private static TopicalSet SecondJudgments(TopicalSet set, string needsPath, string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--order-by: no such file {path}");
        }

        var second = set with { Judgments = TopicalSet.LoadJudgments(path) };
        return set.Needs.Any(n => second.Judgments.ContainsKey(n.Id)) ? second
            : throw new UsageException($"--order-by: {path} grades none of the needs of {needsPath}");
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static void PrintModels(LearnedOrders orders)
    {
        if (orders.Topical is { } topical)
        {
            Console.WriteLine("The topical order (topics matched strictly):");
            PrintModel(topical, "Ranker.TopicalWeights");
            Console.WriteLine();
        }

        if (orders.FreeText is { } freeText)
        {
            Console.WriteLine("The free-text order (needs read as questions):");
            PrintModel(freeText, "Ranker.FreeTextWeights");
            Console.WriteLine();
        }

        if (orders.Statements is { } statements)
        {
            Console.WriteLine("The free-text order (needs read as statements, asking nothing):");
            PrintModel(statements, "Ranker.StatementWeights");
        }

        foreach (var reason in orders.Unlearned)
        {
            Console.WriteLine($"Not learned: {reason}.");
        }
    }

    private static void PrintModel(TopicalOrderModel model, string field)
    {
        PrintWeights(model.Names, model.Weights, model.Standardised, $"{model.Pairs} judged pairs of {model.Candidates} passages, {model.Needs} needs. As {field}:");
        if (model.LeftOut is { } left)
        {
            Console.WriteLine($"Each of the {left.Needs} needs left out in turn, ordered by what the others teach: nDCG@10 {F(left.Ordered)}, as they came {F(left.Unordered)} (reprints not folded).");
        }
    }

    /// <summary>Learned weights as a table (per unit and per standard deviation), then <paramref name="source"/> and the line the code holds.</summary>
    internal static void PrintWeights(IReadOnlyList<string> names, double[] weights, double[] standardised, string source)
    {
        var table = new Table().AddColumns("feature", "weight per unit", "weight per standard deviation");
        for (var f = 0; f < names.Count; f++)
        {
            table.AddRow(Markup.Escape(names[f]), F4(weights[f]), F4(standardised[f]));
        }

        AnsiConsole.Write(table);
        Console.WriteLine(source);
        Console.WriteLine($"[{string.Join(", ", weights.Select(F4))}]");
    }

    internal static string F4(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);

    private static void Print(TopicalReport report, bool perNeed)
    {
        if (report is { BestOrderOf: { } judged, OrderedBy: { } second })
        {
            var a = second.Agreement;
            Console.WriteLine($"Each ranking's first {judged} put in the order of a second judge's grades (ties as ranked), then scored by the first judge's: how a reader that agrees with the first judge as far as the second does would order what it found (unjudged: of all {judged} read).");
            Console.WriteLine("Never graded by the second judge, so ordered as 0: " + string.Join("; ", second.Ungraded.Select(u => $"{u.Mode} {u.Ungraded} of the {u.Read} read")) + ".");
            if (second.NeedsGradedNone.Count > 0)
            {
                Console.WriteLine($"The second judge graded nothing for {second.NeedsGradedNone.Count} needs, which keep their order as ranked: {string.Join(", ", second.NeedsGradedNone)}.");
            }

            Console.WriteLine(a is { Exact: { } exact, WeightedKappa: { } kappa }
                ? $"The judges agree on the {a.Rows} rows both graded: the same grade for {F(exact)}, Cohen's κ (linear weights) {F(kappa)}."
                : "The judges graded no row in common: no agreement to give.");
            var agreement = new Table().AddColumns("first judge's grade", "second: 0", "second: 1", "second: 2");
            for (var g = 0; g < a.Table.Count; g++)
            {
                agreement.AddRow([g.ToString(CultureInfo.InvariantCulture), .. a.Table[g].Select(n => n.ToString(CultureInfo.InvariantCulture))]);
            }

            AnsiConsole.Write(agreement);
        }
        else if (report.BestOrderOf is { } depth)
        {
            Console.WriteLine($"Each ranking's first {depth} put in the order of their grades before its first {report.K} are scored: what a perfect ordering of what it found would reach (a diagnosis, not a ranking; unjudged: of all {depth} read).");
        }

        var table = new Table().AddColumns("split", "kind", "needs");
        foreach (var run in report.Runs)
        {
            table.AddColumn($"{run.Mode} nDCG@{report.K} / P@{report.K}");
        }

        foreach (var s in report.Runs[0].Scores)
        {
            var cells = new List<string> { s.Split, s.Kind, s.Needs.ToString(CultureInfo.InvariantCulture) };
            foreach (var run in report.Runs)
            {
                var r = run.Scores.First(x => x.Kind == s.Kind && x.Split == s.Split);
                var notes = string.Join(", ", new[] { (r.Empty, "empty"), (r.Unjudged, "unjudged") }.Where(n => n.Item1 > 0).Select(n => $"{n.Item1} {n.Item2}"));
                cells.Add($"{F(r.Ndcg)} / {F(r.Precision)}" + (notes.Length > 0 ? $" ({notes})" : ""));
            }

            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
        if (report.Differences.Count > 0)
        {
            // The lead of the first ranking over each other one, need by need: within the noise of a few needs or not.
            var first = report.Runs[0];
            var differences = new Table().AddColumns("split", "kind", "needs");
            foreach (var run in report.Runs.Skip(1))
            {
                differences.AddColumn(Markup.Escape($"{first.Mode} − {run.Mode}: mean [95 % CI] p"));
            }

            foreach (var s in first.Scores)
            {
                var cells = new List<string> { s.Split, s.Kind, s.Needs.ToString(CultureInfo.InvariantCulture) };
                foreach (var run in report.Runs.Skip(1))
                {
                    var d = report.Differences.First(x => x.Against == run.Mode && x.Kind == s.Kind && x.Split == s.Split).Ndcg;
                    var unjudged = s.Unjudged + run.Scores.First(x => x.Kind == s.Kind && x.Split == s.Split).Unjudged;
                    var interval = d.Low is { } low && d.High is { } high ? $"[{Signed(low)}, {Signed(high)}]" : "[—]";
                    cells.Add($"{Signed(d.Mean)} {interval} {(d.P < 0.0005 ? "<0.001" : d.P.ToString("0.000", CultureInfo.InvariantCulture))}"
                        + (unjudged > 0 ? $" ({unjudged} unjudged)" : ""));
                }

                differences.AddRow(cells.Select(Markup.Escape).ToArray());
            }

            AnsiConsole.Write(differences);
        }

        if (perNeed)
        {
            foreach (var (result, i) in report.Runs[0].Results.Select((r, i) => (r, i)))
            {
                var scores = string.Join("  ", report.Runs.Select(run => $"{run.Mode} {F(run.Results[i].Ndcg)}"));
                AnsiConsole.MarkupLine(Markup.Escape($"{result.Need.Id} [{result.Need.Kind}/{result.Need.Split}] {result.Need.Query}: {scores}"));
            }
        }
    }

    /// <summary>The rankings named, given as separate words or joined by commas (<c>--modes Hybrid,BM25</c>).</summary>
    private static IReadOnlyList<TopicalMode> Modes(string[]? names)
    {
        if (names is not { Length: > 0 })
        {
            return TopicalMode.All;
        }

        var given = names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList(); // a ranking named twice is run once
        var known = string.Join(", ", TopicalMode.All.Select(m => m.Name));
        return given.Count == 0 ? throw new UsageException($"--modes: name at least one ranking: {known}")
            : [.. given.Select(n => TopicalMode.All.FirstOrDefault(m => string.Equals(m.Name, n, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"--modes: no ranking {n}; there are {known}"))];
    }

    /// <summary>One need's top ten in every mode, each passage with its grade, title and opening: the reading behind a figure.</summary>
    private static void Show(TopicalReport report, TopicalGrades grades, IndexSnapshot index, string id)
    {
        foreach (var run in report.Runs)
        {
            var result = run.Results.First(r => r.Need.Id == id); // the ids were checked before the index was built
            Console.WriteLine($"== {id} {result.Need.Query} · {run.Mode} nDCG@10 {F(result.Ndcg)}");
            foreach (var (passage, rank) in result.Ranking.Select((p, i) => (p, i + 1)))
            {
                var grade = grades.Grade(id, passage) is int g ? g.ToString(CultureInfo.InvariantCulture) : "-";
                var (title, _, text) = Describe(index, passage);
                Console.WriteLine($"{rank,2} [{grade}] {passage} 《{title}》 {(text.Length > 70 ? text[..70] + "…" : text)}");
            }
        }
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double x) => x.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// The unjudged passages of every mode's top ten (or first <c>--pool-depth</c>: <paramref name="rankingOf"/>), one row per (need,
    /// passage), modes not named: judges grade blind.
    /// </summary>
    private static void WritePool(string path, TopicalSet set, TopicalGrades grades, IndexSnapshot index,
        Func<TopicalNeed, TopicalRun, IReadOnlyList<string>> rankingOf, IReadOnlyList<TopicalRun> runs)
    {
        var sb = new StringBuilder("id\tquery\tneed\tpassage\ttext\n");
        var rows = 0;
        foreach (var need in set.Needs)
        {
            var pooled = runs.SelectMany(run => rankingOf(need, run))
                .Distinct().Where(p => grades.Grade(need.Id, p) is null)
                .OrderBy(p => StableHash(need.Id + p)).ToList();
            foreach (var passage in pooled)
            {
                var (title, heading, text) = Describe(index, passage);
                sb.Append(need.Id).Append('\t').Append(need.Query).Append('\t').Append(need.Need).Append('\t').Append(passage).Append('\t')
                    .Append('《').Append(title).Append("》 ").Append(heading.Length > 0 ? heading + " ¶ " : "").Append(text).Append('\n');
                rows++;
            }
        }

        File.WriteAllText(path, sb.ToString());
        Console.Error.WriteLine($"pool: {rows} unjudged passages written to {path}");
    }

    /// <summary>A passage as a judge or reader sees it: its speech's title, its section and its text, each on one line (empty when the index has no such passage).</summary>
    private static (string Title, string Heading, string Text) Describe(IndexSnapshot index, string passage) =>
        index.FindPassage(passage) is int d
            ? (index.Speeches[index.Passages[d].Speech].Title, Flat(index.Passages[d].SectionPath), Flat(index.PassageText(d)))
            : ("", "", "");

    private static string Flat(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static ulong StableHash(string s)
    {
        var h = 1469598103934665603UL;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
