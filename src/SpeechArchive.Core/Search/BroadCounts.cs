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

    private readonly Dictionary<string, (Counts Counts, long Used)> entries = new(StringComparer.Ordinal);
    private long clock;

    /// <summary>What one pass over a word's passages counted.</summary>
    public sealed record Counts(int Total, int Speeches, FacetTotals Facets);

    public bool TryGet(string form, out Counts counts)
    {
        lock (entries)
        {
            if (entries.TryGetValue(form, out var entry))
            {
                entries[form] = (entry.Counts, ++clock);
                counts = entry.Counts;
                return true;
            }
        }

        counts = null!;
        return false;
    }

    public void Add(string form, Counts counts)
    {
        if (!Enabled)
        {
            return;
        }

        lock (entries)
        {
            if (entries.Count >= Capacity && !entries.ContainsKey(form))
            {
                entries.Remove(entries.MinBy(e => e.Value.Used).Key);
            }

            entries[form] = (counts, ++clock);
        }
    }
}
