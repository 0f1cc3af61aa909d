namespace SpeechArchive.Analysis;

/// <summary>Combining lexicons: a union on a common scale, and a user's edits.</summary>
public sealed partial class Lexicon
{
    /// <summary>
    /// The union of this lexicon and <paramref name="other"/>, whose frequencies are first scaled to this lexicon's total
    /// (so a small archive's words join a large lexicon on a comparable scale); a word in both keeps the larger frequency, but
    /// a single character this lexicon knows keeps its own: scaled up from a small archive's few occurrences, 慰 and 问 would
    /// outweigh 慰问 and cut it wherever they meet.
    /// </summary>
    public Lexicon Merge(Lexicon other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var scale = (double)TotalFrequency / other.TotalFrequency;
        var merged = new Dictionary<string, long>(frequencies, StringComparer.Ordinal);
        foreach (var (word, frequency) in other.sorted)
        {
            if (word.Length == 1 && frequencies.ContainsKey(word))
            {
                continue;
            }

            var scaled = (long)Math.Clamp(Math.Round(frequency * scale), 1, MaxFrequency);
            merged[word] = Math.Max(merged.GetValueOrDefault(word), scaled);
        }

        return new Lexicon(merged.Select(p => (p.Key, p.Value)));
    }

    /// <summary>
    /// This lexicon with <paramref name="edits"/> applied: added words take their given frequency, else keep the one
    /// they have, else get <see cref="DefaultFrequency"/>; banned words are removed (a ban wins over an addition).
    /// </summary>
    public Lexicon With(LexiconEdits edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var result = new Dictionary<string, long>(frequencies, StringComparer.Ordinal);
        var fallback = DefaultFrequency;
        foreach (var (word, frequency) in edits.Added)
        {
            result[word] = frequency ?? result.GetValueOrDefault(word, fallback);
        }

        foreach (var word in edits.Banned)
        {
            result.Remove(word);
        }

        return new Lexicon(result.Select(p => (p.Key, p.Value)));
    }

    /// <summary>The frequency a word added without one gets: the median frequency of the words of two or more characters (1 if none).</summary>
    public long DefaultFrequency
    {
        get
        {
            var multi = sorted.Where(w => w.Word.Length >= 2).Select(w => w.Frequency).ToArray();
            return multi.Length == 0 ? 1 : multi[multi.Length / 2];
        }
    }
}
