namespace SpeechArchive.Documents;

/// <summary>The outcome of decoding a file's bytes: text with LF line ends and an optional warning, or why it failed.</summary>
internal sealed record DecodedText(string? Text, string? Warning, string? Failure)
{
    public static DecodedText Ok(string text, string? warning = null) => new(text, warning, null);

    public static DecodedText Fail(string reason) => new(null, null, reason);
}
