using System.Text;

namespace SpeechArchive.Cli;

/// <summary>
/// Writes through to <paramref name="inner"/>, leaving out the spaces that end a line: Spectre pads a table to its width, so
/// piped <c>stats</c> and <c>show</c> printed lines of 400 characters, most of them spaces (a user trial). A run of spaces
/// is held until something other than a line end follows it.
/// </summary>
internal sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
{
    private int pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == ' ')
        {
            pendingSpaces++;
            return;
        }

        if (value is not ('\n' or '\r') && pendingSpaces > 0)
        {
            inner.Write(new string(' ', pendingSpaces));
        }

        pendingSpaces = 0;
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    public override void Flush() => inner.Flush();
}
