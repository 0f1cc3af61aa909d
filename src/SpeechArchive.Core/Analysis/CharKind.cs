namespace SpeechArchive.Analysis;

/// <summary>How the analyzer treats one (folded) character.</summary>
public enum CharKind : byte
{
    /// <summary>A Han ideograph: forms bigrams with its CJK neighbours.</summary>
    Cjk,
    /// <summary>A Latin letter or digit: forms word tokens with its run.</summary>
    Alnum,
    /// <summary>In-sentence punctuation and spaces (、，：“” …): no token, and bigrams bridge it, so 不敢腐、不能腐 indexes like 不敢腐不能腐.</summary>
    Soft,
    /// <summary>Sentence ends and line breaks (。！？ \n): no token, and no bigram crosses it.</summary>
    Hard,
    /// <summary>Anonymisation masks (*, ×, ○, xx): no token, and no bigram crosses it, so 第**次 never yields 第次.</summary>
    Mask,
}
