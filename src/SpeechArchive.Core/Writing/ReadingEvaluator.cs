using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>A query with the formulations a reader named for it (none: it describes no formulation of the thesaurus).</summary>
public sealed record ReadingGold(string Id, string Kind, string Split, string Query, IReadOnlyList<string> Formulations);

/// <summary>How a reading of some queries compares with what they describe.</summary>
/// <param name="Queries">Queries read.</param>
/// <param name="Described">Those that describe a formulation (the others describe none).</param>
/// <param name="FirstRight">Described queries whose first formulation read is one they describe.</param>
/// <param name="AnyRight">Described queries with some formulation read that they describe.</param>
/// <param name="Wrong">Queries with a formulation read that they do not describe (first or second).</param>
/// <param name="FalseFire">Queries that describe none but had one read.</param>
/// <param name="Silent">Described queries with none read.</param>
/// <param name="Searched">Described queries searching one they describe, read as a formulation or as a word or a word's term (健身 of 锻炼身体).</param>
public sealed record ReadingScore(string Group, int Queries, int Described, int FirstRight, int AnyRight, int Wrong, int FalseFire, int Silent, int Searched);

/// <summary>One query's reading: the formulations read, and every word and term it searches.</summary>
public sealed record ReadingResult(string Id, string Group, string Query, IReadOnlyList<string> Expected, IReadOnlyList<string> Read, IReadOnlyList<string> Searched);

/// <summary>The scores of a reading run, per group, with each query's reading.</summary>
public sealed record ReadingReport(IReadOnlyList<ReadingScore> Scores, IReadOnlyList<ReadingResult> Results);

/// <summary>
/// Scores how free text is read against the thesaurus's formulations: on queries labelled with the formulations they describe
/// (<see cref="Gold"/>), and on the descriptions themselves, each read against the thesaurus without the fold it is in
/// (<see cref="HeldOutDescriptions"/>: a description is a paraphrase someone wrote of its formulation, so a reader that finds
/// the formulation from the others would find it from a new paraphrase in the same words).
/// </summary>
public static class ReadingEvaluator
{
    /// <summary>
    /// Reads labelled queries: a TSV of id, kind, split, query and the formulations described (comma-separated, <c>-</c> for
    /// none; each as the thesaurus holds it, <see cref="Thesaurus.FormOf"/>), a note after them ignored; lines starting with <c>#</c> and the header are skipped. A missing file or a short line
    /// throws <see cref="SpeechArchiveException"/> naming the file (and line).
    /// </summary>
    public static List<ReadingGold> LoadGold(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpeechArchiveException($"{path}: no such file");
        }

        var rows = new List<ReadingGold>();
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("id\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 5)
            {
                throw new SpeechArchiveException($"{path}:{number}: expected id, kind, split, query, formulations");
            }

            rows.Add(new ReadingGold(f[0], f[1], f[2], f[3], f[4] is "-" or "" ? [] : [.. f[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Thesaurus.FormOf)]));
        }

        return rows;
    }

    /// <summary>The formulations <paramref name="searcher"/> reads <paramref name="query"/> as (none when it is not read as free text).</summary>
    public static (IReadOnlyList<string> Formulations, IReadOnlyList<string> Searched) Read(Searcher searcher, string query)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var result = searcher.Search(new SearchRequest { Query = query, Limit = 1, SnippetLength = 20, ByMeaning = false });
        if (result.Reading is not { } reading)
        {
            return ([], [query]);
        }

        return (reading.Formulations, [.. reading.Words.SelectMany(w => w.Parts.Prepend(w.Word).Concat(w.Expansions)).Concat(reading.Formulations).Distinct()]);
    }

    private static ReadingResult Result(string id, string group, string query, IReadOnlyList<string> expected, Searcher searcher)
    {
        var (read, searched) = Read(searcher, query);
        return new ReadingResult(id, group, query, expected, read, searched);
    }

    public static ReadingReport Gold(Searcher searcher, IReadOnlyList<ReadingGold> gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var results = gold.Select(g => Result(g.Id, $"{g.Split}/{g.Kind}", g.Query, g.Formulations, searcher)).ToList();
        return Report(results);
    }

    /// <summary>
    /// Every description of <paramref name="thesaurus"/> (but those naming their formulation) read against the thesaurus without
    /// its fold of <paramref name="folds"/> (assigned by a hash of the description, so the same on every run); a formulation
    /// left with no description is left out for that fold.
    /// </summary>
    public static ReadingReport HeldOutDescriptions(Thesaurus thesaurus, int folds, Func<Thesaurus, Searcher> searcherFor)
    {
        ArgumentNullException.ThrowIfNull(thesaurus);
        ArgumentNullException.ThrowIfNull(searcherFor);
        var results = new List<ReadingResult>();
        foreach (var (fold, kept, held) in Folds(thesaurus, folds))
        {
            var searcher = searcherFor(thesaurus.WithFormulations(kept, $"{thesaurus.Source} without fold {fold + 1} of {folds}"));
            foreach (var (formulation, description) in held)
            {
                results.Add(Result(formulation, "descriptions", description, [formulation], searcher));
            }
        }

        return Report(results);
    }

    /// <summary>
    /// Each fold of <paramref name="thesaurus"/>'s descriptions (assigned by a hash of the description, so the same on every
    /// run): the formulations with the other folds' descriptions, and the fold's own with their formulations, but those
    /// naming their formulation (a search would find it as a word).
    /// </summary>
    internal static IEnumerable<(int Fold, List<(string Formulation, IReadOnlyList<string> Descriptions)> Kept, List<(string Formulation, string Description)> Held)> Folds(
        Thesaurus thesaurus, int folds)
    {
        for (var fold = 0; fold < folds; fold++)
        {
            yield return (fold,
                [.. thesaurus.Formulations.Select(f => (f.Formulation, (IReadOnlyList<string>)[.. f.Descriptions.Where(d => FoldOf(d, folds) != fold)]))],
                [.. thesaurus.Formulations.SelectMany(f => f.Descriptions.Where(d => FoldOf(d, folds) == fold && !d.Contains(f.Formulation, StringComparison.Ordinal))
                    .Select(d => (f.Formulation, d)))]);
        }
    }

    private static int FoldOf(string description, int folds)
    {
        var hash = 17u;
        foreach (var c in description)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)(hash % (uint)folds);
    }

    private static ReadingReport Report(List<ReadingResult> results)
    {
        var groups = results.GroupBy(r => r.Group).Select(g => Score(g.Key, [.. g])).ToList();
        if (groups.Count > 1)
        {
            groups.Add(Score("all", results));
        }

        return new ReadingReport(groups, results);
    }

    private static ReadingScore Score(string group, List<ReadingResult> results)
    {
        var described = results.Where(r => r.Expected.Count > 0).ToList();
        return new ReadingScore(group, results.Count, described.Count,
            described.Count(r => r.Read.Count > 0 && r.Expected.Contains(r.Read[0])),
            described.Count(r => r.Read.Any(r.Expected.Contains)),
            results.Count(r => r.Read.Any(f => !r.Expected.Contains(f))),
            results.Count(r => r.Expected.Count == 0 && r.Read.Count > 0),
            described.Count(r => r.Read.Count == 0),
            described.Count(r => r.Searched.Any(w => r.Expected.Any(e => w.Contains(e, StringComparison.Ordinal)))));
    }
}
