namespace SpeechArchive.Analysis;

/// <summary>Receives tokens without allocating term strings (the indexer's fast path).</summary>
internal interface ITokenSink
{
    /// <summary>A bigram of folded characters <paramref name="first"/> and <paramref name="second"/> spanning [start, end).</summary>
    void Bigram(char first, char second, int start, int end);

    /// <summary>A lone Han character at <paramref name="start"/>.</summary>
    void Unigram(char single, int start);

    /// <summary>A Latin/digit word over [start, end) of the original text (fold it with <see cref="TextNormalizer"/>).</summary>
    void Word(int start, int end);
}
