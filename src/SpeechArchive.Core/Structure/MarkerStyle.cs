namespace SpeechArchive.Structure;

/// <summary>The ways a heading or a point is numbered.</summary>
internal enum MarkerStyle
{
    None,

    /// <summary>第一部分, 第一编.</summary>
    Part,

    /// <summary>第一章.</summary>
    Chapter,

    /// <summary>第一节.</summary>
    Division,

    /// <summary>一、</summary>
    CnComma,

    /// <summary>（一）</summary>
    CnParen,

    /// <summary>1. / 1、</summary>
    Digit,

    /// <summary>（1）</summary>
    DigitParen,

    /// <summary>第一，/ 第一、: takes its level from what encloses it.</summary>
    Ordinal,

    /// <summary>第一条 (articles of laws): a point, never a heading.</summary>
    Article,

    /// <summary>一是: a point, never a heading.</summary>
    Shi,

    /// <summary>一要: a point, never a heading.</summary>
    Yao,
}
