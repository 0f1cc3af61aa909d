namespace SpeechArchive.Search;

/// <summary>
/// The matches of words that are more than one term (社会主义, 现代化国家), whose candidates from the postings had to be read in
/// their text (<see cref="Matcher.Verify"/>), kept per snapshot so that a word's text is read once, not by every search that
/// names it: a snapshot never changes, so they stay exact for its life, and a new snapshot starts empty (as a term's decoded
/// postings are kept). Bounded: at most <see cref="Capacity"/> passages over all the matches kept, the least recently used
/// dropped first; a match of fewer than <see cref="From"/> candidates is cheap to make again and not kept. Off with
/// <c>SPEECHARCHIVE_MATCH_CACHE=0</c> in the environment (for measuring the matching itself).
/// </summary>
internal sealed class PhraseMatches
{
    /// <summary>Passages kept at most, over all matches (a passage and its frequency: eight bytes).</summary>
    public const int Capacity = 4_000_000;

    /// <summary>Fewest candidates for a match to be kept.</summary>
    public const int From = 1_000;

    /// <summary>Whether snapshots keep matches at all (read once per process).</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("SPEECHARCHIVE_MATCH_CACHE") != "0";

    private readonly Dictionary<string, (WordMatch Match, long Used)> entries = new(StringComparer.Ordinal);
    private readonly int capacity;
    private readonly int from;
    private long clock;
    private long kept;

    /// <summary>A cache of at most <paramref name="capacity"/> passages, keeping matches of <paramref name="from"/> candidates or more (smaller in tests).</summary>
    public PhraseMatches(int capacity = Capacity, int from = From) => (this.capacity, this.from) = (capacity, from);

    /// <summary>How many passages the kept matches hold together.</summary>
    public long Kept => kept;

    /// <summary>The match of <paramref name="word"/> (its own text, no headings) if it is kept.</summary>
    public WordMatch? Get(QueryWord word)
    {
        lock (entries)
        {
            if (!entries.TryGetValue(word.MatchForm, out var entry))
            {
                return null;
            }

            entries[word.MatchForm] = (entry.Match, ++clock);
            return entry.Match.Word == word ? entry.Match : entry.Match with { Word = word };
        }
    }

    /// <summary>Keeps <paramref name="match"/>, verified over <paramref name="candidates"/> passages, when it is worth keeping.</summary>
    public void Add(WordMatch match, int candidates)
    {
        if (!Enabled || candidates < from || match.Docs.Length > capacity / 4)
        {
            return;
        }

        lock (entries)
        {
            if (entries.ContainsKey(match.Word.MatchForm))
            {
                return;
            }

            while (kept + match.Docs.Length > capacity && entries.Count > 0)
            {
                var oldest = entries.MinBy(e => e.Value.Used);
                kept -= oldest.Value.Match.Docs.Length;
                entries.Remove(oldest.Key);
            }

            entries[match.Word.MatchForm] = (match, ++clock);
            kept += match.Docs.Length;
        }
    }
}
