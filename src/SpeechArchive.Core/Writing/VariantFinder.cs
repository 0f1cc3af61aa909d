using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Finds formulation variants (提法变体): candidate passages by shared bigrams, then every clause of them aligned with the
/// formulation character by character (<see cref="LocalAlignment"/>, halves may be swapped); the aligned wordings, grouped.
/// A variant is a whole wording as printed: it starts and ends on the archive's word boundaries (<see cref="Segmenter.Boundaries"/>),
/// so 两个确保 never gives 两个确, and it stays within a clause (<see cref="MatchText.BuildClauses"/>), so 从严治党，全面加强
/// never gives 从严治党，全面: a clause mark is crossed only where the formulation reads on across it (党要管党、从严治党 for
/// 党要管党从严治党), or anywhere when the formulation as typed holds one (党要管党、从严治党 finds 党要管党、全面从严治党 too).
/// A masked name (**, xx) ends a wording as a sentence end does, unless the formulation typed holds one (作风，**局党的建设
/// and 作风和**机关建设 give nothing for 作风建设). A boundary the segmenter made only because it knows no word there is not
/// taken for a word's end: a wording does not stop one character short of a word of the formulation before a lone character
/// of the text (从严治政 gives 从严治政 or nothing for 从严治党, never 从严治), nor stand inside a word of the text at the
/// formulation's own end unless it holds the formulation's word there whole, ending (starting) with it as written (法治国家
/// gives no 法治国 for 依法治国, nor …健全国家 a 依法治理能力健全国).
/// The list is closest first (<see cref="VariantResult.Variants"/>): the exact wording, then by similarity as shown (to the
/// percent), of wordings as close the one holding more of the formulation's characters first, then the most used.
/// </summary>
public static class VariantFinder
{
    public const int MinLength = 4;
    private const int MaxCandidates = 5000;
    private const int MaxPerPassage = 8;

    /// <summary>
    /// How many wordings <see cref="VariantRequest.Relaxed"/> similarity finds where <paramref name="result"/> (of
    /// <paramref name="request"/>) found none at a stricter one; 0 otherwise. What the variants page and command offer.
    /// </summary>
    public static int RelaxedCount(IndexSnapshot index, VariantRequest request, VariantResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        return result.Variants.Count == 0 && request.MinSimilarity > VariantRequest.Relaxed
            ? Find(index, request with { MinSimilarity = VariantRequest.Relaxed }).Variants.Count
            : 0;
    }

    public static VariantResult Find(IndexSnapshot index, VariantRequest request)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var query = WritingQuery.Parse(index, request.Formulation, request.Filters, "提法", onePhrase: true);
        var formulation = string.Concat(query.Words.Select(w => w.MatchForm)).Replace(MatchText.Break.ToString(), "", StringComparison.Ordinal);
        if (formulation.Length < MinLength)
        {
            throw new QuerySyntaxException($"提法至少 {MinLength} 个字。(a formulation needs at least {MinLength} characters)");
        }

        var acrossClauses = query.Words.Any(w => w.Text.Any(c => MatchText.IsClauseMark(TextNormalizer.Fold(c))));
        var segmenter = SearchStructures.Of(index).Segmenter;
        var keys = BigramCandidates.KeysOf(formulation);
        var candidates = BigramCandidates.Top(index, keys, MaxCandidates, 0.3, query.Accepts);
        var formulationCuts = segmenter.Boundaries(formulation);
        var whole = WholeAtEnds(segmenter, formulation, formulationCuts);
        var found = new List<(int Doc, Found Hit)>();
        foreach (var candidate in candidates.OrderBy(c => c.Doc))
        {
            foreach (var hit in Occurrences(index, segmenter, candidate.Doc, formulation, formulationCuts, whole, acrossClauses, request.MinSimilarity))
            {
                found.Add((candidate.Doc, hit));
            }
        }

        // Closest first: a writer looks for the wording nearest the one typed, and a frequent loose one (的建设 in 重工业的建设,
        // 332 uses, for 党的建设) must not push the near ones (党的政治建设, 11) down. Similarity is compared as shown (to the
        // percent); of wordings as close, the one holding more of the formulation's characters first (党的政治建设 holds all
        // of 党的建设, 的建设 three of four), then the most used.
        var variants = found.GroupBy(f => f.Hit.Key, StringComparer.Ordinal)
            .Select(g => (Variant: Variant(index, g.ToList(), formulation, request.Examples), Held: Held(formulation, g.Key)))
            .OrderByDescending(v => v.Variant.IsExact)
            .ThenByDescending(v => Math.Round(v.Variant.Similarity, 2, MidpointRounding.AwayFromZero))
            .ThenByDescending(v => v.Held)
            .ThenByDescending(v => v.Variant.Count)
            .ThenBy(v => v.Variant.Text, StringComparer.Ordinal)
            .Select(v => v.Variant)
            .ToList();
        return new VariantResult
        {
            Formulation = request.Formulation,
            Variants = variants,
            Occurrences = found.Count,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    /// <summary>How many of the formulation's characters a wording (its match form) holds, each as often as the formulation has it.</summary>
    private static int Held(string formulation, string wording)
    {
        var left = new List<char>(wording);
        return formulation.Count(c => left.Remove(c));
    }

    private sealed record Found(string Key, string Text, int Start, int End, double Similarity, bool Rotated);

    /// <summary>
    /// Whether a wording read with the formulation's halves swapped has them side by side: its last character, any marks
    /// (a comma, quotes, a dash), at most one other character (a particle), its first (永远在路上，全面从严治党;
    /// “永远在路上”“全面从严治党”; 永远在路上的全面从严治党). Words between the halves make another sentence, not the formulation
    /// reordered (以永远在路上的执着把全面从严治党向纵深推进 has no variant 永远在路上的执着把全面从严治党).
    /// </summary>
    private static bool SwappedAtASeam(string formulation, string wording)
    {
        var last = formulation[^1];
        var first = formulation[0];
        for (var i = 0; i + 1 < wording.Length; i++)
        {
            if (wording[i] != last)
            {
                continue;
            }

            var j = i + 1;
            while (j < wording.Length && !char.IsLetterOrDigit(wording[j]))
            {
                j++; // marks, quotes, dashes, spaces
            }

            if ((j < wording.Length && wording[j] == first) || (j + 1 < wording.Length && wording[j + 1] == first))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every aligned wording in a passage, clause by clause (best first, then the rest of the passage again), each from a word
    /// boundary to a word boundary.
    /// </summary>
    private static IEnumerable<Found> Occurrences(IndexSnapshot index, Segmenter segmenter, int doc, string formulation, bool[] formulationCuts, (string First, string Last) whole, bool acrossClauses, double minSimilarity)
    {
        var p = index.Passages[doc];
        var speech = index.Speeches[p.Speech]; // its text is read afresh after each yield (a span cannot cross one)
        var offsets = new List<int>(p.End - p.Start);
        var match = (acrossClauses
            ? MatchText.Build(speech.TextSpan, p.Start, p.End, offsets)
            : MatchText.BuildClauses(speech.TextSpan, p.Start, p.End, offsets, formulation)).ToCharArray();
        if (!formulation.Contains(MatchText.Mask, StringComparison.Ordinal))
        {
            // A masked name (**, xx) is no part of a wording the writer could reuse: 作风，**局党的建设 is no variant of 作风建设.
            match.AsSpan().Replace(MatchText.Mask, MatchText.Break);
        }

        bool[]? cuts = null;
        for (var k = 0; k < MaxPerPassage; k++)
        {
            // Held to word boundaries an alignment scores no higher than free: the free one says when to stop, and the
            // passage is cut into words only when something in it comes close enough.
            var text = new string(match);
            if (cuts is null && LocalAlignment.AlignRotations(formulation, text).Similarity(formulation.Length) < minSimilarity)
            {
                yield break; // once cut, the alignment held to the cuts says when to stop by itself
            }

            cuts ??= Cuts(segmenter, speech.TextSpan[p.Start..p.End].ToString(), p.Start, offsets);
            var a = LocalAlignment.AlignRotations(formulation, text, cuts);
            var held = cuts;
            for (var lone = LoneNeighbourEdge(match, cuts, offsets, a, formulationCuts); lone >= 0 && held[lone]; lone = LoneNeighbourEdge(match, cuts, offsets, a, formulationCuts))
            {
                // Each round takes away a cut the alignment started or ended on, so the rounds end: an alignment ends off
                // the cuts only at the formulation's own ends, which are no such edge.
                held = ReferenceEquals(held, cuts) ? (bool[])cuts.Clone() : held;
                held[lone] = false;
                a = LocalAlignment.AlignRotations(formulation, text, held);
            }

            var similarity = a.Similarity(formulation.Length);
            if (similarity < minSimilarity || a.TextEnd <= a.TextStart)
            {
                yield break;
            }

            var (from, to) = a.Rotated ? (a.TextStart, a.TextEnd) : Completed(match, cuts, offsets, a, formulationCuts);
            var start = offsets[from];
            var end = offsets[to - 1] + 1;
            var wording = speech.TextSpan[start..end].ToString();
            if ((!a.Rotated || SwappedAtASeam(formulation, wording)) && !HalfWordAtOwnEnd(match, whole, cuts, a, formulationCuts))
            {
                yield return new Found(MatchText.Build(wording, 0, wording.Length), wording, start, end, Math.Round(similarity, 3), a.Rotated);
            }

            for (var i = from; i < to; i++)
            {
                match[i] = MatchText.Break; // look for another occurrence elsewhere in the passage
            }
        }
    }

    /// <summary>
    /// The aligned span with the word that stands where the formulation's unaligned end stands: a local alignment stops where
    /// the characters stop agreeing, so 以人民为中心的发展理念 aligned with 以人民为中心的发展思想 gave the wording 以人民为中心的发展,
    /// which the texts never end on. An end left short by at most <see cref="MaxCompletion"/> characters takes the one word of
    /// the passage beside it when what is missing is one word of the formulation (理念, not 的目标) and the passage's word is as
    /// long, follows the span directly (no mark or quotation mark between, nor in it: the match form leaves them out) and holds
    /// Chinese characters only; else the span stays as aligned (全面从严治党 for 全面从严治党主体责任 is not completed into the
    /// words that follow it).
    /// </summary>
    private static (int From, int To) Completed(char[] match, bool[] cuts, List<int> offsets, Alignment a, bool[] formulationCuts)
    {
        bool Open(int k) => match[k] != MatchText.Break && TextNormalizer.KindOf(match[k]) == CharKind.Cjk;
        bool Adjacent(int k) => offsets[k] == offsets[k - 1] + 1; // nothing the match form leaves out between k − 1 and k
        // The formulation's unaligned end is of one word, two characters or more (理念 of …的发展理念, whose segmenter word is
        // 发展理念; not 的目标, two words).
        bool OneWord(int from, int to) => to - from is >= 2 and <= MaxCompletion && !formulationCuts.AsSpan((from + 1)..to).Contains(true);

        var formulationLength = formulationCuts.Length - 1;
        var to = a.TextEnd;
        var missing = formulationLength - a.PatternEnd;
        if (OneWord(a.PatternEnd, formulationLength) && to > 0 && to < match.Length && cuts[to])
        {
            var reach = to;
            while (reach < match.Length && reach - to <= missing + 1 && Open(reach) && Adjacent(reach) && (reach == to || !cuts[reach]))
            {
                reach++;
            }

            to = cuts[reach] && reach - to == missing ? reach : to;
        }

        var from = a.TextStart;
        missing = a.PatternStart;
        if (OneWord(0, a.PatternStart) && from > 0 && cuts[from])
        {
            var reach = from;
            while (reach > 0 && from - reach <= missing + 1 && Open(reach - 1) && Adjacent(reach) && (reach == from || !cuts[reach]))
            {
                reach--;
            }

            from = cuts[reach] && from - reach == missing ? reach : from;
        }

        return (from, to);
    }

    /// <summary>
    /// Where the alignment stops one character short of an end of one of the formulation's words (治 of 治党, 从严治党 being
    /// 从严 / 治党; 依法治 of 依法治国) and the passage has there, directly, a character the segmenter leaves a word on its own
    /// and that is no function word (政 of 从严 / 治 / 政, 税 of 依法治 / 税): the text position of that edge, or −1. The text
    /// holds the formulation's word with that character changed (治政 for 治党), a word the lexicon does not know, so the
    /// segmenter's boundary there is no word's end, and a wording ending there is a word cut in half (从严治 for 从严治党, from
    /// 从严治政, 从严治企, 从严治厂). A function word there (的, 于: <see cref="QueryStopWords"/>) is a word of its own, and
    /// where the formulation's word lacks more (斗争 of 反腐败斗争 after 反腐败寓于) the lone character need not be its stand-in.
    /// </summary>
    private static int LoneNeighbourEdge(char[] match, bool[] cuts, List<int> offsets, Alignment a, bool[] formulationCuts)
    {
        if (a.TextEnd <= a.TextStart)
        {
            return -1;
        }

        var q = formulationCuts.Length - 1;
        bool Lone(int k) => k >= 0 && k < match.Length && cuts[k] && cuts[k + 1] && match[k] != MatchText.Break
            && TextNormalizer.KindOf(match[k]) == CharKind.Cjk && !QueryStopWords.Contains(match[k].ToString());
        bool Adjacent(int k) => k > 0 && k < match.Length && offsets[k] == offsets[k - 1] + 1; // no mark between k − 1 and k

        // A rotation's spans are in the doubled pattern; a straight alignment's own ends (0, q) are the formulation's ends,
        // where it lacks nothing.
        var end = a.PatternEnd % q;
        if (end > 0 && Array.IndexOf(formulationCuts, true, end) == end + 1 && Lone(a.TextEnd) && Adjacent(a.TextEnd))
        {
            return a.TextEnd;
        }

        var start = a.PatternStart % q;
        return start > 0 && Array.LastIndexOf(formulationCuts, true, start) == start - 1 && Lone(a.TextStart - 1) && Adjacent(a.TextStart) ? a.TextStart : -1;
    }

    /// <summary>
    /// Whether the alignment ends inside a word of the passage at the formulation's own end (<see cref="LocalAlignment"/> lets
    /// its first and last characters stand inside a word, so that an exact occurrence the segmenter glued to a neighbour is
    /// kept: 坚持党 / 的 / 领导) without holding the formulation's word at that end whole: 法治国 of 法治国家 for 依法治国, a word
    /// cut in half. Holding it whole means the alignment takes in the whole word and the aligned text ends (starts) with it as
    /// the formulation writes it (<see cref="WholeAtEnds"/>): that the alignment began before the word is not enough, since
    /// gaps may stand inside it: where the segmenter reads 依法治国 as one word, 依法治理能力健全国 of …健全国家… aligns from
    /// 依 to 国 and yet ends inside 国家, with nothing of 治国 but 国.
    /// </summary>
    private static bool HalfWordAtOwnEnd(char[] match, (string First, string Last) whole, bool[] cuts, Alignment a, bool[] formulationCuts)
    {
        if (a.Rotated)
        {
            return false; // a rotation's ends are held to the cuts
        }

        var q = formulationCuts.Length - 1;
        var lastWord = Array.LastIndexOf(formulationCuts, true, q - 1); // where the formulation's last word begins
        var firstWord = Array.IndexOf(formulationCuts, true, 1); // where its first word ends
        var aligned = match.AsSpan(a.TextStart, a.TextEnd - a.TextStart);
        return (!cuts[a.TextEnd] && (a.PatternStart > lastWord || !aligned.EndsWith(whole.Last)))
            || (!cuts[a.TextStart] && (a.PatternEnd < firstWord || !aligned.StartsWith(whole.First)));
    }

    /// <summary>
    /// What a wording standing inside a word of the passage at the formulation's own end must start or end with exactly: the
    /// formulation's first or last word, or where the segmenter reads it as a compound of shorter lexicon words
    /// (<see cref="Lexicon.Components"/>: 高质量发展 is 高质量 / 发展, 依法治国 is 依法 / 治国), the first or last of those.
    /// A whole compound would leave no variant at a glued end: 高质量的发展 of 实现 / 更高质量 / 的 / 发展 starts inside the
    /// segmenter's word 更高质量 and is kept, since it starts with 高质量, while 依法治理能力健全国 does not end with 治国.
    /// </summary>
    private static (string First, string Last) WholeAtEnds(Segmenter segmenter, string formulation, bool[] formulationCuts)
    {
        var q = formulationCuts.Length - 1;
        var first = formulation[..Array.IndexOf(formulationCuts, true, 1)];
        var last = formulation[Array.LastIndexOf(formulationCuts, true, q - 1)..];
        var firstParts = segmenter.Lexicon.Components(first);
        var lastParts = segmenter.Lexicon.Components(last);
        return (firstParts.Count > 0 ? firstParts[0] : first, lastParts.Count > 0 ? lastParts[^1] : last);
    }

    /// <summary>How many characters an end may be left short by and still be completed with the word beside it.</summary>
    private const int MaxCompletion = 3;

    /// <summary>
    /// Where an alignment in a passage's match form may start or end: entry k is true when the match form's k-th character
    /// does not continue a word of the passage (<paramref name="passage"/>, which starts at <paramref name="from"/> in its speech).
    /// </summary>
    private static bool[] Cuts(Segmenter segmenter, string passage, int from, List<int> offsets)
    {
        var words = segmenter.Boundaries(passage);
        var cuts = new bool[offsets.Count + 1];
        cuts[0] = true;
        cuts[^1] = true;
        for (var k = 1; k < offsets.Count; k++)
        {
            cuts[k] = words[offsets[k] - from];
        }

        return cuts;
    }

    private static FormulationVariant Variant(IndexSnapshot index, List<(int Doc, Found Hit)> group, string formulation, int examples)
    {
        // Oldest first, a speech with neither date nor year after every dated one (PassageSource.DateKey): the first and last
        // use are those of the dated uses, so one undated use does not make the last use unknown.
        var dated = group.OrderBy(g => PassageSource.DateKey(index, g.Doc), StringComparer.Ordinal).ThenBy(g => g.Doc).ToList();
        var dates = dated.Select(g => DateText(index, g.Doc)).OfType<string>().ToList();
        var first = dated[0];

        // A passage may use the wording more than once: each use is counted, as the concordance and the trends count, but the
        // sources are passages, each listed once with every use in it marked (cpc_00083:148 was listed twice for 从严治党).
        var passages = dated.GroupBy(g => g.Doc).ToList();
        return new FormulationVariant
        {
            Text = first.Hit.Text.Replace('\n', ' '),
            IsExact = first.Hit.Key == formulation,
            Reordered = first.Hit.Rotated,
            Similarity = group.Max(g => g.Hit.Similarity),
            Count = group.Count,
            Passages = passages.Count,
            Speeches = group.Select(g => index.Passages[g.Doc].Speech).Distinct().Count(),
            FirstUsed = dates.Count > 0 ? dates[0] : null,
            LastUsed = dates.Count > 0 ? dates[^1] : null,
            Examples = passages.Take(Math.Max(0, examples)).Select(p => Occurrence(index, p.Key, p.Select(g => g.Hit))).ToList(),
        };
    }

    private static VariantOccurrence Occurrence(IndexSnapshot index, int doc, IEnumerable<Found> hits)
    {
        var p = index.Passages[doc];
        var marks = hits.Select(h => (h.Start, h.End)).Order().ToList();
        var snippet = MarkedSnippet.Build(p.SourceText, p.Start, p.End, marks, 120);
        return new VariantOccurrence(PassageSource.Of(index, doc), snippet);
    }

    private static string? DateText(IndexSnapshot index, int doc)
    {
        var s = index.Speeches[index.Passages[doc].Speech];
        return s.Date ?? s.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
