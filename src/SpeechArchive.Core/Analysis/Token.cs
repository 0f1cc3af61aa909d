namespace SpeechArchive.Analysis;

/// <summary>One index term as the analyzer emits it, with its position and its [Start, End) offsets in the original text.</summary>
/// <remarks>A bigram bridged over soft punctuation (腐、不 → 腐不) spans the punctuation: Start is the first character, End is after the second.</remarks>
public readonly record struct Token(string Term, TokenType Type, int Position, int Start, int End);

/// <summary>What kind of term a token is.</summary>
public enum TokenType : byte
{
    /// <summary>Two consecutive Han characters.</summary>
    Bigram,
    /// <summary>A Han character with no Han neighbour.</summary>
    Unigram,
    /// <summary>A run of Latin letters or digits.</summary>
    Word,
}
