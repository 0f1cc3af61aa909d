namespace SpeechArchive.Classification;

public sealed partial class SpeechClassifier
{
    /// <summary>Scores the directive types from the cues found, the context and any carried quotation, and picks one or none.</summary>
    internal DirectiveDecision DecideDirective(
        string text, SpeechUnit unit, ArraySegment<CueHit> hits, ActiveContext? context, ActiveContext? carried, ClassifyScratch scratch)
    {
        if (Taxonomy.Filters.IsAddress(text, unit.Start, unit.End))
        {
            return new DirectiveDecision(null, ["none: only an address (settings.untypedPattern)"]);
        }

        if (Taxonomy.Filters.IsClutter(text, unit.Start, unit.End))
        {
            return new DirectiveDecision(null, ["none: caption or clutter (settings.clutterPatterns)"]);
        }

        var score = ScoreDirective(text, unit, hits, context, carried, scratch);
        var reasons = new LazyReasons(() => DirectiveReasons(text, unit, hits, context, carried));
        return new DirectiveDecision(score.Chosen >= 0 ? Taxonomy.DirectiveTypes[score.Chosen].Id : null, reasons);
    }

    /// <summary>Fills scratch.Total, FromCues and Counted for one sentence or heading and says which type wins.</summary>
    private DirectiveScore ScoreDirective(
        string text, SpeechUnit unit, ArraySegment<CueHit> hits, ActiveContext? context, ActiveContext? carried, ClassifyScratch scratch)
    {
        var types = Taxonomy.DirectiveTypes;
        var settings = Taxonomy.Settings;
        var total = scratch.Total;
        var fromCues = scratch.FromCues;
        Array.Clear(total);
        Array.Clear(fromCues);
        var turn = ContrastPosition(text, unit.Start, unit.End);
        CountCues(hits, turn, scratch.Counted);
        foreach (var (hit, weight) in scratch.Counted)
        {
            total[hit.Owner] += weight;
            fromCues[hit.Owner] += weight;
        }

        var headingType = unit.IsHeading ? IndexOfType(settings.HeadingFavours) : -1;
        if (headingType >= 0)
        {
            total[headingType] += settings.HeadingBonus;
        }

        var favoured = context is null ? -1 : IndexOfType(context.Context.Favours);
        if (favoured >= 0)
        {
            total[favoured] += context!.Context.Bonus;
        }

        var carriedType = carried is null ? -1 : IndexOfType(settings.QuoteCarries);
        if (carriedType >= 0)
        {
            total[carriedType] += settings.QuoteBonus;
        }

        var best = -1;
        for (var t = 0; t < types.Count; t++)
        {
            if (best < 0 || total[t] > total[best] || (total[t] == total[best] && fromCues[t] > fromCues[best]))
            {
                best = t;
            }
        }

        var chosen = best >= 0 && total[best] >= settings.DirectiveThreshold ? best : -1;
        return new DirectiveScore(turn, headingType >= 0, favoured >= 0, carriedType >= 0, best, chosen);
    }

    private List<string> DirectiveReasons(string text, SpeechUnit unit, ArraySegment<CueHit> hits, ActiveContext? context, ActiveContext? carried)
    {
        var scratch = ClassifyScratch.For(Taxonomy);
        var score = ScoreDirective(text, unit, hits, context, carried, scratch);
        var types = Taxonomy.DirectiveTypes;
        var settings = Taxonomy.Settings;
        var total = scratch.Total;
        var reasons = new List<string>();
        foreach (var (hit, weight) in scratch.Counted.OrderBy(c => c.Hit.Start))
        {
            var cue = types[hit.Owner].Cues[hit.Cue];
            var turn = score.Turn;
            var before = weight != hit.Weight ? $" × {ReasonText.Number(settings.ContrastWeightBefore)} before \"{text[turn..Math.Min(text.Length, turn + 3)]}\"" : "";
            reasons.Add($"cue {ReasonText.Cue(cue, text, hit)} ({types[hit.Owner].Id}, {ReasonText.Signed(hit.Weight)}{before})");
        }

        if (score.Heading)
        {
            reasons.Add($"heading → {settings.HeadingFavours} {ReasonText.Signed(settings.HeadingBonus)}");
        }

        if (score.Context)
        {
            reasons.Add(context!.Reason);
        }

        if (score.Carried)
        {
            reasons.Add(carried!.Reason);
        }

        var best = score.Best;
        if (score.Chosen < 0)
        {
            var bestText = best < 0 || total[best] <= 0 ? "nothing scored" : $"best {types[best].Id} {ReasonText.Number(total[best])}";
            reasons.Add($"none: no directive type reached {ReasonText.Number(settings.DirectiveThreshold)} ({bestText})");
            return reasons;
        }

        var chosen = score.Chosen;
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
        var markers = Taxonomy.Settings.ContrastMarkers;
        if (markers.Count == 0)
        {
            return -1;
        }

        var firsts = contrastFirsts ??= string.Concat(markers.Select(m => m[0]).Distinct());
        for (var i = text.AsSpan(start, end - start).IndexOfAny(firsts); i >= 0;)
        {
            var at = start + i;
            foreach (var marker in markers)
            {
                if (at + marker.Length <= end && string.CompareOrdinal(text, at, marker, 0, marker.Length) == 0)
                {
                    return at;
                }
            }

            var next = text.AsSpan(at + 1, end - at - 1).IndexOfAny(firsts);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return -1;
    }

    private double Weighted(CueHit hit, int turn) =>
        hit.End <= turn && !Taxonomy.Settings.ContrastExempt.Contains(Taxonomy.DirectiveTypes[hit.Owner].Id)
            ? hit.Weight * Taxonomy.Settings.ContrastWeightBefore
            : hit.Weight;

    /// <summary>The directive cues that count: each cue once, weighted for a contrast, at most maxCuesPerType positive ones per type.</summary>
    private void CountCues(ArraySegment<CueHit> hits, int turn, List<(CueHit Hit, double Weight)> counted)
    {
        counted.Clear();
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
            return;
        }

        // Keep, per type, the negative cues and the `max` strongest positive ones.
        counted.Sort(static (a, b) => a.Hit.Owner != b.Hit.Owner ? a.Hit.Owner.CompareTo(b.Hit.Owner) : b.Weight.CompareTo(a.Weight));
        var owner = -1;
        var positives = 0;
        var kept = 0;
        for (var i = 0; i < counted.Count; i++)
        {
            var cue = counted[i];
            if (cue.Hit.Owner != owner)
            {
                owner = cue.Hit.Owner;
                positives = 0;
            }

            if (cue.Weight < 0 || positives++ < max)
            {
                counted[kept++] = cue;
            }
        }

        counted.RemoveRange(kept, counted.Count - kept);
    }

    /// <summary>True when no earlier hit in the list is the same cue: a cue counts once per sentence.</summary>
    private static bool IsFirst(ArraySegment<CueHit> hits, int index)
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

    /// <summary>What decided a directive: the contrast position, which bonuses applied, the best type and the chosen one (-1 = none).</summary>
    private readonly record struct DirectiveScore(int Turn, bool Heading, bool Context, bool Carried, int Best, int Chosen);
}
