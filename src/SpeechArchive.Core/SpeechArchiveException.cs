namespace SpeechArchive;

/// <summary>The one exception family of the core: its message names the file, line, passage or parameter at fault.</summary>
public class SpeechArchiveException : Exception
{
    public SpeechArchiveException(string message) : base(message) { }

    public SpeechArchiveException(string message, Exception inner) : base(message, inner) { }

    public SpeechArchiveException() { }
}
