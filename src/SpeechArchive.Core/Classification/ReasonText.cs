using System.Globalization;

namespace SpeechArchive.Classification;

/// <summary>Formats the numbers and cue names that reasons show.</summary>
internal static class ReasonText
{
    public static string Signed(double value) =>
        (value >= 0 ? "+" : "") + value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A cue as shown in reasons: the term, or the pattern with the text it matched.</summary>
    public static string Cue(TaxonomyCue cue, string text, CueHit hit)
    {
        if (cue.Kind != TaxonomyCueKind.Pattern)
        {
            return $"\"{cue.Display}\"";
        }

        var matched = text[hit.Start..hit.End];
        return $"/{cue.Text}/ \"{(matched.Length <= 16 ? matched : matched[..16] + "…")}\"";
    }
}
