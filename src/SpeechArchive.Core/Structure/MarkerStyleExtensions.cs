namespace SpeechArchive.Structure;

/// <summary>How each numbering style behaves as a heading and as an inline point.</summary>
internal static class MarkerStyleExtensions
{
    /// <summary>Nominal depth of a heading style (smaller encloses larger); 0 when the style takes its level from context.</summary>
    public static int Rank(this MarkerStyle style) => style switch
    {
        MarkerStyle.Part => 1,
        MarkerStyle.Chapter => 2,
        MarkerStyle.Division => 3,
        MarkerStyle.CnComma => 4,
        MarkerStyle.CnParen => 5,
        MarkerStyle.Digit => 6,
        MarkerStyle.DigitParen => 7,
        _ => 0,
    };

    public static bool CanBeHeading(this MarkerStyle style) =>
        style is not (MarkerStyle.None or MarkerStyle.Article or MarkerStyle.Shi or MarkerStyle.Yao);

    /// <summary>Styles that may start a point in the middle of a paragraph.</summary>
    public static bool CanBeInline(this MarkerStyle style) =>
        style is MarkerStyle.Shi or MarkerStyle.Yao or MarkerStyle.Ordinal or MarkerStyle.CnParen or MarkerStyle.DigitParen;
}
