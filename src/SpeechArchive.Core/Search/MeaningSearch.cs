using SpeechArchive.Semantics;

namespace SpeechArchive.Search;

/// <summary>
/// A free-text query's meaning (its vector, from its words, their thesaurus terms and the formulations it describes: 推诿扯皮
/// for 部门之间踢皮球) and the passages nearest it, looked for on another core from the start of the ranking, which needs
/// none of it until its words are scored (<see cref="Ranker"/>'s fusion).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A token source with no timer and no wait handle asked for holds nothing to release.")]
internal sealed class MeaningSearch
{
    private readonly Task<IReadOnlyList<(int Passage, float Cosine)>>? nearest;
    private readonly CancellationTokenSource? cancellation;
    private readonly Func<QueryWord, WordMatch> matchWord, matchFormulation;
    private readonly int depth;

    private MeaningSearch(PassageVectors vectors, float[]? query, Func<QueryWord, WordMatch> matchWord, Func<QueryWord, WordMatch> matchFormulation, int depth)
    {
        Vectors = vectors;
        Query = query;
        (this.matchWord, this.matchFormulation, this.depth) = (matchWord, matchFormulation, depth);
        if (query is not null)
        {
            cancellation = new CancellationTokenSource();
            var token = cancellation.Token;
            nearest = Task.Run(() => vectors.Nearest(query, depth, cancellation: token), token);
        }
    }

    public PassageVectors Vectors { get; }

    /// <summary>The query's vector; null when none of its words or characters is known.</summary>
    public float[]? Query { get; }

    /// <summary>
    /// Makes the query's vector (a word the vectors do not know read from the passages <paramref name="matchWord"/> finds for
    /// it, a formulation from those <paramref name="matchFormulation"/> finds, not negated; on this thread) and starts looking
    /// for the <paramref name="depth"/> passages nearest it.
    /// </summary>
    public static MeaningSearch Start(PassageVectors vectors, FreeTextQuery query, Func<QueryWord, WordMatch> matchWord,
        Func<QueryWord, WordMatch> matchFormulation, int depth)
    {
        var known = query.Slots.SelectMany(s => s.Words.Concat(s.Expansions)).Select(w => (Word: w, Match: matchWord))
            .Concat(query.Formulations.Select(f => (Word: f, Match: matchFormulation))).DistinctBy(w => w.Word.Text).ToDictionary(w => w.Word.Text);
        IReadOnlyList<int> Holding(string word) => known.TryGetValue(word, out var w) ? w.Match(w.Word).Docs : [];
        var texts = query.Slots.SelectMany(s => s.Words.Concat(s.Expansions).Select(w => w.Text).Prepend(s.Text)).Concat(query.Formulations.Select(f => f.Text));
        return new MeaningSearch(vectors, vectors.Query(texts.Distinct(), Holding), matchWord, matchFormulation, depth);
    }

    /// <summary>
    /// Gives this search up (the cells it has not read are not read, and the core is free) and starts one for
    /// <paramref name="query"/> instead: over articles of law, the query without the formulations it describes, which the
    /// first began with before the words told which passages these are.
    /// </summary>
    public MeaningSearch Restart(FreeTextQuery query)
    {
        cancellation?.Cancel();
        return Start(Vectors, query, matchWord, matchFormulation, depth);
    }

    /// <summary>The passages nearest the query's meaning, nearest first (waits for the search; run here if it has not begun).</summary>
    public IReadOnlyList<(int Passage, float Cosine)> Nearest() => cancellation?.IsCancellationRequested == true
        ? throw new InvalidOperationException("This meaning search was given up (Restart): read the one that replaced it.")
        : nearest?.GetAwaiter().GetResult() ?? [];
}
