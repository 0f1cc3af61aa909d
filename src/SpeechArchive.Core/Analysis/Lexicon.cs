namespace SpeechArchive.Analysis;

/// <summary>An immutable set of Han words with their corpus frequencies, which the <see cref="Segmenter"/> segments with.</summary>
public sealed partial class Lexicon
{
    /// <summary>The largest frequency a word may have (keeps the total far from overflowing).</summary>
    public const long MaxFrequency = 1_000_000_000_000;

    private readonly Dictionary<string, long> frequencies;
    private readonly (string Word, long Frequency)[] sorted;

    /// <summary>A lexicon of <paramref name="words"/>: each a non-empty string of Han characters, once, with a frequency from 1 to <see cref="MaxFrequency"/>.</summary>
    public Lexicon(IEnumerable<(string Word, long Frequency)> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (word, frequency) in words)
        {
            if (!IsWord(word))
            {
                throw new ArgumentException($"not a word of Han characters: '{word}'", nameof(words));
            }

            if (frequency is < 1 or > MaxFrequency)
            {
                throw new ArgumentException($"frequency of '{word}' out of range: {frequency}", nameof(words));
            }

            if (!frequencies.TryAdd(word, frequency))
            {
                throw new ArgumentException($"word listed twice: '{word}'", nameof(words));
            }
        }

        sorted = [.. frequencies.Select(p => (p.Key, p.Value))];
        Array.Sort(sorted, static (a, b) => b.Frequency != a.Frequency ? b.Frequency.CompareTo(a.Frequency) : string.CompareOrdinal(a.Word, b.Word));
        TotalFrequency = sorted.Sum(w => w.Frequency);
        MaxWordLength = sorted.Length == 0 ? 0 : sorted.Max(w => w.Word.Length);
    }

    /// <summary>A lexicon without words.</summary>
    public static Lexicon Empty { get; } = new([]);

    /// <summary>How many words.</summary>
    public int Count => sorted.Length;

    /// <summary>The sum of all frequencies.</summary>
    public long TotalFrequency { get; }

    /// <summary>The length of the longest word, in UTF-16 units.</summary>
    public int MaxWordLength { get; }

    /// <summary>The words by frequency, most frequent first, then in ordinal order.</summary>
    public IEnumerable<(string Word, long Frequency)> Words => Array.AsReadOnly(sorted);

    /// <summary>True for a non-empty string of Han characters (after folding), the only strings a lexicon holds.</summary>
    public static bool IsWord(string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (TextNormalizer.KindOf(TextNormalizer.Fold(c)) != CharKind.Cjk)
            {
                return false;
            }
        }

        return true;
    }

    public bool Contains(string word) => frequencies.ContainsKey(word);

    /// <summary>The frequency of <paramref name="word"/>, 0 when it is not in the lexicon.</summary>
    public long Frequency(string word) => frequencies.GetValueOrDefault(word);

    /// <summary>
    /// The shorter lexicon words a word of four characters or more is made of, cut where both sides are words of two
    /// characters or more (the most balanced cut first, each side cut again): 控制人口增长 → 控制、人口、增长; 国有企业改革 →
    /// 国有、企业、改革. Empty when no cut gives two such words: a single character (老 of 老百姓, 人 of 负责人) is found inside
    /// any word and says too little. The lexicon learns long compounds from the archive; their components are what a passage
    /// about the same thing in other words holds.
    /// </summary>
    public IReadOnlyList<string> Components(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var parts = new List<string>();
        Cut(word, parts);
        return parts.Count > 1 ? parts : [];
    }

    /// <summary>Where to cut a word of <paramref name="length"/> characters in two, most balanced first (ties: the earlier cut).</summary>
    public static IEnumerable<int> Cuts(int length) =>
        Enumerable.Range(1, Math.Max(0, length - 1)).OrderBy(c => Math.Abs((2 * c) - length)).ThenBy(c => c);

    private void Cut(string word, List<string> parts)
    {
        if (word.Length >= 4)
        {
            foreach (var cut in Cuts(word.Length).Where(c => c >= 2 && word.Length - c >= 2))
            {
                if (Contains(word[..cut]) && Contains(word[cut..]))
                {
                    Cut(word[..cut], parts);
                    Cut(word[cut..], parts);
                    return;
                }
            }
        }

        parts.Add(word);
    }
}
