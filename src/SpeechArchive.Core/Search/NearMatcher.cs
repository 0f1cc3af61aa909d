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

        var keys = KeysOf(probes);
        var candidates = BigramCandidates.Top(index, keys, options.Candidates, options.MinOverlap, accept);
        var scorer = new Scorer(probes, inserted, keys);
        var matches = new List<NearMatch>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var (similarity, start, end) = scorer.Score(index.Passages[candidate.Doc].MatchText);
            if (similarity >= options.MinSimilarity)
            {
                matches.Add(new NearMatch(candidate.Doc, similarity, start, end, candidate.Overlap));
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

    /// <summary>How nearly a passage holds <paramref name="probe"/> (0–1), as near matches are scored.</summary>
    public static double Similarity(string passageMatchText, string probe) => Score(passageMatchText, probe).Similarity;

    /// <summary>How nearly a passage holds <paramref name="probe"/> (0–1) and the span of its match text that aligns.</summary>
    public static (double Similarity, int Start, int End) Score(string passageMatchText, string probe) =>
        new Scorer([probe], [""], KeysOf([probe])).Score(passageMatchText);

    private static List<long> KeysOf(List<string> probes)
    {
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

        return keys;
    }

    /// <summary>Scores passages against a probe and its variants: alignment (halves may be swapped) and coverage, averaged.</summary>
    private sealed class Scorer(List<string> probes, List<string> inserted, List<long> keys)
    {
        private readonly HashSet<long> keySet = keys.ToHashSet();
        private readonly int longest = probes.Max(p => p.Length);

        public (double Similarity, int Start, int End) Score(string passage)
        {
            var (offset, length) = Window(passage, keySet, longest);
            var text = length == passage.Length ? passage : passage.Substring(offset, length);
            (double Similarity, int Start, int End) best = (0, 0, 0);
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
                    best = (similarity, offset + a.TextStart, offset + a.TextEnd);
                }
            }

            return best;
        }
    }

    /// <summary>
    /// The part of a long passage worth aligning: the stretch of about the probe's length holding the most of its bigrams,
    /// with a margin either side (alignment cost grows with the text, and the rest of a long passage cannot score higher).
    /// </summary>
    internal static (int Offset, int Length) Window(string text, HashSet<long> keys, int probeLength)
    {
        var width = probeLength + 6;
        var margin = (probeLength / 2) + 4;
        if (text.Length <= width + (4 * margin))
        {
            return (0, text.Length);
        }

        var hits = new List<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (keys.Contains(TermKey.Bigram(text[i], text[i + 1])))
            {
                hits.Add(i);
            }
        }

        if (hits.Count == 0)
        {
            return (0, text.Length);
        }

        var bestFirst = 0;
        var bestLast = 0;
        var first = 0;
        for (var last = 0; last < hits.Count; last++)
        {
            while (hits[last] - hits[first] >= width)
            {
                first++;
            }

            if (last - first > bestLast - bestFirst)
            {
                bestFirst = first;
                bestLast = last;
            }
        }

        var start = Math.Max(0, hits[bestFirst] - margin);
        var end = Math.Min(text.Length, hits[bestLast] + 2 + margin);
        return (start, end - start);
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
