using System.Globalization;

namespace SpeechArchive.Classification;

/// <summary>
/// Follows the contexts (review, problems, tasks, closing) through a speech in document order. A heading opens a
/// context for its whole section. A lead-in sentence (一年来…, 主要表现在：, 下面我讲几点意见) opens one until the end of
/// its section (or of the speech), until another context opens, or until a paragraph that is only an address
/// (同志们！) marks a new part. A heading without cues of its own takes the context its section's lead-in opens, else
/// the one it stands in.
/// </summary>
internal sealed class ContextTracker
{
    private const int LookAheadPassages = 2;

    private readonly Taxonomy taxonomy;
    private readonly SpeechWork work;
    private readonly List<Entry> stack = [];
    private readonly Dictionary<int, List<int>> leadIns = [];

    // Lead-ins' contexts on the stack, ended or not: while there are none, no paragraph needs checking for an address.
    private int leadInsHeld;

    // The last paragraph checked for being only an address, and the last one found to be: a lead-in of an earlier
    // paragraph has ended.
    private int addressChecked = -1;
    private int lastAddress = -1;

    public ContextTracker(Taxonomy taxonomy, SpeechWork work)
    {
        this.taxonomy = taxonomy;
        this.work = work;
        var passages = work.Structure.Passages;
        for (var p = 0; p < passages.Count; p++)
        {
            var section = passages[p].SectionOrdinal;
            if (!leadIns.TryGetValue(section, out var list))
            {
                leadIns[section] = list = [];
            }

            if (list.Count < LookAheadPassages)
            {
                list.Add(p);
            }
        }
    }

    /// <summary>How many times an open context was checked for its end: at most the units entered plus the contexts opened.</summary>
    public long EndChecks { get; private set; }

    public ActiveContext? Enter(SpeechUnit unit, ArraySegment<CueHit> hits)
    {
        NoteAddress(unit);

        // Units come in document order, so a context that has ended stays ended (its scope is behind, or an address came
        // after its lead-in), and only the innermost one is read: an ended one is dropped when it comes to the top. Checking
        // every open context at every unit was quadratic where lead-ins pile up (a file of one paragraph repeated).
        while (stack.Count > 0 && HasEnded(stack[^1], unit.Start))
        {
            if (stack[^1].LeadInPassage >= 0)
            {
                leadInsHeld--;
            }

            stack.RemoveAt(stack.Count - 1);
        }

        var opened = Opened(hits, unit.Start);
        if (unit.IsHeading)
        {
            var section = work.Structure.Sections[unit.SectionOrdinal];
            if (opened is { } byHeading)
            {
                var reason = Reason(byHeading, $"heading \"{work.Snippet(unit.Start, unit.End)}\"");
                stack.Add(new Entry(new ActiveContext(byHeading.Context, reason), section.Span.End, -1, -1));
            }
            else if (LookAhead(unit.SectionOrdinal) is { } ahead)
            {
                return ahead;
            }
        }
        else if (opened is { } bySentence)
        {
            var reason = Reason(bySentence, $"\"{work.Snippet(unit.Start, unit.End)}\"");
            stack.Add(new Entry(new ActiveContext(bySentence.Context, reason), work.ScopeEnd(unit.SectionOrdinal), unit.SectionOrdinal, unit.PassageIndex));
            leadInsHeld++;
        }

        return stack.Count > 0 ? stack[^1].Context : null;
    }

    /// <summary>A context ends with its scope; a lead-in's also at a later paragraph that is only an address (同志们！).</summary>
    private bool HasEnded(Entry entry, int position)
    {
        EndChecks++;
        return entry.ScopeEnd <= position || (entry.LeadInPassage >= 0 && entry.LeadInPassage < lastAddress);
    }

    /// <summary>Notes the unit's paragraph when it is only an address, once per paragraph, while a lead-in's context is open.</summary>
    private void NoteAddress(SpeechUnit unit)
    {
        if (unit.IsHeading || leadInsHeld == 0 || unit.PassageIndex == addressChecked)
        {
            return;
        }

        addressChecked = unit.PassageIndex;
        var span = work.Structure.Passages[unit.PassageIndex].Span;
        var start = Math.Clamp(span.Start, 0, work.Text.Length);
        if (taxonomy.Filters.IsAddress(work.Text, start, Math.Clamp(span.End, start, work.Text.Length)))
        {
            lastAddress = unit.PassageIndex;
        }
    }

    private ActiveContext? LookAhead(int sectionOrdinal)
    {
        var passages = work.Structure.Passages;
        foreach (var p in leadIns.GetValueOrDefault(sectionOrdinal) ?? [])
        {
            for (var k = 0; k < passages[p].Sentences.Count; k++)
            {
                var sentence = passages[p].Sentences[k];
                if (Opened(work.SentenceHits(p, k), sentence.Start) is { } opened)
                {
                    var reason = Reason(opened, $"this section's lead-in \"{work.Snippet(sentence.Start, sentence.End)}\"");
                    return new ActiveContext(opened.Context, reason);
                }
            }
        }

        return null;
    }

    private (TaxonomyContext Context, string Cue)? Opened(ArraySegment<CueHit> hits, int position)
    {
        var contexts = taxonomy.Contexts;
        if (contexts.Count == 0 || !HasContextCue(hits))
        {
            return null;
        }

        var scores = new double[contexts.Count];
        var best = new string?[contexts.Count];
        var bestWeight = new double[contexts.Count];
        var counted = new HashSet<(int, int)>();
        foreach (var hit in hits)
        {
            if (hit.Group == CueGroup.Context && counted.Add((hit.Owner, hit.Cue)))
            {
                scores[hit.Owner] += hit.Weight;
                if (best[hit.Owner] is null || hit.Weight > bestWeight[hit.Owner])
                {
                    best[hit.Owner] = contexts[hit.Owner].Cues[hit.Cue].Display;
                    bestWeight[hit.Owner] = hit.Weight;
                }
            }
        }

        var share = work.Text.Length == 0 ? 0 : (double)position / work.Text.Length;
        var winner = -1;
        for (var c = 0; c < contexts.Count; c++)
        {
            if (scores[c] >= taxonomy.Settings.ContextThreshold && share >= contexts[c].MinPosition && (winner < 0 || scores[c] > scores[winner]))
            {
                winner = c;
            }
        }

        return winner < 0 ? null : (contexts[winner], best[winner]!);
    }

    private static bool HasContextCue(ArraySegment<CueHit> hits)
    {
        foreach (var hit in hits)
        {
            if (hit.Group == CueGroup.Context)
            {
                return true;
            }
        }

        return false;
    }

    private static string Reason((TaxonomyContext Context, string Cue) opened, string where)
    {
        var context = opened.Context;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"context: {context.Label} ({context.Id}) opened by {where} via cue \"{opened.Cue}\" → {context.Favours} {ReasonText.Signed(context.Bonus)}");
    }

    /// <param name="LeadInSection">Section of the lead-in sentence that opened the context, or -1 for a heading's context.</param>
    /// <param name="LeadInPassage">Passage of that sentence, or -1.</param>
    private readonly record struct Entry(ActiveContext Context, int ScopeEnd, int LeadInSection, int LeadInPassage);
}
