using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Makes a recall set honestly: target passages first — a speech drawn at random (a quarter of them from the top folder,
/// the project's own speeches, the rest from the sub-folders), a passage of it, a clause of the passage (a run of 8–30 Han
/// characters found in that passage only) — then the query derived from the clause by the kind's edit. A query that is a
/// verbatim quote of any other passage is discarded as ambiguous. Deterministic for a seed.
/// </summary>
public static class RecallSampler
{
    public const int MinClause = 8;
    public const int MaxClause = 30;
    public const int CoreLength = 6;

    /// <summary>
    /// Near-synonyms a writer swaps in (the passage's word → the word typed). Some are in the default thesaurus, some on
    /// purpose are not, so the synonym kind also measures alignment alone.
    /// </summary>
    public static IReadOnlyList<(string Written, string Typed)> Synonyms { get; } =
    [
        ("反腐败", "反腐"), ("加强", "强化"), ("纪律和规矩", "规矩和纪律"), ("提高", "提升"), ("推进", "推动"), ("完善", "健全"),
        ("深入", "深化"), ("坚决", "坚定"), ("不断", "持续"), ("积极", "主动"), ("切实", "认真"), ("努力", "全力"),
        ("确保", "保证"), ("构建", "建立"), ("改善", "改进"), ("促进", "推动"), ("增强", "提升"), ("进一步", "更加"),
        ("强化", "加强"), ("提升", "提高"), ("推动", "推进"), ("健全", "完善"),
    ];

    public static IReadOnlyList<RecallQuery> Sample(IndexSnapshot index, int perKind, int seed, IReadOnlySet<int>? heldOut = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var random = new Random(seed);
        var own = index.Speeches.Select((s, i) => (s, i)).Where(x => !x.s.FileKey.Contains('/', StringComparison.Ordinal) && x.s.Passages.Count > 0).Select(x => x.i).ToList();
        var others = index.Speeches.Select((s, i) => (s, i)).Where(x => x.s.FileKey.Contains('/', StringComparison.Ordinal) && x.s.Passages.Count > 0).Select(x => x.i).ToList();
        var used = new HashSet<int>(heldOut ?? new HashSet<int>());
        var result = new List<RecallQuery>();
        var attempts = 0;
        foreach (var kind in Enumerable.Range(0, perKind).SelectMany(_ => RecallKind.All))
        {
            while (true)
            {
                if (++attempts > perKind * 5000)
                {
                    throw new SpeechArchiveException($"could not sample {perKind} queries of each kind from this index (got {result.Count})");
                }

                var pool = (own.Count > 0 && random.NextDouble() < 0.25) || others.Count == 0 ? own : others;
                if (pool.Count == 0)
                {
                    throw new SpeechArchiveException("the index has no passages to sample from");
                }

                var speech = index.Speeches[pool[random.Next(pool.Count)]];
                var doc = speech.Passages[random.Next(speech.Passages.Count)];
                if (used.Contains(doc))
                {
                    continue;
                }

                var clauses = Clauses(index.PassageText(doc)).Where(c => OccursOnlyIn(index, c, doc)).ToList();
                if (clauses.Count == 0)
                {
                    continue;
                }

                var clause = clauses[random.Next(clauses.Count)];
                var query = Derive(kind, clause, random);
                if (query is null || !IsUnambiguous(index, kind, query, doc))
                {
                    continue;
                }

                used.Add(doc);
                var source = speech.FileKey.Contains('/', StringComparison.Ordinal) ? speech.FileKey : "corpus/" + speech.FileKey;
                result.Add(new RecallQuery(query, source, clause, kind));
                break;
            }
        }

        return result;
    }

    /// <summary>The query for <paramref name="kind"/> from a clause, or null when the clause does not suit the kind.</summary>
    public static string? Derive(string kind, string clause, Random random)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(random);
        var n = clause.Length;
        switch (kind)
        {
            case RecallKind.Exact:
                return clause;
            case RecallKind.Dropped:
            {
                if (n < MinClause + 1)
                {
                    return null;
                }

                var drops = random.Next(1, 3);
                var first = random.Next(n);
                var second = drops == 2 ? (first + 1 + random.Next(n - 1)) % n : -1;
                return string.Concat(clause.Where((_, i) => i != first && i != second));
            }

            case RecallKind.Swapped:
            {
                var cut = random.Next((n + 2) / 3, (2 * n / 3) + 1);
                return clause[cut..] + clause[..cut];
            }

            case RecallKind.Synonym:
            {
                var options = Synonyms.Where(s => clause.Contains(s.Written, StringComparison.Ordinal)).ToList();
                if (options.Count == 0)
                {
                    return null;
                }

                var (written, typed) = options[random.Next(options.Count)];
                var at = clause.IndexOf(written, StringComparison.Ordinal);
                return string.Concat(clause.AsSpan(0, at), typed, clause.AsSpan(at + written.Length));
            }

            case RecallKind.Core:
            {
                if (n < CoreLength + 4)
                {
                    return null;
                }

                var start = random.Next(1, n - CoreLength);
                return clause.Substring(start, CoreLength);
            }

            default:
                throw new ArgumentException($"unknown recall kind '{kind}'", nameof(kind));
        }
    }

    /// <summary>Runs of <see cref="MinClause"/>–<see cref="MaxClause"/> Han characters between punctuation.</summary>
    public static IEnumerable<string> Clauses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var han = i < text.Length && TextNormalizer.KindOf(TextNormalizer.Fold(text[i])) == CharKind.Cjk && !char.IsSurrogate(text[i]);
            if (han && start < 0)
            {
                start = i;
            }
            else if (!han && start >= 0)
            {
                if (i - start is >= MinClause and <= MaxClause)
                {
                    yield return text[start..i];
                }

                start = -1;
            }
        }
    }

    private static bool OccursOnlyIn(IndexSnapshot index, string text, int doc)
    {
        var docs = Occurrences(index, text);
        return docs.Length == 1 && docs[0] == doc;
    }

    private static bool IsUnambiguous(IndexSnapshot index, string kind, string query, int doc)
    {
        var docs = Occurrences(index, query);
        return kind is RecallKind.Exact or RecallKind.Core
            ? docs.Length == 1 && docs[0] == doc
            : docs.All(d => d == doc);
    }

    private static int[] Occurrences(IndexSnapshot index, string text)
    {
        var form = MatchText.Build(text, 0, text.Length);
        return Matcher.Match(index, new QueryWord(text, true, form)).Docs;
    }
}
