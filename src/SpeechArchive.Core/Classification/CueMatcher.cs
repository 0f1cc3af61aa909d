using System.Text.RegularExpressions;

namespace SpeechArchive.Classification;

/// <summary>
/// Finds every cue of a taxonomy in a sentence: one automaton pass for all terms, then only those regexes whose
/// literal text occurred (or that have none). Within each group a longer term hides the shorter terms inside it.
/// </summary>
internal sealed class CueMatcher
{
    private const int GroupCount = 3;

    private readonly TermAutomaton automaton;
    private readonly TermEntry[][][] entries;
    private readonly int[][] probes;
    private readonly PatternCue[] patterns;
    private readonly int[] unconditional;

    public CueMatcher(Taxonomy taxonomy)
    {
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var termEntries = new List<List<TermEntry>>();
        var termProbes = new List<List<int>>();
        var patternList = new List<PatternCue>();
        var always = new List<int>();

        int TermId(string text)
        {
            if (!termIds.TryGetValue(text, out var id))
            {
                id = termIds.Count;
                termIds[text] = id;
                termEntries.Add([]);
                termProbes.Add([]);
            }

            return id;
        }

        void AddCues(CueGroup group, int owner, IReadOnlyList<TaxonomyCue> cues)
        {
            for (var k = 0; k < cues.Count; k++)
            {
                var cue = cues[k];
                if (cue.Kind != TaxonomyCueKind.Pattern)
                {
                    termEntries[TermId(cue.Text)].Add(new TermEntry(group, owner, k, cue.Weight, cue.Kind == TaxonomyCueKind.StartTerm));
                    continue;
                }

                var index = patternList.Count;
                patternList.Add(new PatternCue(group, owner, k, cue.Weight, taxonomy.Patterns[cue.Text]));
                if (RegexLiterals.Required(cue.Text) is { } literals)
                {
                    foreach (var literal in literals)
                    {
                        termProbes[TermId(literal)].Add(index);
                    }
                }
                else
                {
                    always.Add(index);
                }
            }
        }

        for (var i = 0; i < taxonomy.DirectiveTypes.Count; i++)
        {
            AddCues(CueGroup.Directive, i, taxonomy.DirectiveTypes[i].Cues);
        }

        for (var i = 0; i < taxonomy.Themes.Count; i++)
        {
            AddCues(CueGroup.Theme, i, taxonomy.Themes[i].Cues);
        }

        for (var i = 0; i < taxonomy.Contexts.Count; i++)
        {
            AddCues(CueGroup.Context, i, taxonomy.Contexts[i].Cues);
        }

        automaton = new TermAutomaton([.. termIds.OrderBy(p => p.Value).Select(p => p.Key)]);
        entries = [.. termEntries.Select(e => Enumerable.Range(0, GroupCount).Select(g => e.Where(x => (int)x.Group == g).ToArray()).ToArray())];
        probes = [.. termProbes.Select(p => p.ToArray())];
        patterns = [.. patternList];
        unconditional = [.. always];
    }

    /// <summary>Number of regexes that run on every sentence because no literal could be derived from them.</summary>
    public int UnfilteredPatternCount => unconditional.Length;

    /// <summary>Appends to <paramref name="hits"/> every cue found in text[start..end).</summary>
    public void Match(string text, int start, int end, MatchScratch scratch, List<CueHit> hits)
    {
        var bodyStart = SentenceBody.BodyStart(text, start, end);
        var firstBody = bodyStart;
        while (firstBody < end && TermText.IsIgnorable(text[firstBody]))
        {
            firstBody++;
        }

        var found = scratch.Occurrences;
        found.Clear();
        automaton.Scan(text, start, end, found);
        if (found.Count > 1)
        {
            found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }

        for (var group = 0; group < GroupCount; group++)
        {
            var maxEnd = -1;
            foreach (var occurrence in found)
            {
                var inGroup = entries[occurrence.Term][group];
                if (inGroup.Length == 0 || occurrence.End <= maxEnd || !AnyActive(inGroup, occurrence.Start == firstBody))
                {
                    continue;
                }

                maxEnd = occurrence.End;
                foreach (var entry in inGroup)
                {
                    if (!entry.Anchored || occurrence.Start == firstBody)
                    {
                        hits.Add(new CueHit(entry.Group, entry.Owner, entry.Cue, entry.Weight, occurrence.Start, occurrence.End));
                    }
                }
            }
        }

        var candidates = scratch.Candidates(patterns.Length);
        foreach (var occurrence in found)
        {
            foreach (var p in probes[occurrence.Term])
            {
                candidates[p] = true;
            }
        }

        foreach (var p in unconditional)
        {
            candidates[p] = true;
        }

        for (var p = 0; p < patterns.Length; p++)
        {
            if (candidates[p])
            {
                candidates[p] = false;
                RunPattern(patterns[p], text, bodyStart, end, hits);
            }
        }
    }

    private static bool AnyActive(TermEntry[] entries, bool atStart)
    {
        foreach (var entry in entries)
        {
            if (!entry.Anchored || atStart)
            {
                return true;
            }
        }

        return false;
    }

    private static void RunPattern(PatternCue pattern, string text, int bodyStart, int end, List<CueHit> hits)
    {
        try
        {
            foreach (var match in pattern.Regex.EnumerateMatches(text.AsSpan(bodyStart, end - bodyStart)))
            {
                var start = bodyStart + match.Index;
                hits.Add(new CueHit(pattern.Group, pattern.Owner, pattern.Cue, pattern.Weight, start, start + match.Length));
                break;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // An administrator's regex that backtracks catastrophically on one sentence just does not count there.
        }
    }

    private readonly record struct TermEntry(CueGroup Group, int Owner, int Cue, double Weight, bool Anchored);

    private sealed record PatternCue(CueGroup Group, int Owner, int Cue, double Weight, Regex Regex);
}
