using System.Runtime.CompilerServices;

namespace SpeechArchive.Search;

/// <summary>
/// The matches of words that are more than one term (社会主义, 现代化国家), whose candidates from the postings had to be read in
/// their text (<see cref="Matcher.Verify"/>), kept per snapshot so that a word's text is read once, not by every search that
/// names it: a snapshot never changes, so they stay exact for its life, and a new snapshot starts empty (as a term's decoded
/// postings are kept). Bounded: at most <see cref="Capacity"/> passages over all the matches kept, the least recently used
/// dropped first; a match of fewer than <see cref="From"/> candidates is cheap to make again and not kept. Where reading
/// stopped once enough passages held a word (<see cref="WordMatches.HeldAtLeast"/>), how many did is kept instead
/// (<see cref="HeldBy"/>): 全国人民代表大会 is held by thousands of passages, and the next search asking as much reads none. A
/// word's match with the passages under the headings holding it is kept beside (<see cref="WithHeadings"/>). A
/// match is made once for the searches that ask for it at the same time (<see cref="SingleFlight{TKey, TValue}"/>). Off
/// with <c>SPEECHARCHIVE_MATCH_CACHE=0</c> in the environment (for measuring the matching itself).
/// </summary>
internal sealed class PhraseMatches
{
    /// <summary>Passages kept at most, over all matches (a passage and its frequency: eight bytes).</summary>
    public const int Capacity = 16_000_000;

    /// <summary>Fewest candidates for a match to be kept.</summary>
    public const int From = 1_000;

    /// <summary>Whether snapshots keep matches at all (read once per process).</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("SPEECHARCHIVE_MATCH_CACHE") != "0";

    /// <summary>Words whose count of holding passages is kept at most (a few dozen bytes each).</summary>
    public const int HeldCapacity = 4_096;

    /// <summary>What a match with headings is kept under, before the word's match form (which holds no control character).</summary>
    private const string HeadingsKey = "\u0001";

    private readonly LeastRecentlyUsed<WordMatch> entries;
    private readonly LeastRecentlyUsed<StrongBox<int>> held = new(HeldCapacity, _ => 1);
    private readonly SingleFlight<string, WordMatch> matching = new();
    private readonly int capacity;
    private readonly int from;

    /// <summary>A cache of at most <paramref name="capacity"/> passages, keeping matches of <paramref name="from"/> candidates or more (smaller in tests).</summary>
    public PhraseMatches(int capacity = Capacity, int from = From) =>
        (entries, this.capacity, this.from) = (new(capacity, m => m.Docs.Length), capacity, from);

    /// <summary>How many passages the kept matches hold together.</summary>
    public long Kept => entries.Weight;

    /// <summary>The match of <paramref name="word"/> (its own text, no headings) if it is kept.</summary>
    public WordMatch? Get(QueryWord word) => Get(word.MatchForm, word);

    /// <summary>
    /// The kept match of <paramref name="word"/>, else the one <paramref name="match"/> makes (once for the searches asking at
    /// the same time: a word's first search under many clients), kept when worth it (<see cref="Add"/>).
    /// </summary>
    public WordMatch GetOrMatch(QueryWord word, Func<(WordMatch Match, int Candidates)> match)
    {
        var made = Get(word) ?? matching.Run(word.MatchForm, () =>
        {
            if (Get(word) is { } kept)
            {
                return kept;
            }

            var (made, candidates) = match();
            Add(made, candidates);
            return made;
        });
        return made.Word == word ? made : made with { Word = word };
    }

    /// <summary>
    /// The match with the passages under a heading or title holding the word (<see cref="Matcher.WithHeadings(IndexSnapshot, WordMatch)"/>:
    /// the headings looked up and the arrays merged, by every search before), kept beside the word's own when some heading
    /// holds the word and it holds <see cref="From"/> passages or more (a one-term word's only when headings added passages to
    /// it), else made by <paramref name="match"/> (cheap beside the word's own match, which is made once: not waited for).
    /// </summary>
    public WordMatch WithHeadings(QueryWord word, Func<WordMatch> match)
    {
        var key = HeadingsKey + word.MatchForm;
        if (Get(key, word) is { } kept)
        {
            return kept;
        }

        // Not a one-term word's postings with no passage added: their arrays are the decoded postings' own, under that budget.
        var made = match();
        if (made.HeadingCoverage is not null && made.TermFrequencies is null)
        {
            Add(key, made, made.Docs.Length);
        }

        return made;
    }

    /// <summary>Keeps <paramref name="match"/>, verified over <paramref name="candidates"/> passages, when it is worth keeping.</summary>
    public void Add(WordMatch match, int candidates) => Add(match.Word.MatchForm, match, candidates);

    private WordMatch? Get(string key, QueryWord word) =>
        !entries.TryGet(key, out var match) ? null
        : match.Word == word ? match
        : match with { Word = word };

    private void Add(string key, WordMatch match, int candidates)
    {
        if (Enabled && candidates >= from && match.Docs.Length <= capacity / 4)
        {
            entries.Add(key, match);
        }
    }

    /// <summary>How many passages' own text is known to hold <paramref name="word"/> at least (0: nothing kept).</summary>
    public int HeldBy(QueryWord word) => held.TryGet(word.MatchForm, out var count) ? Volatile.Read(ref count.Value) : 0;

    /// <summary>Keeps that at least <paramref name="count"/> passages' own text holds <paramref name="word"/> (the larger of what is known).</summary>
    public void Held(QueryWord word, int count)
    {
        if (!Enabled)
        {
            return;
        }

        if (!held.TryGet(word.MatchForm, out var known))
        {
            held.Add(word.MatchForm, new StrongBox<int>(count));
            return;
        }

        for (var seen = Volatile.Read(ref known.Value); seen < count; seen = Volatile.Read(ref known.Value))
        {
            if (Interlocked.CompareExchange(ref known.Value, count, seen) == seen)
            {
                return;
            }
        }
    }
}
