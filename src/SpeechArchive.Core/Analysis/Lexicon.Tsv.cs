using System.Globalization;
using System.Reflection;

namespace SpeechArchive.Analysis;

/// <summary>The lexicon file: one <c>word&lt;TAB&gt;frequency</c> per line, <c>#</c> comment lines and blank lines allowed.</summary>
public sealed partial class Lexicon
{
    private const string BaseResourceName = "SpeechArchive.Analysis.BaseLexicon.tsv";
    private static readonly Lazy<Lexicon> BaseLexicon = new(LoadBase);

    /// <summary>The base lexicon shipped with the library, learned from the shared corpora (see the header of BaseLexicon.tsv).</summary>
    public static Lexicon Base => BaseLexicon.Value;

    /// <summary>Reads a lexicon file; a malformed line throws <see cref="SpeechArchiveException"/> naming <paramref name="source"/> and the line.</summary>
    public static Lexicon Read(TextReader reader, string source = "lexicon")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new List<(string, long)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 2)
            {
                throw new SpeechArchiveException($"{source}: line {number}: expected word<TAB>frequency");
            }

            var word = fields[0];
            if (!IsWord(word))
            {
                throw new SpeechArchiveException($"{source}: line {number}: '{word}' is not a word of Han characters");
            }

            if (!long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var frequency) || frequency is < 1 or > MaxFrequency)
            {
                throw new SpeechArchiveException($"{source}: line {number}: bad frequency '{fields[1]}' (a whole number from 1 to {MaxFrequency})");
            }

            if (!seen.TryAdd(word, number))
            {
                throw new SpeechArchiveException($"{source}: line {number}: '{word}' already listed at line {seen[word]}");
            }

            words.Add((word, frequency));
        }

        return new Lexicon(words);
    }

    /// <summary>Reads the lexicon file at <paramref name="path"/>.</summary>
    public static Lexicon Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new SpeechArchiveException($"lexicon file not found: {path}");
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Writes the words in <see cref="Words"/> order, one <c>word&lt;TAB&gt;frequency</c> per line.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (word, frequency) in sorted)
        {
            writer.Write(word);
            writer.Write('\t');
            writer.Write(frequency.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static Lexicon LoadBase()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BaseResourceName)
            ?? throw new SpeechArchiveException($"embedded resource {BaseResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Read(reader, "BaseLexicon.tsv");
    }
}
