using System.Text;

namespace SpeechArchive.Classification;

public sealed partial class SpeechClassifier
{
    /// <summary>Scores every theme in a passage (its sentences' cues, plus the headings above it at a lower weight) and keeps the best.</summary>
    private (IReadOnlyList<string> Themes, IReadOnlyList<string> Reasons) DecideThemes(
        SpeechWork work, int passageIndex, SentenceLabel[] sentences, ClassifyScratch scratch)
    {
        ScoreThemes(work, passageIndex, sentences, scratch);
        var kept = scratch.Kept;
        var themes = new string[kept.Count];
        for (var i = 0; i < themes.Length; i++)
        {
            themes[i] = Taxonomy.Themes[kept[i]].Id;
        }

        return (themes, new LazyReasons(() => ThemeReasons(work, passageIndex, sentences)));
    }

    /// <summary>Fills scratch.Parts, ThemeScores and Kept (best first) for one passage; returns the threshold it used.</summary>
    private double ScoreThemes(SpeechWork work, int passageIndex, SentenceLabel[] sentences, ClassifyScratch scratch)
    {
        var settings = Taxonomy.Settings;
        var passage = work.Structure.Passages[passageIndex];
        var parts = scratch.Parts;
        parts.Clear();
        for (var k = 0; k < passage.Sentences.Count; k++)
        {
            var factor = sentences[k].DirectiveType is { } type && IndexOfType(type) is >= 0 and var t ? Taxonomy.DirectiveTypes[t].ThemeWeight : 1;
            if (factor <= 0)
            {
                continue;
            }

            foreach (var hit in work.SentenceHits(passageIndex, k))
            {
                if (hit.Group == CueGroup.Theme)
                {
                    Count(parts, hit, factor);
                }
            }
        }

        AddHeadingCues(work, passage.SectionOrdinal, parts);
        var scores = scratch.ThemeScores;
        Array.Clear(scores);
        foreach (var part in parts)
        {
            scores[part.Theme] += Weight(part);
        }

        var max = scores.Length == 0 ? 0 : scores.Max();
        var threshold = settings.ThemeThreshold + settings.ThemeThresholdPer100 * Math.Max(0, passage.Span.Length) / 100;
        var kept = scratch.Kept;
        kept.Clear();
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

        return threshold;
    }

    /// <summary>Heading cues reinforce themes the passage itself has; a heading alone does not give a theme.</summary>
    private static void AddHeadingCues(SpeechWork work, int sectionOrdinal, List<ThemePart> parts)
    {
        var sections = work.Structure.Sections;
        var depth = 0;
        var own = parts.Count;
        for (var s = sectionOrdinal; s >= 0 && s < sections.Count && depth++ < 64; s = sections[s].ParentOrdinal)
        {
            var before = parts.Count;
            foreach (var hit in work.HeadingHits(s))
            {
                if (hit.Group == CueGroup.Theme && Has(parts, 0, own, hit.Owner, -1) && !Has(parts, before, parts.Count, hit.Owner, hit.Cue))
                {
                    parts.Add(new ThemePart(hit.Owner, hit.Cue, 1, 1, Heading: true));
                }
            }
        }
    }

    /// <summary>True when parts[from..to) has the theme (and the cue, unless cue is -1).</summary>
    private static bool Has(List<ThemePart> parts, int from, int to, int theme, int cue)
    {
        for (var i = from; i < to; i++)
        {
            if (parts[i].Theme == theme && (cue < 0 || parts[i].Cue == cue))
            {
                return true;
            }
        }

        return false;
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

    private List<string> ThemeReasons(SpeechWork work, int passageIndex, SentenceLabel[] sentences)
    {
        var scratch = ClassifyScratch.For(Taxonomy);
        var threshold = ScoreThemes(work, passageIndex, sentences, scratch);
        var themes = Taxonomy.Themes;
        var scores = scratch.ThemeScores;
        var reasons = new List<string>(Math.Max(1, scratch.Kept.Count));
        foreach (var t in scratch.Kept)
        {
            var line = new StringBuilder($"{themes[t].Id} {ReasonText.Number(scores[t])} ≥ {ReasonText.Number(threshold)}: ");
            line.AppendJoin(", ", scratch.Parts.Where(p => p.Theme == t).OrderByDescending(Weight).Select(p =>
            {
                var cue = $"\"{themes[t].Cues[p.Cue].Display}\"";
                var times = p.Count > 1 ? $"×{p.Count}" : "";
                var damped = p.Amount < p.Count ? $" (counted {ReasonText.Number(p.Amount)}: meeting business or rally)" : "";
                return p.Heading ? $"heading {cue} {ReasonText.Signed(Weight(p))}" : $"{cue}{times} {ReasonText.Signed(Weight(p))}{damped}";
            }));
            reasons.Add(line.ToString());
        }

        if (scratch.Kept.Count == 0)
        {
            var max = scores.Length == 0 ? 0 : scores.Max();
            var best = max > 0 ? $" (best {themes[Array.IndexOf(scores, max)].Id} {ReasonText.Number(max)})" : "";
            reasons.Add($"no theme reached {ReasonText.Number(threshold)}{best}");
        }

        return reasons;
    }
}
