namespace SpeechArchive.Documents;

/// <summary>The lines of a small settings file of the corpus (lexicon.txt, categories.tsv): numbered from 1, trimmed, blank and <c>#</c> comment lines skipped.</summary>
public static class SettingLines
{
    public static IEnumerable<(int Number, string Line)> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return (number, line);
            }
        }
    }
}
