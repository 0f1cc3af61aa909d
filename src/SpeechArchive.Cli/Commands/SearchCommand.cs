using System.CommandLine;
using SpeechArchive.Search;
using Spectre.Console;

namespace SpeechArchive.Cli.Commands;

/// <summary><c>search</c>: run a query and print ranked passages with facets.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = Usage.QuerySyntax(new Argument<string[]>("query")
        {
            Description = "Words, \"phrases\", -exclusions, OR, (groups), and filters year:2022 year:2018..2022 theme: type: org: speaker:",
            Arity = ArgumentArity.OneOrMore,
        });
        var limit = new Option<int>("--limit") { Description = $"Hits per page (default 10, at most {SearchRequest.MaxLimit:N0}; 0 counts only)", DefaultValueFactory = _ => 10 }.Within(0, SearchRequest.MaxLimit);
        var offset = new Option<int>("--offset") { Description = $"Hits to skip (paging; at most {SearchRequest.MaxOffset:N0})" }.Within(0, SearchRequest.MaxOffset);
        var sort = new Option<string>("--sort") { Description = "relevance | date-desc | date-asc (date, the older word, is date-desc: newest first)", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "date-desc", "date-asc", "date");
        var group = new Option<bool>("--group") { Description = "One hit per speech (its best passage)" };
        var noExpand = new Option<bool>("--no-expand") { Description = "Search the words as typed, without their thesaurus terms or ranking by meaning" };
        var noNear = new Option<bool>("--no-near") { Description = "Strict matches only, no near matches after them" };
        var exact = new Option<bool>("--exact") { Description = "Search exactly as typed: every run of Chinese is one phrase, every word must match" };
        var noFold = new Option<bool>("--no-fold") { Description = "Each passage a hit of its own, the same text printed in several speeches included (by default shown once, the others listed under it)" };
        var withoutFormulation = new Option<string[]>("--without-formulation")
        {
            Description = "Do not read free text as describing this formulation (the read as: line's 'described'; repeat for several): its words, their thesaurus terms and its meaning are still searched",
        };
        var json = CommonOptions.Json("the result");
        var command = new Command("search", "Search the index.") { query, limit, offset, sort, group, noExpand, noNear, exact, noFold, withoutFormulation, json };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var searcher = ArchiveOptions.OpenSearcher(parse);
            var request = new SearchRequest
            {
                Query = string.Join(' ', parse.GetValue(query) ?? []),
                Limit = parse.GetValue(limit),
                Offset = parse.GetValue(offset),
                Sort = parse.GetValue(sort) switch { "date-desc" or "date" => SearchSort.DateDescending, "date-asc" => SearchSort.DateAscending, _ => SearchSort.Relevance },
                GroupBySpeech = parse.GetValue(group),
                Expand = !parse.GetValue(noExpand),
                NearMatches = !parse.GetValue(noNear),
                FoldReprints = !parse.GetValue(noFold),
                Mode = parse.GetValue(exact) ? SearchMode.Exact : SearchMode.Understood,
                WithoutFormulations = parse.GetValue(withoutFormulation) ?? [],
                Advise = true,
            };
            return CommonOptions.Print(parse, json, searcher.Search(request), r =>
            {
                Print(r, searcher.Index, request.Sort);
                if (r.Advice is { } advice)
                {
                    Advise(searcher, request, advice);
                }
            });
        }));
        return command;
    }

    /// <summary>
    /// What to try when nothing was found (the search page's advice, <see cref="SearchResult.Advice"/>): each suggestion
    /// searched first, with the same options and filters, and printed only where it finds passages; an exclusion or filter
    /// that emptied the result on a line of its own, with what the query finds without it.
    /// </summary>
    private static void Advise(Searcher searcher, SearchRequest request, NoResultsAdvice advice)
    {
        foreach (var part in advice.EmptiedBy)
        {
            var several = part.Kind == EmptyingPart.Exclusions || part.Values.Count > 1;
            var found = $"{part.Query} finds {part.Total} {(request.GroupBySpeech ? "speeches" : "passages")}";
            AnsiConsole.MarkupLine(Markup.Escape(part.Kind switch
            {
                EmptyingPart.Everything => $"the exclusions and filters {part.Part} leave nothing together: without any of them, {found}",
                _ => $"the {(part.Kind is EmptyingPart.Exclusion or EmptyingPart.Exclusions ? "exclusion" : "filter")}{(several ? "s" : "")} {part.Part} {(several ? "leave" : "leaves")} nothing: without {(several ? "them" : "it")}, {found}",
            }));
        }

        var tries = new List<string>();
        if (advice.WithoutTypedFilters is { } words)
        {
            tries.Add($"without the filters: {words}");
        }

        if (request.Mode == SearchMode.Exact && searcher.Count(request with { Mode = SearchMode.Understood }) > 0)
        {
            tries.Add("without --exact (the words need not run together as typed)");
        }

        if (advice.SingleWords.Count > 0)
        {
            tries.Add($"one word alone: {string.Join("  ", advice.SingleWords)}");
        }

        if (advice.ShorterPhrase is { } shorter)
        {
            tries.Add($"a shorter phrase: {shorter}");
        }

        if (advice.Unquoted is { } unquoted)
        {
            tries.Add($"without quotes: {unquoted}");
        }

        if (tries.Count > 0)
        {
            AnsiConsole.MarkupLine("[grey]" + (advice.EmptiedBy.Count > 0 ? "or try " : "try ") + Markup.Escape(string.Join("; or ", tries)) + "[/]");
        }
        else if (advice.EmptiedBy.Count == 0 && advice.FiltersOnly)
        {
            AnsiConsole.MarkupLine("[grey]no passage matches these filters: the facets above count the passages of the values that have some[/]");
        }
        else if (advice.EmptiedBy.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]nothing shorter or looser finds anything either: check for typos, or say it another way (廉政 / 廉洁)[/]");
        }
    }

    /// <summary>A word as read: 买房(买、房) split into parts, 穷人(as 贫困人口、困难群众) through its terms, 党风廉政建设(or 党风·廉政·建设).</summary>
    private static string Describe(QueryReadingWord w) =>
        w.Word + (w.TermsOnly ? $"(as {string.Join("、", w.Expansions)})" : w.Parts.Count > 0 ? $"({string.Join("、", w.Parts)})" : "")
        + (w.Components.Count > 0 ? $"(or {string.Join("·", w.Components)})" : "");

    private static void Print(SearchResult r, IndexSnapshot index, SearchSort sort)
    {
        var near = r.NearTotal > 0 ? $", then {r.NearTotal} near {Terminal.Noun(r.NearTotal, "match", "matches")}" : "";
        var folded = r.Folded > 0 ? $"; {r.Folded} printed elsewhere too, shown once (--no-fold: each)" : "";
        AnsiConsole.MarkupLine($"[bold]{r.Total}[/] {Terminal.Noun(r.Total, "passage", "passages")} in [bold]{r.TotalSpeeches}[/] {Terminal.Noun(r.TotalSpeeches, "speech", "speeches")}{near}{Markup.Escape(folded)} ({r.TookMs:F1} ms)");
        foreach (var note in r.FilterNotes)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        }

        if (r.Reading is { } reading)
        {
            var words = string.Join(" ", reading.Words.Select(Describe));
            var phrases = reading.Phrases.Count > 0 ? $"; each passage holding {string.Join(" ", reading.Phrases.Select(p => $"\"{p}\""))} as typed" : "";
            var dropped = reading.Dropped.Count > 0 ? $"; dropped {string.Join(" ", reading.Dropped)}" : "";
            var missing = reading.Missing.Count > 0 ? $"; not found {string.Join(" ", reading.Missing)}" : "";
            var formulations = reading.Formulations.Count > 0 ? $"; described, so also searched: {string.Join(" ", reading.Formulations)} (--without-formulation {reading.Formulations[0]}: not as it)" : "";
            var searched = reading.Words.Count > 0 ? $"{words} (at least {reading.MinimumMatch} of {reading.Words.Count}{(reading.NotCountedAlone.Count > 0 ? $"; {string.Join(" ", reading.NotCountedAlone)} alone {(reading.NotCountedAlone.Count < reading.AskedMinimum ? "not counted" : $"counted from {reading.AskedMinimum}")}" : "")})" : "no word the archive holds";
            AnsiConsole.MarkupLine($"[grey]read as: {Markup.Escape(searched)}{Markup.Escape(phrases + dropped + missing + formulations)}; {(reading.ByTitle > 0 ? $"{reading.ByTitle} by title, then " : "")}{reading.AsWritten} as written, {(sort == SearchSort.Relevance ? "ranked first" : "sorted by date with the rest (--exact: them alone)")}{(reading.MeaningSearched ? $"; ranked by meaning too ({reading.MeaningModel} vectors, model generation {reading.MeaningGeneration}), {reading.ByMeaning} by meaning alone (--no-expand: words only)" : "")} (--exact: only as typed)[/]");
        }

        foreach (var hint in r.YearFilters)
        {
            AnsiConsole.MarkupLine($"[grey]{hint.Year} searched as a word; as the year instead: {Markup.Escape(hint.Query)} ({hint.Results} {Terminal.Noun(hint.Results, "passage", "passages")})[/]");
        }

        foreach (var e in r.Expansions)
        {
            AnsiConsole.MarkupLine($"[grey]also searched for {Markup.Escape(e.Term)}: {Markup.Escape(string.Join("、", e.Alternatives))} (ranked after it)[/]");
        }

        var rank = r.Offset;
        foreach (var hit in r.Hits)
        {
            rank++;
            var date = hit.Date ?? hit.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "年份不详";
            var kind = hit.Match switch
            {
                HitMatch.Near => $" near {hit.Similarity:P0}",
                HitMatch.Aligned => $" (words, {hit.Similarity:P0} in order)",
                HitMatch.Expanded => " (thesaurus)",
                HitMatch.Words => " (words)",
                HitMatch.Formulation => " (formulation)",
                HitMatch.Heading => " (heading)",
                HitMatch.Title => " (title)",
                _ => "",
            };
            AnsiConsole.MarkupLine($"\n[bold]{rank}. {Markup.Escape(hit.Title)}[/] [grey]({Markup.Escape(date)}) {hit.PassageId} score {hit.Score:F2}{kind}[/]");
            if (hit.MatchedHeading is { } heading)
            {
                AnsiConsole.MarkupLine("   " + Terminal.FromSnippet(heading));
            }
            else if (hit.Section.Length > 0)
            {
                AnsiConsole.MarkupLine($"   [blue]{Markup.Escape(hit.Section)}[/]");
            }

            AnsiConsole.MarkupLine("   " + Terminal.FromSnippet(hit.Snippet));
            foreach (var reprint in hit.Reprints)
            {
                AnsiConsole.MarkupLine($"   [grey]同文另见 {Markup.Escape(reprint.Title)} ({Markup.Escape(reprint.Date ?? reprint.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "年份不详")}) {reprint.PassageId}[/]");
            }

            var labels = hit.Themes.Select(index.LabelOfTheme).Concat(hit.DirectiveTypes.Select(index.LabelOfDirectiveType)).ToList();
            if (labels.Count > 0)
            {
                AnsiConsole.MarkupLine($"   [grey]{Markup.Escape(string.Join(" · ", labels))}[/]");
            }
        }

        Facet("主题 theme", r.Facets.Theme);
        Facet("年份 year", r.Facets.Year, r.Facets.YearUnknown > 0 ? $"  无年份 no year {r.Facets.YearUnknown}" : "");
        Facet("指示类型 type", r.Facets.DirectiveType);
        Facet("单位 org", r.Facets.Organization);
        Facet("类别 category", r.Facets.Category);
    }

    private static void Facet(string name, IReadOnlyList<FacetValue> values, string unknown = "")
    {
        if (values.Count == 0)
        {
            return;
        }

        var shown = values.Take(15).Select(v => (v.Selected ? "[bold]" : "") + Markup.Escape($"{v.Label} {v.Count}") + (v.Selected ? "[/]" : ""));
        AnsiConsole.MarkupLine($"\n[grey]{name}:[/] {string.Join("  ", shown)}{(values.Count > 15 ? " …" : "")}[grey]{Markup.Escape(unknown)}[/]");
    }
}
