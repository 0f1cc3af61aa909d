using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// Finds passages that say nearly what a probe says — characters missing or added, halves swapped, a near-synonym —
/// as writers half-remember a clause: candidates by shared bigrams from the postings, then each candidate's match text
/// aligned character by character against the probe and its thesaurus variants (<see cref="LocalAlignment"/>).
/// </summary>
internal static class NearMatcher
{
    /// <summary>A variant made through the thesaurus ranks this much below the same alignment of the words as typed.</summary>
    private const double SubstitutionPenalty = 0.01;

    public static List<NearMatch> Find(IndexSnapshot index, string probe, IReadOnlyList<(string Variant, string Inserted)> variants, Func<int, bool> accept, NearMatchOptions options)
    {
        var probes = new List<string> { probe };
        var inserted = new List<string> { "" };
        foreach (var (variant, term) in variants.Where(v => v.Variant.Length > 0 && v.Variant != probe))
        {
            probes.Add(variant);
            inserted.Add(term);
        }

        var keys = new List<long>();
        foreach (var p in probes)
        {
            foreach (var key in BigramCandidates.KeysOf(p))
            {
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }

        var candidates = BigramCandidates.Top(index, keys, options.Candidates, options.MinOverlap, accept);
        var matches = new List<NearMatch>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var text = index.Passages[candidate.Doc].MatchText;
            var best = default(NearMatch);
            for (var k = 0; k < probes.Count; k++)
            {
                if (k > 0 && !text.Contains(inserted[k], StringComparison.Ordinal))
                {
                    continue; // a variant only helps where its substituted term occurs
                }

                var a = LocalAlignment.AlignRotations(probes[k], text);
                var similarity = ((a.Similarity(probes[k].Length) + Coverage(probes[k], text, a)) / 2) - (k == 0 ? 0 : SubstitutionPenalty);
                if (similarity > best.Similarity)
                {
                    best = new NearMatch(candidate.Doc, similarity, a.TextStart, a.TextEnd, candidate.Overlap);
                }
            }

            if (best.Similarity >= options.MinSimilarity)
            {
                matches.Add(best);
            }
        }

        matches.Sort(static (x, y) =>
        {
            var c = y.Similarity.CompareTo(x.Similarity);
            if (c == 0)
            {
                c = y.Overlap.CompareTo(x.Overlap);
            }

            return c != 0 ? c : x.Doc.CompareTo(y.Doc);
        });
        return matches.Count > options.MaxResults ? matches.GetRange(0, options.MaxResults) : matches;
    }

    /// <summary>
    /// The share of the probe's characters (as a multiset) found around the aligned span, in any order: a near-synonym
    /// that shares a character (构建 for 建立) or a word moved within the clause still counts for what it holds.
    /// </summary>
    internal static double Coverage(string probe, string text, Alignment a)
    {
        if (a.TextEnd <= a.TextStart)
        {
            return 0;
        }

        var slack = Math.Max(2, probe.Length - (a.TextEnd - a.TextStart));
        var from = a.TextStart;
        for (var i = 0; i < slack && from > 0 && text[from - 1] != MatchText.Break; i++)
        {
            from--;
        }

        var to = a.TextEnd;
        for (var i = 0; i < slack && to < text.Length && text[to] != MatchText.Break; i++)
        {
            to++;
        }

        Span<char> wanted = probe.Length <= 256 ? stackalloc char[probe.Length] : new char[probe.Length];
        probe.AsSpan().CopyTo(wanted);
        var left = wanted.Length;
        var found = 0;
        for (var i = from; i < to && left > 0; i++)
        {
            var at = wanted[..left].IndexOf(text[i]);
            if (at >= 0)
            {
                wanted[at] = wanted[left - 1];
                left--;
                found++;
            }
        }

        return (double)found / probe.Length;
    }
}

/// <summary>A near match: the passage, how much of the probe it holds in order (0–1), the aligned span of its match text, and its bigram overlap.</summary>
internal readonly record struct NearMatch(int Doc, double Similarity, int MatchStart, int MatchEnd, double Overlap);
