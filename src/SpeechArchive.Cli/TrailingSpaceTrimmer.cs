using System.Text;

namespace SpeechArchive.Cli;

/// <summary>
/// Writes through to <paramref name="inner"/>, leaving out the spaces that end a line: Spectre pads a table to its width, so
/// piped <c>stats</c> and <c>show</c> printed lines of 400 characters, most of them spaces (a user trial). A run of spaces
/// is held until something other than a line end follows it; each write is passed on as one.
/// </summary>
internal sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
{
    private int pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write([value], 0, 1);

    public override void Write(string? value) => Write((value ?? "").AsSpan());

    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Write(buffer.AsSpan(index, count));
    }

    /// <summary>One write to <c>inner</c> per call (the console flushes on each: a write per character made piped output slow).</summary>
    public override void Write(ReadOnlySpan<char> text)
    {
        var kept = new StringBuilder(text.Length + pendingSpaces);
        foreach (var c in text)
        {
            if (c == ' ')
            {
                pendingSpaces++;
                continue;
            }

            if (c is not ('\n' or '\r'))
            {
                kept.Append(' ', pendingSpaces);
            }

            pendingSpaces = 0;
            kept.Append(c);
        }

        if (kept.Length > 0)
        {
            inner.Write(kept.ToString());
        }
    }

    public override void Flush() => inner.Flush();
}
