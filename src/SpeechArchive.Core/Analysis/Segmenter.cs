namespace SpeechArchive.Analysis;

// TEMPORARY STUB: replaced by the lexicon branch.
public sealed class Segmenter(Lexicon lexicon)
{
    public IReadOnlyList<WordSpan> Segment(string text)
    {
        var result = new List<WordSpan>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var len = 1;
            for (var l = Math.Min(lexicon.MaxWordLength, text.Length - i); l >= 2; l--)
            {
                if (lexicon.Contains(text.Substring(i, l)))
                {
                    len = l;
                    break;
                }
            }

            result.Add(new WordSpan(i, i + len, text.Substring(i, len), WordKind.Han));
            i += len;
        }

        return result;
    }
}

public enum WordKind
{
    Han,
    Latin,
    Other,
}

public readonly record struct WordSpan(int Start, int End, string Text, WordKind Kind);
