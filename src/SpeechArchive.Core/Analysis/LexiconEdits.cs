using System.Globalization;

namespace SpeechArchive.Analysis;

/// <summary>
/// A user's edits to a lexicon, from <c>corpus/lexicon.txt</c>: one word per line with an optional frequency after a tab;
/// <c>-word</c> bans a word; <c>#</c> starts a comment line; blank lines are skipped.
/// </summary>
public sealed record LexiconEdits(IReadOnlyList<(string Word, long? Frequency)> Added, IReadOnlyList<string> Banned)
{
    /// <summary>The file's name in a corpus folder.</summary>
    public const string FileName = "lexicon.txt";

    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>No edits.</summary>
    public static LexiconEdits None { get; } = new([], []);

    /// <summary>Parses the edits in <paramref name="text"/>; a bad line throws <see cref="SpeechArchiveException"/> naming <paramref name="fileName"/> and the line.</summary>
    public static LexiconEdits Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var added = new List<(string, long?)>();
        var banned = new List<string>();
        foreach (var (number, line) in Documents.SettingLines.Of(text))
        {
            var ban = line[0] == '-';
            var fields = line[(ban ? 1 : 0)..].Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields.Length > (ban ? 1 : 2))
            {
                throw new SpeechArchiveException(ban
                    ? $"{fileName}: line {number}: expected -word (a banned word takes no frequency)"
                    : $"{fileName}: line {number}: expected word or word<TAB>frequency");
            }

            var word = fields[0];
            if (!Lexicon.IsWord(word))
            {
                throw new SpeechArchiveException($"{fileName}: line {number}: '{word}' is not a word of Han characters");
            }

            if (ban)
            {
                banned.Add(word);
            }
            else if (fields.Length == 1)
            {
                added.Add((word, null));
            }
            else if (long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var frequency) && frequency is >= 1 and <= Lexicon.MaxFrequency)
            {
                added.Add((word, frequency));
            }
            else
            {
                throw new SpeechArchiveException($"{fileName}: line {number}: bad frequency '{fields[1]}' (a whole number from 1 to {Lexicon.MaxFrequency})");
            }
        }

        return new LexiconEdits(added, banned);
    }
}
