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

    /// <summary>What one pass over a word's passages counted.</summary>
    public sealed record Counts(int Total, int Speeches, FacetTotals Facets);

    public bool TryGet(string form, out Counts counts) => entries.TryGet(form, out counts);

    public void Add(string form, Counts counts)
    {
        if (Enabled)
        {
            entries.Add(form, counts);
        }
    }
}
