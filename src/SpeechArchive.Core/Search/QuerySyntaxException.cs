namespace SpeechArchive.Search;

/// <summary>A query that cannot be parsed; the message says what and at which column, in one line.</summary>
public sealed class QuerySyntaxException : SpeechArchiveException
{
    public QuerySyntaxException(string message) : base(OneLine(message)) { }

    public QuerySyntaxException(string message, Exception inner) : base(OneLine(message), inner) { }

    public QuerySyntaxException() { }

    /// <summary>Messages echo parts of the query, which may hold line breaks; the one-line promise holds anyway.</summary>
    private static string OneLine(string message) => message?.ReplaceLineEndings(" ") ?? "";
}
