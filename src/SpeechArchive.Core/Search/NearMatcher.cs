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

    /// <summary>
    /// The near matches of <paramref name="probe"/> (and its thesaurus <paramref name="variants"/>) among the passages
    /// <paramref name="accept"/> lets through (all of them in <paramref name="within"/>, sorted, when it is given), best first.
    /// With <paramref name="exhaustive"/>, without the shortcuts — candidates by adding every posting, every candidate aligned —
    /// the reference the tests hold them to.
    /// </summary>
    public static List<NearMatch> Find(IndexSnapshot index, string probe, IReadOnlyList<(string Variant, string Inserted)> variants, Func<int, bool> accept,
        NearMatchOptions options, bool exhaustive = false, int[]? within = null)
    {
        var probes = new List<string> { probe };
        var inserted = new List<string> { "" };
        foreach (var (variant, term) in variants.Where(v => v.Variant.Length > 0 && v.Variant != probe))
        {
            probes.Add(variant);
            inserted.Add(term);
        }

        var keys = KeysOf(probes);
        var candidates = BigramCandidates.Top(index, keys, options.Candidates, options.MinOverlap, accept, exhaustive, within);
        var scorer = new Scorer(probes, inserted, keys);
        var floor = exhaustive ? double.NegativeInfinity : options.MinSimilarity;
        // Each candidate aligned apart, on as many cores as are free (many candidates), then taken in order.
        var aligned = new (double Similarity, int Start, int End, bool Rotated)[candidates.Count];
        Cores.For(candidates.Count, AlignApartFrom, k => aligned[k] = scorer.Score(index.Passages[candidates[k].Doc].MatchText, floor));

        var matches = new List<NearMatch>(candidates.Count);
        for (var k = 0; k < candidates.Count; k++)
        {
            var (similarity, start, end, rotated) = aligned[k];
            if (similarity >= options.MinSimilarity)
            {
                matches.Add(new NearMatch(candidates[k].Doc, similarity, start, end, candidates[k].Overlap) { Rotated = rotated });
            }
        }

        matches.Sort(Order);

        // A writer remembers a clause as written: of the best matches, one whose aligned span steps over punctuation or
        // quotation marks in the original (贯彻依法治国基本方略，全面 for 全面贯彻依法治国基本方略) drops a little below an
        // equally close one that is a clause as written. Only the head of the list is checked (it needs the original offsets).
        var head = Math.Min(matches.Count, ClauseCheckDepth);
        for (var i = 0; i < head; i++)
        {
            var m = matches[i];
            var steps = Math.Min(Boundaries(index, m.Doc, m.MatchStart, m.MatchEnd), 3);
            if (steps > 0)
            {
                matches[i] = m with { Similarity = m.Similarity - (steps * BoundaryPenalty) };
            }
        }

        matches.Sort(0, head, Comparer<NearMatch>.Create(Order));
        return matches.Count > options.MaxResults ? matches.GetRange(0, options.MaxResults) : matches;
    }

    /// <summary>
    /// Longer probes are aligned without looking for swapped halves: the search over seams grows with the square of the
    /// probe, and a long probe with its halves swapped still aligns its larger half and covers all of its characters.
    /// </summary>
    internal const int MaxRotatedLength = 48;

    /// <summary>Longer probes are aligned as typed only: a substituted word changes a long probe's similarity by a few percent.</summary>
    internal const int MaxVariantLength = 48;

    /// <summary>From how many candidates they are aligned on several cores (a candidate takes a few microseconds).</summary>
    private const int AlignApartFrom = 32;

    /// <summary>What each step over punctuation inside an aligned span costs (at most three count).</summary>
    private const double BoundaryPenalty = 0.01;

    /// <summary>How many of the best near matches are checked for punctuation inside their aligned span.</summary>
    private const int ClauseCheckDepth = 30;

    private static int Order(NearMatch x, NearMatch y)
    {
        var c = y.Similarity.CompareTo(x.Similarity);
        if (c == 0)
        {
            c = x.Rotated.CompareTo(y.Rotated); // of equal scores, the words in the order typed before a swap of halves
        }

        if (c == 0)
        {
            c = y.Overlap.CompareTo(x.Overlap);
        }

        return c != 0 ? c : x.Doc.CompareTo(y.Doc);
    }

    /// <summary>
    /// How many times the span [start, end) of a passage's match text steps over characters the match text leaves out —
    /// punctuation, quotation marks, spaces — in the original text: 0 when the span is written as one run.
    /// </summary>
    internal static int Boundaries(IndexSnapshot index, int doc, int start, int end)
    {
        if (end - start < 2)
        {
            return 0;
        }

        var offsets = index.Passages[doc].MatchOffsets();
        var steps = 0;
        for (var k = start; k + 1 < end && k + 1 < offsets.Count; k++)
        {
            if (offsets[k + 1] - offsets[k] > 1)
            {
                steps++;
            }
        }

        return steps;
    }

    /// <summary>True when <paramref name="probe"/> occurs in the passage's original text as one run (no punctuation inside).</summary>
    internal static bool OccursAsWritten(IndexSnapshot index, int doc, string probe)
    {
        var p = index.Passages[doc];
        if (probe.All(c => TextNormalizer.KindOf(c) == CharKind.Cjk))
        {
            return MatchText.HoldsWhole(p.SourceText[p.Start..p.End], probe); // Han characters are their own match form; 十大 is none of 二十大
        }

        var text = p.MatchText;
        List<int>? offsets = null;
        for (var at = text.IndexOf(probe, StringComparison.Ordinal); at >= 0; at = text.IndexOf(probe, at + 1, StringComparison.Ordinal))
        {
            offsets ??= p.MatchOffsets();
            if (offsets[at + probe.Length - 1] - offsets[at] == probe.Length - 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How nearly a passage holds <paramref name="probe"/> (0–1) and the span of its match text that aligns.</summary>
    public static (double Similarity, int Start, int End) Score(string passageMatchText, string probe)
    {
        var (similarity, start, end, _) = For(probe).Score(passageMatchText, double.NegativeInfinity);
        return (similarity, start, end);
    }

    /// <summary>A scorer of passages against <paramref name="probe"/> alone, made once for many passages (<see cref="Scorer.Similarity"/> each).</summary>
    public static Scorer For(string probe) => new([probe], [""], KeysOf([probe]));

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
    internal sealed class Scorer(List<string> probes, List<string> inserted, List<long> keys)
    {
        private readonly HashSet<long> keySet = keys.ToHashSet();
        private readonly int longest = probes.Max(p => p.Length);

        /// <summary>How nearly the passage holds the probe (0–1), as near matches are scored.</summary>
        public double Similarity(string passage) => Score(passage, double.NegativeInfinity).Similarity;

        /// <summary>
        /// The best similarity of the probe or a variant in the passage and its aligned span; 0 without aligning when none
        /// could reach <paramref name="floor"/> (<see cref="CouldReach"/>), since such a passage is dropped anyway.
        /// </summary>
        public (double Similarity, int Start, int End, bool Rotated) Score(string passage, double floor)
        {
            var (offset, length) = Window(passage, keySet, longest);
            var text = length == passage.Length ? passage : passage.Substring(offset, length);
            (double Similarity, int Start, int End, bool Rotated) best = (0, 0, 0, false);
            if (floor > 0 && !CouldReach(text, floor))
            {
                return best;
            }

            for (var k = 0; k < probes.Count; k++)
            {
                if (!Aligned(k, text))
                {
                    continue; // a variant only helps where its substituted term occurs, and little in a long probe
                }

                var a = probes[k].Length <= MaxRotatedLength ? LocalAlignment.AlignRotations(probes[k], text) : LocalAlignment.Align(probes[k], text);
                var similarity = ((a.Similarity(probes[k].Length) + Coverage(probes[k], text, a)) / 2) - (k == 0 ? 0 : SubstitutionPenalty);
                if (similarity > best.Similarity)
                {
                    best = (similarity, offset + a.TextStart, offset + a.TextEnd, a.Rotated);
                }
            }

            return best;
        }

        private bool Aligned(int k, string text) =>
            k == 0 || (probes[0].Length <= MaxVariantLength && text.Contains(inserted[k], StringComparison.Ordinal));

        /// <summary>
        /// False when no probe aligned in <paramref name="text"/> can score <paramref name="floor"/>: an alignment's score and
        /// the coverage each count at most the characters the probe and the text share (as multisets), so a probe's similarity
        /// is at most that share of the probe (less its substitution penalty).
        /// </summary>
        private bool CouldReach(string text, double floor)
        {
            for (var k = 0; k < probes.Count; k++)
            {
                if (Aligned(k, text) && ((double)Shared(probes[k], text) / probes[k].Length) - (k == 0 ? 0 : SubstitutionPenalty) >= floor - 1e-9)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How many characters <paramref name="probe"/> and <paramref name="text"/> share, counted as multisets.</summary>
        private static int Shared(string probe, string text)
        {
            Span<char> wanted = probe.Length <= 256 ? stackalloc char[probe.Length] : new char[probe.Length];
            probe.AsSpan().CopyTo(wanted);
            var left = wanted.Length;
            for (var i = 0; i < text.Length && left > 0; i++)
            {
                var at = wanted[..left].IndexOf(text[i]);
                if (at >= 0)
                {
                    wanted[at] = wanted[left - 1];
                    left--;
                }
            }

            return wanted.Length - left;
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

        var pool = System.Buffers.ArrayPool<int>.Shared;
        var hits = pool.Rent(text.Length);
        var count = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (keys.Contains(TermKey.Bigram(text[i], text[i + 1])))
            {
                hits[count++] = i;
            }
        }

        if (count == 0)
        {
            pool.Return(hits);
            return (0, text.Length);
        }

        var bestFirst = 0;
        var bestLast = 0;
        var first = 0;
        for (var last = 0; last < count; last++)
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
        pool.Return(hits);
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
internal readonly record struct NearMatch(int Doc, double Similarity, int MatchStart, int MatchEnd, double Overlap)
{
    /// <summary>True when the passage holds the probe's halves swapped.</summary>
    public bool Rotated { get; init; }
}
