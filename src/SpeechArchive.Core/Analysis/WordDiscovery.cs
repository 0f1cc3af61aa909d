namespace SpeechArchive.Analysis;

/// <summary>
/// Learns the words of a corpus without a dictionary (Matrix67, “互联网时代的社会语言学”): an n-gram of Han characters is
/// a word when it is frequent, free (many different characters on both sides) and cohesive (its parts occur together
/// far more than apart). Cohesion is measured twice: first on substring counts, which picks a core of sure words; then,
/// after segmenting the corpus with that core, on the counts of the parts as free words, so that 定位 is not judged by
/// every 规定 and 单位. A last segmentation turns substring counts into word-token counts and drops the words that
/// seldom win. Deterministic: the same texts in the same order give the same lexicon, whatever the number of threads.
/// </summary>
public static partial class WordDiscovery
{
    /// <summary>The lexicon of <paramref name="texts"/>: every character seen, and the words found, with word-token frequencies.</summary>
    public static Lexicon Learn(IEnumerable<string> texts, WordDiscoveryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= WordDiscoveryOptions.Default;
        Validate(options);
        var runs = HanRuns.Collect(texts);
        if (runs.HanCount == 0)
        {
            return Lexicon.Empty;
        }

        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var minFrequency = ScaledMinFrequency(options.MinFrequency, runs.HanCount);
        var floors = Floors(minFrequency, options);
        var levels = GramCounter.Count(runs, floors, options.MaxLength, threads);
        var scorer = new CandidateScorer(levels, runs.HanCount, floors, options.MinBoundaryEntropy);
        return Settle(runs, scorer, minFrequency, options, threads);
    }

    /// <summary>The frequency floor for a corpus of <paramref name="hanCount"/> characters: the option from a million characters up, less below (never under 2).</summary>
    internal static int ScaledMinFrequency(int minFrequency, long hanCount)
    {
        var scale = Math.Min(1.0, Math.Cbrt(hanCount / 1_000_000.0));
        return Math.Max(2, Math.Min(minFrequency, (int)Math.Round(minFrequency * scale)));
    }

    /// <summary>The count a string of each length needs (index: length): the floor for one and two characters, more for longer ones.</summary>
    private static int[] Floors(int minFrequency, WordDiscoveryOptions options) =>
        [.. Enumerable.Range(0, options.MaxLength + 2).Select(n => (int)Math.Ceiling(minFrequency * (1 + (options.LengthFrequencyStep * Math.Max(0, n - 2)))))];

    private static void Validate(WordDiscoveryOptions options)
    {
        if (options.MaxLength is < 2 or > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxLength, "MaxLength must be from 2 to 7");
        }

        if (options.MinFrequency < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinFrequency, "MinFrequency must be at least 2");
        }
    }
}
