using System.Diagnostics.CodeAnalysis;

namespace SpeechArchive.Documents;

/// <summary>The outcome of reading one corpus file: the document, or the reason it was refused.</summary>
public sealed record DocumentReadResult
{
    private DocumentReadResult(string key, SourceDocument? document, string? reason)
    {
        Key = key;
        Document = document;
        Reason = reason;
    }

    public string Key { get; }

    /// <summary>The document read, or null on failure.</summary>
    public SourceDocument? Document { get; }

    /// <summary>Why the file was refused, naming the problem and where (e.g. "malformed front matter at line 3: …"); null on success.</summary>
    public string? Reason { get; }

    /// <summary>
    /// Whether the reason is an exception's message (a file that could not be read, an unexpected error): the server's fault,
    /// whose message may name its folders, not something the file's author can mend.
    /// </summary>
    public bool ByException { get; private init; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Succeeded => Document is not null;

    public static DocumentReadResult Success(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document.Key, document, null);
    }

    public static DocumentReadResult Failure(string key, string reason) => new(key, null, reason);

    /// <summary>A failure an exception made (<see cref="ByException"/>).</summary>
    public static DocumentReadResult Fault(string key, string reason) => new(key, null, reason) { ByException = true };
}
