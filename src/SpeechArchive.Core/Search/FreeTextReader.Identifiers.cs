using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

internal static partial class FreeTextReader
{
    /// <summary>
    /// <paramref name="text"/> (the match form of the run typed as <paramref name="typed"/>) without the identifiers typed in it
    /// that no passage holds as typed, each added to <paramref name="unheld"/> as typed. The analyzer cuts COVID-19 into covid
    /// and 19, as it reads the texts; searched apart, the 19 alone found 57 passages of dates and percentages over corpus/, the
    /// reports and xi-2020 (a product review). Like a name the archive lacks (华国锋), the identifier is not found, not searched
    /// in pieces; where some passage holds it as typed (PM2.5), its run is read as before.
    /// </summary>
    private static string WithoutUnheldIdentifiers(string typed, string text, WordMatches matches, List<string> unheld)
    {
        foreach (var identifier in Identifiers(typed))
        {
            var form = MatchText.Build(identifier, 0, identifier.Length);
            if (matches.Get(new QueryWord(identifier, false, form)).DocFrequency == 0)
            {
                unheld.Add(identifier);
                text = ReplaceWhole(text, form, MatchText.Break);
            }
        }

        return text;
    }

    /// <summary>
    /// <paramref name="text"/> with each occurrence of <paramref name="form"/> that no letter or digit adjoins replaced by
    /// <paramref name="by"/>: M2.5 unheld does not cut into PM2.5 held beside it (pm2 5 holds m2 5).
    /// </summary>
    internal static string ReplaceWhole(string text, string form, char by)
    {
        System.Text.StringBuilder? replaced = null;
        var copied = 0;
        for (var at = MatchText.HoldsWholeFrom(text, form, 0); at >= 0; at = MatchText.HoldsWholeFrom(text, form, at + 1))
        {
            if (at < copied)
            {
                continue;
            }

            (replaced ??= new System.Text.StringBuilder(text.Length)).Append(text, copied, at - copied).Append(by);
            copied = at + form.Length;
        }

        return replaced is null ? text : replaced.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The identifiers in <paramref name="typed"/>: runs of Latin letters and digits joined by a hyphen or a dot, with a letter
    /// among them (COVID-19, PM2.5, SARS-CoV-2), which the analyzer cuts at the sign. Not a number alone (2019-2020, 19.2), nor
    /// letters and digits joined by other signs (alert(1), src=x), nor a run without a sign (G20, H7N9: one word already).
    /// </summary>
    internal static IEnumerable<string> Identifiers(string typed)
    {
        static bool Alnum(char c) => MatchText.IsAlnum(TextNormalizer.Fold(c));
        static bool Joins(char c) => TextNormalizer.Fold(c) is '-' or '.' or '‐' or '‑' or '–' or '－' or '．';

        for (var i = 0; i < typed.Length;)
        {
            if (!Alnum(typed[i]))
            {
                i++;
                continue;
            }

            var end = i;
            var joined = false;
            while (true)
            {
                while (end < typed.Length && Alnum(typed[end]))
                {
                    end++;
                }

                if (end + 1 < typed.Length && Joins(typed[end]) && Alnum(typed[end + 1]))
                {
                    end++;
                    joined = true;
                    continue;
                }

                break;
            }

            if (joined && typed[i..end].Any(c => char.IsLetter(TextNormalizer.Fold(c))))
            {
                yield return typed[i..end];
            }

            i = end;
        }
    }
}
