using System.Text;

namespace SpeechArchive.Classification;

public sealed partial class SpeechClassifier
{
    /// <summary>Scores every theme in a passage (its sentences' cues, plus the headings above it at a lower weight) and keeps the best.</summary>
    private (IReadOnlyList<string> Themes, IReadOnlyList<string> Reasons) DecideThemes(SpeechWork work, int passageIndex, SentenceLabel[] sentences)
    {
        var settings = Taxonomy.Settings;
        var passage = work.Structure.Passages[passageIndex];
        var parts = new List<ThemePart>();
        for (var k = 0; k < passage.Sentences.Count; k++)
        {
            var factor = sentences[k].DirectiveType is { } type && IndexOfType(type) is >= 0 and var t ? Taxonomy.DirectiveTypes[t].ThemeWeight : 1;
            foreach (var hit in work.SentenceHits(passageIndex, k))
            {
                if (hit.Group == CueGroup.Theme && factor > 0)
                {
                    Count(parts, hit, factor);
                }
            }
        }

        var sections = work.Structure.Sections;
        var depth = 0;
        for (var s = passage.SectionOrdinal; s >= 0 && s < sections.Count && depth++ < 64; s = sections[s].ParentOrdinal)
        {
            var before = parts.Count;
            foreach (var hit in work.HeadingHits(s))
            {
                if (hit.Group == CueGroup.Theme
                    && parts.Exists(p => p.Theme == hit.Owner && !p.Heading)
                    && !parts.Skip(before).Any(p => p.Theme == hit.Owner && p.Cue == hit.Cue))
                {
                    parts.Add(new ThemePart(hit.Owner, hit.Cue, 1, 1, Heading: true));
                }
            }
        }

        var scores = new double[Taxonomy.Themes.Count];
        foreach (var part in parts)
        {
            scores[part.Theme] += Weight(part);
        }

        var max = scores.Length == 0 ? 0 : scores.Max();
        var threshold = settings.ThemeThreshold + settings.ThemeThresholdPer100 * Math.Max(0, passage.Span.Length) / 100;
        var kept = new List<int>();
        for (var t = 0; t < scores.Length; t++)
        {
            if (scores[t] >= threshold && scores[t] >= settings.ThemeRelative * max)
            {
                kept.Add(t);
            }
        }

        kept.Sort((a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        if (kept.Count > settings.MaxThemes)
        {
            kept.RemoveRange(settings.MaxThemes, kept.Count - settings.MaxThemes);
        }

        return ([.. kept.Select(t => Taxonomy.Themes[t].Id)], new LazyReasons(() => ThemeReasons(parts, scores, kept, max, threshold)));
    }

    private static void Count(List<ThemePart> parts, CueHit hit, double factor)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Theme == hit.Owner && parts[i].Cue == hit.Cue && !parts[i].Heading)
            {
                parts[i] = parts[i] with { Count = parts[i].Count + 1, Amount = parts[i].Amount + factor };
                return;
            }
        }

        parts.Add(new ThemePart(hit.Owner, hit.Cue, 1, factor, Heading: false));
    }

    private double Weight(ThemePart part)
    {
        var weight = Taxonomy.Themes[part.Theme].Cues[part.Cue].Weight;
        return part.Heading ? weight * Taxonomy.Settings.HeadingWeight : weight * Math.Min(part.Amount, Taxonomy.Settings.TermRepeatCap);
    }

    private List<string> ThemeReasons(List<ThemePart> parts, double[] scores, List<int> kept, double max, double threshold)
    {
        var themes = Taxonomy.Themes;
        var reasons = new List<string>(Math.Max(1, kept.Count));
        foreach (var t in kept)
        {
            var line = new StringBuilder($"{themes[t].Id} {ReasonText.Number(scores[t])} ≥ {ReasonText.Number(threshold)}: ");
            line.AppendJoin(", ", parts.Where(p => p.Theme == t).OrderByDescending(Weight).Select(p =>
            {
                var cue = $"\"{themes[t].Cues[p.Cue].Display}\"";
                var times = p.Count > 1 ? $"×{p.Count}" : "";
                var damped = p.Amount < p.Count ? $" (counted {ReasonText.Number(p.Amount)}: meeting business or rally)" : "";
                return p.Heading ? $"heading {cue} {ReasonText.Signed(Weight(p))}" : $"{cue}{times} {ReasonText.Signed(Weight(p))}{damped}";
            }));
            reasons.Add(line.ToString());
        }

        if (kept.Count == 0)
        {
            var best = max > 0 ? $" (best {themes[Array.IndexOf(scores, max)].Id} {ReasonText.Number(max)})" : "";
            reasons.Add($"no theme reached {ReasonText.Number(threshold)}{best}");
        }

        return reasons;
    }

    /// <param name="Count">Occurrences in the passage.</param>
    /// <param name="Amount">Occurrences weighted by their sentence type's theme weight (capped at termRepeatCap).</param>
    private readonly record struct ThemePart(int Theme, int Cue, int Count, double Amount, bool Heading);
}
