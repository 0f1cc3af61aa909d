namespace SpeechArchive.Analysis;

/// <summary>
/// The runs of Han characters of many texts, folded, in one buffer: each run is preceded and followed by a
/// <see cref="Separator"/>, so an n-gram lies inside a run exactly when it holds no separator.
/// </summary>
internal sealed class HanRuns
{
    public const char Separator = '\0';

    private HanRuns(char[] buffer, int length, long hanCount)
    {
        Buffer = buffer;
        Length = length;
        HanCount = hanCount;
    }

    /// <summary>The characters; positions 0 and <see cref="Length"/> − 1 are separators.</summary>
    public char[] Buffer { get; }

    public int Length { get; }

    /// <summary>How many Han characters the runs hold (N in the cohesion ratio).</summary>
    public long HanCount { get; }

    /// <summary>Cuts the texts into runs: anything but a BMP Han character (punctuation, Latin, digits, masks, line breaks, surrogates) ends a run.</summary>
    public static HanRuns Collect(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var buffer = new char[1 << 16];
        var length = 0;
        long han = 0;
        buffer[length++] = Separator;
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            if (buffer.Length - length < text.Length + 2)
            {
                Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)buffer.Length * 2, (long)length + text.Length + 2)));
            }

            foreach (var raw in text)
            {
                var c = TextNormalizer.Fold(raw);
                if (IsHan(c))
                {
                    buffer[length++] = c;
                    han++;
                }
                else if (buffer[length - 1] != Separator)
                {
                    buffer[length++] = Separator;
                }
            }

            if (buffer[length - 1] != Separator)
            {
                buffer[length++] = Separator;
            }
        }

        return new HanRuns(buffer, length, han);
    }

    /// <summary>True for a folded BMP Han character (the characters words are learned from).</summary>
    public static bool IsHan(char folded) => TextNormalizer.KindOf(folded) == CharKind.Cjk && !char.IsSurrogate(folded);
}
