using System.Text;

namespace SpeechArchive.Documents;

/// <summary>Collects the lines of extracted text, dropping empty ones and recording where heading lines start.</summary>
internal sealed class LineWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<HeadingHint> _headings = [];
    private int _headingLevel;

    /// <summary>The line being written.</summary>
    public StringBuilder Line { get; } = new();

    public string Text => _text.ToString();

    public IReadOnlyList<HeadingHint> Headings => _headings;

    /// <summary>Starts a line; a heading level above 0 marks it as a heading.</summary>
    public void BeginLine(int headingLevel = 0)
    {
        Line.Clear();
        _headingLevel = headingLevel;
    }

    public void EndLine()
    {
        var line = Line.ToString().Trim();
        if (line.Length == 0)
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        if (_headingLevel > 0)
        {
            _headings.Add(new HeadingHint(_text.Length, _headingLevel));
        }

        _text.Append(line);
    }
}
