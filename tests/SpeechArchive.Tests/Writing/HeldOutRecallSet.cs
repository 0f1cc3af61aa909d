using System.Text;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// Makes the held-out recall set (Fixtures/Recall/heldout.tsv) the way an outside evaluator would, from the text
/// alone and without the engine: it reads the corpus files itself (front matter dropped, one paragraph per line), takes a
/// clause — a run of 8–30 Han characters between punctuation that occurs once in the whole corpus — from a body paragraph
/// (not a heading) no
/// committed query targets, and edits it with its own rules: one or two characters dropped anywhere (apart or together),
/// the halves swapped at any cut, one near-synonym of its own list (many not in the thesaurus, some adding or reordering
/// words), or a six-character core from the middle. A query found verbatim in another paragraph is skipped as ambiguous
/// (and an exact clause or a core must occur in its own paragraph only). The only thing asked of the index is whether the
/// clause is in a passage at all (a numbered heading ending in 。 is not). Deterministic for a seed.
/// </summary>
public static class HeldOutRecallSet
{
    public const int Seed = 20240605;
    public const int PerKind = 100;
    public const string FileName = "heldout.tsv";

    /// <summary>
    /// Substitutions a writer makes from memory (the speech's word → the word typed). Drawn up from the examples and
    /// this domain's usage, independently of the sampler's list and of the thesaurus.
    /// </summary>
    public static IReadOnlyList<(string Written, string Typed)> Substitutions { get; } =
    [
        ("反腐败", "反腐"), ("加强", "强化"), ("纪律和规矩", "规矩和纪律"), ("坚持", "始终坚持"), ("推进", "推动"), ("进一步", "更加"),
        ("贯彻", "落实"), ("落实", "贯彻"), ("严格", "从严"), ("认真", "切实"), ("切实", "扎实"), ("提高", "提升"), ("建立", "建设"),
        ("建设", "建立"), ("健全", "完善"), ("完善", "健全"), ("制度", "机制"), ("体制", "体系"), ("问题", "矛盾"), ("当前", "目前"),
        ("目前", "当前"), ("必须", "一定要"), ("重大", "重要"), ("重要", "重大"), ("进行", "开展"), ("开展", "进行"), ("取得", "获得"),
        ("防止", "防范"), ("加快", "加速"), ("显著", "明显"), ("明显", "显著"), ("人民", "人民群众"), ("群众", "人民群众"), ("我国", "我们国家"),
        ("努力", "着力"), ("大力", "全力"), ("积极", "主动"), ("深入", "深化"), ("不断", "持续"), ("保持", "保证"), ("充分", "全面"),
        ("各级", "各地"), ("监督", "监管"), ("管理", "治理"), ("巩固", "夯实"), ("领导干部", "党员干部"), ("发展", "发扬"), ("实现", "达到"),
        ("教育", "培训"), ("改革开放", "开放改革"), ("经济和社会", "社会和经济"), ("党风廉政", "廉政党风"), ("一定要", "必须"),
    ];

    /// <summary>The set for the given corpus folders (prefix → folder, e.g. "corpus" → corpus/, "reports" → ../shared/corpus/reports).</summary>
    public static List<RecallQuery> Make(IReadOnlyList<(string Prefix, string Folder)> folders, IReadOnlyList<RecallQuery> exclude, Func<RecallQuery, bool> isPassage, int seed = Seed, int perKind = PerKind)
    {
        var paragraphs = new List<(string Source, string Text)>();
        var own = new List<int>();
        var others = new List<int>();
        foreach (var (prefix, folder) in folders)
        {
            foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith("README", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var line in Body(File.ReadAllText(file)).Split('\n'))
                {
                    if (IsParagraph(line.Trim()))
                    {
                        (prefix == "corpus" ? own : others).Add(paragraphs.Count);
                        paragraphs.Add((prefix + "/" + name, line.Trim()));
                    }
                }
            }
        }

        var all = new StringBuilder();
        var starts = new List<int>();
        foreach (var (_, text) in paragraphs)
        {
            starts.Add(all.Length);
            all.Append(text).Append('\n');
        }

        var corpus = all.ToString();
        var used = new HashSet<int>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (exclude.Any(q => paragraphs[p].Text.Contains(q.Target, StringComparison.Ordinal)))
            {
                used.Add(p);
            }
        }

        var random = new Random(seed);
        var result = new List<RecallQuery>();
        foreach (var kind in Enumerable.Range(0, perKind).SelectMany(_ => RecallKind.All))
        {
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 20_000)
                {
                    throw new InvalidOperationException($"could not make a {kind} query (got {result.Count})");
                }

                var pool = random.NextDouble() < 0.25 && own.Count > 0 ? own : others;
                var p = pool[random.Next(pool.Count)];
                if (used.Contains(p))
                {
                    continue;
                }

                var clauses = Clauses(paragraphs[p].Text).Where(c => Paragraphs(corpus, starts, c).SequenceEqual([p]) && Count(corpus, c) == 1).ToList();
                if (clauses.Count == 0)
                {
                    continue;
                }

                var clause = clauses[random.Next(clauses.Count)];
                var query = Edit(kind, clause, random);
                if (query is null)
                {
                    continue;
                }

                var holding = Paragraphs(corpus, starts, query);
                var fair = kind is RecallKind.Exact or RecallKind.Core ? holding.SequenceEqual([p]) : query != clause && holding.All(h => h == p);
                if (!fair)
                {
                    continue;
                }

                var made = new RecallQuery(query, paragraphs[p].Source, clause, kind);
                if (!isPassage(made))
                {
                    used.Add(p); // a heading such as （七）…。 is not a passage of the index: nothing to find
                    continue;
                }

                used.Add(p);
                result.Add(made);
                break;
            }
        }

        return result;
    }

    /// <summary>The comment that heads the fixture: how it was made and how to make it again.</summary>
    public static string Comment(int count) =>
        $"Held-out half-remembered queries ({count}; seed {Seed}, {PerKind} per kind), made independently of recall-sample by\n" +
        "tests/SpeechArchive.Tests/Writing/HeldOutRecallSet.cs from corpus/ and ../shared/corpus/reports, none from a paragraph queries.tsv targets.\n" +
        "Regenerate: SPEECHARCHIVE_WRITE_HELDOUT=1 dotnet test tests/SpeechArchive.Tests --filter HeldOutRecallTests; score: speecharchive recall-eval --queries <this file>.";

    /// <summary>The query for <paramref name="kind"/> from a clause, or null when the clause does not suit the kind.</summary>
    public static string? Edit(string kind, string clause, Random random)
    {
        var n = clause.Length;
        switch (kind)
        {
            case RecallKind.Exact:
                return clause;
            case RecallKind.Dropped:
            {
                var mode = random.Next(3);
                var first = random.Next(n);
                var second = mode switch
                {
                    0 => -1,
                    1 => (first + 1 + random.Next(n - 1)) % n,
                    _ => first + 1 < n ? first + 1 : first - 1,
                };
                return string.Concat(clause.Where((_, i) => i != first && i != second));
            }

            case RecallKind.Swapped:
            {
                var cut = random.Next(2, n - 1);
                return clause[cut..] + clause[..cut];
            }

            case RecallKind.Synonym:
            {
                var options = Substitutions.Where(s => clause.Contains(s.Written, StringComparison.Ordinal)).ToList();
                if (options.Count == 0)
                {
                    return null;
                }

                var (written, typed) = options[random.Next(options.Count)];
                var at = new List<int>();
                for (var i = clause.IndexOf(written, StringComparison.Ordinal); i >= 0; i = clause.IndexOf(written, i + 1, StringComparison.Ordinal))
                {
                    at.Add(i);
                }

                var pick = at[random.Next(at.Count)];
                return string.Concat(clause.AsSpan(0, pick), typed, clause.AsSpan(pick + written.Length));
            }

            case RecallKind.Core:
            {
                if (n < 10)
                {
                    return null;
                }

                var middle = (n - 6) / 2;
                var start = Math.Clamp(middle + random.Next(-2, 3), 1, n - 7);
                return clause.Substring(start, 6);
            }

            default:
                throw new ArgumentException($"unknown kind '{kind}'", nameof(kind));
        }
    }

    /// <summary>A file's text without YAML front matter, with Markdown heading marks left in (they are not Han characters).</summary>
    private static string Body(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            if (end > 0)
            {
                return text[(end + 4)..];
            }
        }

        return text;
    }

    /// <summary>Body text, not a heading: not a Markdown heading, and ends like a sentence (a heading such as 一、… has no full stop).</summary>
    private static bool IsParagraph(string line) => line.Length > 0 && !line.StartsWith('#') && "。！？；：”」…".Contains(line[^1], StringComparison.Ordinal);

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static IEnumerable<string> Clauses(string paragraph)
    {
        var start = -1;
        for (var i = 0; i <= paragraph.Length; i++)
        {
            var han = i < paragraph.Length && IsHan(paragraph[i]);
            if (han && start < 0)
            {
                start = i;
            }
            else if (!han && start >= 0)
            {
                if (i - start is >= 8 and <= 30)
                {
                    yield return paragraph[start..i];
                }

                start = -1;
            }
        }
    }

    private static int Count(string corpus, string s)
    {
        var count = 0;
        for (var i = corpus.IndexOf(s, StringComparison.Ordinal); i >= 0; i = corpus.IndexOf(s, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The paragraphs holding <paramref name="s"/> verbatim, in order.</summary>
    private static List<int> Paragraphs(string corpus, List<int> starts, string s)
    {
        var result = new List<int>();
        for (var i = corpus.IndexOf(s, StringComparison.Ordinal); i >= 0; i = corpus.IndexOf(s, i + 1, StringComparison.Ordinal))
        {
            var p = starts.BinarySearch(i);
            p = p >= 0 ? p : ~p - 1;
            if (result.Count == 0 || result[^1] != p)
            {
                result.Add(p);
            }
        }

        return result;
    }
}
