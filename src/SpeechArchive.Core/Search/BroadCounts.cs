namespace SpeechArchive.Search;

/// <summary>
/// A broad word's total, speeches and facet counts, unfiltered, kept per snapshot (as Elasticsearch's shard request cache
/// keeps aggregations per shard and refresh): a snapshot never changes, so they stay exact for its life, and a new snapshot
/// starts empty. Bounded: at most <see cref="Capacity"/> words, the least recently used dropped first. Only the counts:
/// the top hits are found again each time (<see cref="PostingBlocks"/>). Off with <c>SPEECHARCHIVE_COUNT_CACHE=0</c> in
/// the environment (for measuring the pass itself).
/// </summary>
internal sealed class BroadCounts
{
    /// <summary>Words kept at most.</summary>
    public const int Capacity = 256;

    /// <summary>Whether snapshots keep counts at all (read once per process).</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("SPEECHARCHIVE_COUNT_CACHE") != "0";

    private readonly LeastRecentlyUsed<Counts> entries = new(Capacity, _ => 1);

    /// <summary>What one pass over a word's passages counted; <see cref="Repeats"/>, the passages folding takes out, when the reprints were made.</summary>
    public sealed record Counts(int Total, int Speeches, FacetTotals Facets)
    {
        public int? Repeats { get; init; }
    }

    private readonly SingleFlight<string, Counts> counting = new();

    /// <summary>The counts kept for <paramref name="form"/>, if they are.</summary>
    public bool TryGet(string form, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Counts? counts) => entries.TryGet(form, out counts!);

    /// <summary>The counts kept for <paramref name="form"/>, else those of <paramref name="count"/> (made once for the searches asking at the same time), kept.</summary>
    public Counts GetOrCount(string form, Func<Counts> count) =>
        entries.TryGet(form, out var known) ? known : counting.Run(form, () =>
        {
            if (entries.TryGet(form, out var kept))
            {
                return kept;
            }

            var counts = count();
            if (Enabled)
            {
                entries.Add(form, counts);
            }

            return counts;
        });
}
