namespace SpeechArchive.Analysis;

// TEMPORARY STUB: replaced by the lexicon branch.
public sealed class Lexicon
{
    private readonly Dictionary<string, long> words;

    private Lexicon(Dictionary<string, long> words)
    {
        this.words = words;
        TotalFrequency = Math.Max(1, words.Values.Sum());
        MaxWordLength = words.Count == 0 ? 1 : words.Keys.Max(w => w.Length);
    }

    public int Count => words.Count;

    public long TotalFrequency { get; }

    public int MaxWordLength { get; }

    public static Lexicon Base { get; } = new(new() { ["防止"] = 100, ["干部"] = 100, ["腐败"] = 100, ["怎样"] = 50, ["公款"] = 20, ["大吃大喝"] = 5, ["老百姓"] = 10, ["买房"] = 2, ["全面从严治党"] = 50, ["永远"] = 30, ["在路上"] = 20 });

    public bool Contains(string word) => words.ContainsKey(word);

    public long Frequency(string word) => words.GetValueOrDefault(word);

    public IEnumerable<(string Word, long Frequency)> Words => words.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value));

    public static Lexicon Read(TextReader reader)
    {
        var d = new Dictionary<string, long>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var parts = line.Split('\t');
            if (parts.Length == 2)
            {
                d[parts[0]] = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new(d);
    }

    public void Write(TextWriter writer)
    {
        foreach (var (w, f) in Words)
        {
            writer.WriteLine($"{w}\t{f}");
        }
    }

    public Lexicon Merge(Lexicon other)
    {
        var d = new Dictionary<string, long>(words);
        foreach (var (w, f) in other.Words)
        {
            d[w] = Math.Max(d.GetValueOrDefault(w), f);
        }

        return new(d);
    }
}
// STUB
public static class LexiconStubExtensions
{
    public static Lexicon With(this Lexicon lexicon, LexiconEdits edits) => lexicon;
}
