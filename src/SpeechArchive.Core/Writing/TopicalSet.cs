using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>One topical information need: a query as people type it, its kind (topic, question, paraphrase), and the split it belongs to.</summary>
/// <param name="Split"><c>tune</c> (ranking may be tuned on it) or <c>test</c> (reported only).</param>
/// <param name="Need">What a passage must say to be relevant (the judges' instruction).</param>
public sealed record TopicalNeed(string Id, string Kind, string Split, string Query, string Need);

/// <summary>
/// A topical relevance set: needs (<c>id, kind, split, query, need</c>) and graded judgments (<c>id, passage, grade, note</c>;
/// grade 0, 1 or 2), both TSV with a header; lines starting with # are comments. Passages are named by passage id in an
/// index staged as <see cref="RecallCorpus"/> lays the folders out.
/// </summary>
public sealed record TopicalSet(IReadOnlyList<TopicalNeed> Needs, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Judgments)
{
    public static TopicalSet Load(string needsPath, string judgmentsPath)
    {
        var needs = Rows(needsPath, 5).Select(f => new TopicalNeed(f[0], f[1], f[2], f[3], f[4])).ToList();
        return new TopicalSet(needs, File.Exists(judgmentsPath) ? LoadJudgments(judgmentsPath) : new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal));
    }

    /// <summary>
    /// The graded judgments of a TSV (<c>id, passage, grade, note</c>), by need and passage: a second judge's grades of a set's
    /// needs read on their own (<c>eval-topical --order-by</c>). A missing file or a grade not 0, 1 or 2 throws, naming the file.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> LoadJudgments(string judgmentsPath)
    {
        var judgments = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var f in Rows(judgmentsPath, 3))
        {
            if (!int.TryParse(f[2], out var grade) || grade is < 0 or > 2)
            {
                throw new SpeechArchiveException($"{judgmentsPath}: grade “{f[2]}” of {f[0]} {f[1]} is not 0, 1 or 2");
            }

            if (!judgments.TryGetValue(f[0], out var graded))
            {
                graded = new Dictionary<string, int>(StringComparer.Ordinal);
                judgments[f[0]] = graded;
            }

            graded[f[1]] = grade;
        }

        return judgments.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// This set and <paramref name="other"/> as one (the needs of both, each need with its own set's judgments): what
    /// <c>eval-topical --learn-order</c> learns from. A need id in both is an error, since one set's grades would score the other's need.
    /// </summary>
    public TopicalSet With(TopicalSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Needs.Select(n => n.Id).Concat(Judgments.Keys).Intersect(other.Needs.Select(n => n.Id).Concat(other.Judgments.Keys), StringComparer.Ordinal)
                .FirstOrDefault() is { } shared)
        {
            throw new SpeechArchiveException($"need {shared} is in both topical sets");
        }

        var judgments = Judgments.Concat(other.Judgments).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new TopicalSet([.. Needs, .. other.Needs], judgments);
    }

    /// <summary>
    /// The judged passages <paramref name="index"/> does not hold, with how many were judged: over an index not built as the
    /// judgments were (the folders of <c>--corpus</c>, laid out as <c>recall-eval</c> lays them), most are missing and every
    /// score is meaningless.
    /// </summary>
    public (int Missing, int Judged, string? Example) MissingFrom(IndexSnapshot index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var judged = Judgments.Values.SelectMany(g => g.Keys).Distinct(StringComparer.Ordinal).ToList();
        var missing = judged.Where(id => index.FindPassage(id) is null).ToList();
        return (missing.Count, judged.Count, missing.Order(StringComparer.Ordinal).FirstOrDefault());
    }

    /// <summary>The grade of <paramref name="passageId"/> for need <paramref name="id"/>; null when it was never judged.</summary>
    public int? Grade(string id, string passageId) =>
        Judgments.TryGetValue(id, out var graded) && graded.TryGetValue(passageId, out var g) ? g : null;

    private static IEnumerable<string[]> Rows(string path, int fields)
    {
        if (!File.Exists(path))
        {
            throw new SpeechArchiveException($"topical set file not found: {path}");
        }

        var lines = File.ReadAllLines(path);
        var header = true;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false; // the first line that is not a comment names the columns
                continue;
            }

            var f = lines[i].Split('\t');
            if (f.Length < fields)
            {
                throw new SpeechArchiveException($"{path}:{i + 1}: expected {fields} tab-separated fields, found {f.Length}");
            }

            yield return f;
        }
    }
}
