namespace SpeechArchive.Search;

/// <summary>A query that cannot be parsed; the message says what and at which column, in one line.</summary>
public sealed class QuerySyntaxException : SpeechArchiveException
{
    public QuerySyntaxException(string message) : base(message) { }

    public QuerySyntaxException(string message, Exception inner) : base(message, inner) { }

    public QuerySyntaxException() { }
}
