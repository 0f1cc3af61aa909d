namespace SpeechArchive.Classification;

public sealed partial class SpeechClassifier
{
    /// <summary>Scores the directive types from the cues found, the context and any carried quotation, and picks one or none.</summary>
    internal DirectiveDecision DecideDirective(string text, SpeechUnit unit, List<CueHit> hits, ActiveContext? context, ActiveContext? carried)
    {
        if (Taxonomy.IsUntyped(text, unit.Start, unit.End))
        {
            return new DirectiveDecision(null, ["none: only an address (settings.untypedPattern)"]);
        }

        if (Taxonomy.IsClutter(text, unit.Start, unit.End))
        {
            return new DirectiveDecision(null, ["none: caption or clutter (settings.clutterPatterns)"]);
        }

        var types = Taxonomy.DirectiveTypes;
        var total = new double[types.Count];
        var fromCues = new double[types.Count];
        var turn = ContrastPosition(text, unit.Start, unit.End);
        var counted = CountedCues(hits, turn);
        foreach (var (hit, weight) in counted)
        {
            total[hit.Owner] += weight;
            fromCues[hit.Owner] += weight;
        }

        var headingType = unit.IsHeading ? IndexOfType(Taxonomy.Settings.HeadingFavours) : -1;
        if (headingType >= 0)
        {
            total[headingType] += Taxonomy.Settings.HeadingBonus;
        }

        var favoured = context is null ? -1 : IndexOfType(context.Context.Favours);
        if (favoured >= 0)
        {
            total[favoured] += context!.Context.Bonus;
        }

        var carriedType = carried is null ? -1 : IndexOfType(Taxonomy.Settings.QuoteCarries);
        if (carriedType >= 0)
        {
            total[carriedType] += Taxonomy.Settings.QuoteBonus;
        }

        var best = -1;
        for (var t = 0; t < types.Count; t++)
        {
            if (best < 0 || total[t] > total[best] || (total[t] == total[best] && fromCues[t] > fromCues[best]))
            {
                best = t;
            }
        }

        var chosen = best >= 0 && total[best] >= Taxonomy.Settings.DirectiveThreshold ? best : -1;
        var reasons = new LazyReasons(() => DirectiveReasons(
            text, counted, turn, headingType >= 0, favoured >= 0 ? context : null, carriedType >= 0 ? carried : null, total, best, chosen));
        return new DirectiveDecision(chosen >= 0 ? types[chosen].Id : null, reasons);
    }

    private List<string> DirectiveReasons(
        string text, List<(CueHit Hit, double Weight)> counted, int turn, bool heading, ActiveContext? context, ActiveContext? carried, double[] total, int best, int chosen)
    {
        var types = Taxonomy.DirectiveTypes;
        var settings = Taxonomy.Settings;
        var reasons = new List<string>();
        foreach (var (hit, weight) in counted.OrderBy(c => c.Hit.Start))
        {
            var cue = types[hit.Owner].Cues[hit.Cue];
            var before = weight != hit.Weight ? $" × {ReasonText.Number(settings.ContrastWeightBefore)} before \"{text[turn..Math.Min(text.Length, turn + 3)]}\"" : "";
            reasons.Add($"cue {ReasonText.Cue(cue, text, hit)} ({types[hit.Owner].Id}, {ReasonText.Signed(hit.Weight)}{before})");
        }

        if (heading)
        {
            reasons.Add($"heading → {settings.HeadingFavours} {ReasonText.Signed(settings.HeadingBonus)}");
        }

        if (context is not null)
        {
            reasons.Add(context.Reason);
        }

        if (carried is not null)
        {
            reasons.Add(carried.Reason);
        }

        if (chosen < 0)
        {
            var bestText = best < 0 || total[best] <= 0 ? "nothing scored" : $"best {types[best].Id} {ReasonText.Number(total[best])}";
            reasons.Add($"none: no directive type reached {ReasonText.Number(Taxonomy.Settings.DirectiveThreshold)} ({bestText})");
            return reasons;
        }

        var runnerUp = -1;
        for (var t = 0; t < types.Count; t++)
        {
            if (t != chosen && total[t] > 0 && (runnerUp < 0 || total[t] > total[runnerUp]))
            {
                runnerUp = t;
            }
        }

        var against = runnerUp < 0 ? "" : $" (next: {types[runnerUp].Id} {ReasonText.Number(total[runnerUp])})";
        reasons.Add($"{types[chosen].Id}: score {ReasonText.Number(total[chosen])}{against}");
        return reasons;
    }

    /// <summary>Where the first contrast marker (，但 / ，却 …) of the sentence starts, or -1.</summary>
    private int ContrastPosition(string text, int start, int end)
    {
        var turn = -1;
        foreach (var marker in Taxonomy.Settings.ContrastMarkers)
        {
            var at = text.IndexOf(marker, start, end - start, StringComparison.Ordinal);
            if (at >= 0 && (turn < 0 || at < turn))
            {
                turn = at;
            }
        }

        return turn;
    }

    private double Weighted(CueHit hit, int turn) =>
        hit.End <= turn && !Taxonomy.Settings.ContrastExempt.Contains(Taxonomy.DirectiveTypes[hit.Owner].Id)
            ? hit.Weight * Taxonomy.Settings.ContrastWeightBefore
            : hit.Weight;

    /// <summary>The directive cues that count: each cue once, weighted for a contrast, at most maxCuesPerType positive ones per type.</summary>
    private List<(CueHit Hit, double Weight)> CountedCues(List<CueHit> hits, int turn)
    {
        var counted = new List<(CueHit Hit, double Weight)>();
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Group == CueGroup.Directive && hit.Weight != 0 && IsFirst(hits, i))
            {
                counted.Add((hit, Weighted(hit, turn)));
            }
        }

        var max = Taxonomy.Settings.MaxCuesPerType;
        if (max <= 0 || counted.Count <= max)
        {
            return counted;
        }

        var kept = new List<(CueHit Hit, double Weight)>(counted.Count);
        foreach (var group in counted.GroupBy(c => c.Hit.Owner))
        {
            kept.AddRange(group.Where(c => c.Weight < 0));
            kept.AddRange(group.Where(c => c.Weight > 0).OrderByDescending(c => c.Weight).Take(max));
        }

        return kept;
    }

    /// <summary>True when no earlier hit in the list is the same cue: a cue counts once per sentence.</summary>
    private static bool IsFirst(List<CueHit> hits, int index)
    {
        var hit = hits[index];
        for (var j = 0; j < index; j++)
        {
            if (hits[j].Group == hit.Group && hits[j].Owner == hit.Owner && hits[j].Cue == hit.Cue)
            {
                return false;
            }
        }

        return true;
    }

    private int IndexOfType(string id)
    {
        var types = Taxonomy.DirectiveTypes;
        for (var t = 0; t < types.Count; t++)
        {
            if (types[t].Id == id)
            {
                return t;
            }
        }

        return -1;
    }
}
