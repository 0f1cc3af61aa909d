namespace SpeechArchive.Analysis;

/// <summary>From candidates to words: a core of sure words, set phrases admitted beside it, cohesion on free counts, then token counts.</summary>
public static partial class WordDiscovery
{
    /// <summary>Characters that begin or end a word only in words whose parts hardly occur apart (的确, 目的, 为了, 和谐, 存在).</summary>
    private const string FunctionCharacters = "的了着过和与及或并而是在对为把被将从向以于由也都就又还才再更最很要这那该每各其此等第们";

    /// <summary>A character keeps at least this share of its count when the core words' counts are taken off it.</summary>
    private const double FreeShareFloor = 0.05;

    /// <summary>
    /// A word found nearly only inside one longer word (this share of its count or more) is a fragment of it: 项规定精神 in
    /// 八项规定精神; and a neighbour beside this share of a candidate's occurrences that makes a word with its edge cuts it (<see cref="CutsPair"/>).
    /// </summary>
    private const double SuperstringShare = 0.9;

    private static Lexicon Settle(HanRuns runs, CandidateScorer scorer, int minFrequency, WordDiscoveryOptions options, int threads)
    {
        var characters = scorer.Characters();
        var candidates = scorer.Candidates();
        var core = candidates.Where(c => c.IsFree && !HasFunctionEdge(c.Text) && scorer.Cohesion(c) >= options.CoreCohesion).ToList();
        var first = FreeCharacters(characters, core);
        first.AddRange(core.Select(c => (c.Text, (long)c.Frequency)));
        var boundaries = new bool[runs.Length];
        var tokens = TokenCounter.Count(runs, first, threads, boundaries);
        scorer.UseCounts([.. characters, .. core], tokens, tokens.Sum());

        var pairs = BoundaryPairs(runs, scorer, candidates, core, boundaries, options, threads);
        var plausible = candidates.Where(c => HasFunctionEdge(c.Text)
            ? c.IsFree && scorer.Cohesion(c) >= options.FunctionCohesion
            : IsSetPhraseOrFree(c, pairs) && scorer.Cohesion(c) >= options.MinCohesion).ToList();
        var aligned = AlignmentCounter.Count(runs, [.. plausible.Select(c => c.Text)], boundaries, threads);
        var found = WithoutFragments([.. plausible.Where((c, i) => aligned[i] >= options.MinAlignment * c.Frequency)]);
        var words = characters.Select((c, i) => (c.Text, Math.Max(1, tokens[i]))).ToList();
        words.AddRange(found.Select(c => (c.Text, (long)c.Frequency)));
        var counts = TokenCounter.Count(runs, words, threads);
        var counted = words.Select((w, i) => (Word: w.Text, Frequency: counts[i])).ToList();
        var compounds = new CompoundScorer(counted);
        var keep = Math.Max(2, minFrequency / 2);
        var lexicon = new Lexicon(counted
            .Where((w, i) => w.Word.Length == 1
                || (w.Frequency >= keep && compounds.Margin(w.Word, w.Frequency) >= options.CompoundMargin))
            .Select(w => (w.Word, Math.Max(1, w.Frequency))));
        return lexicon;
    }

    private static bool HasFunctionEdge(string word) =>
        FunctionCharacters.Contains(word[0], StringComparison.Ordinal) || FunctionCharacters.Contains(word[^1], StringComparison.Ordinal);

    /// <summary>
    /// True for a candidate free on both sides, or whose dominant neighbour on a low-entropy side does not form a word with
    /// its edge (<see cref="BoundaryPairs"/>): 伟大|复兴 and 挪用|公款 are set phrases, but 以习近平同|志 cuts 同志 and 中|华人民共和国 cuts 中华.
    /// </summary>
    private static bool IsSetPhraseOrFree(Candidate candidate, (HashSet<uint> Core, HashSet<uint> Left, HashSet<uint> Right) pairs) =>
        candidate.IsFree
        || (!CutsPair(candidate.LeftBound, candidate.LeftShare, Pair(candidate.LeftBound, candidate.Text[0]), pairs.Core, pairs.Left)
            && !CutsPair(candidate.RightBound, candidate.RightShare, Pair(candidate.Text[^1], candidate.RightBound), pairs.Core, pairs.Right));

    /// <summary>
    /// Whether a bound side's dominant neighbour makes a word with the candidate's edge: a core word whatever its share, any
    /// other pair of <paramref name="pairs"/> where it stands beside nearly every occurrence (<see cref="SuperstringShare"/>),
    /// so that a word seen often in a set context (条例 of 本条例, beside 本条) is not taken for a fragment.
    /// </summary>
    private static bool CutsPair(char neighbour, double share, uint pair, HashSet<uint> core, HashSet<uint> pairs) =>
        neighbour != '\0' && (core.Contains(pair) || (pairs.Contains(pair) && share >= SuperstringShare));

    /// <summary>
    /// The pairs of characters that make a word, for <see cref="IsSetPhraseOrFree"/>: the core's words of two characters, and,
    /// apart for each side, every candidate of two characters that is cohesive (on free counts), that the first
    /// segmentation mostly does not cut across a token (中华 of 中 | 华 | 人民, not 民共 of 人民 | 共和国), and that is free on its outer side,
    /// so that it is no fragment itself (炎疫 of 肺炎疫情 is bound to 情 on its right). A candidate whose dominant neighbour
    /// makes such a pair with its edge begins or ends inside a word: 华人民共和国 cuts 中华, 严治党 从严, 类命运共同体 人类.
    /// </summary>
    private static (HashSet<uint> Core, HashSet<uint> Left, HashSet<uint> Right) BoundaryPairs(HanRuns runs, CandidateScorer scorer, List<Candidate> candidates,
        List<Candidate> core, bool[] boundaries, WordDiscoveryOptions options, int threads)
    {
        HashSet<uint> corePairs = [.. core.Where(w => w.Text.Length == 2).Select(w => Pair(w.Text[0], w.Text[1]))];
        HashSet<uint> left = [];
        HashSet<uint> right = [];
        var cohesive = candidates.Where(c => c.Text.Length == 2 && scorer.Cohesion(c) >= options.MinCohesion).ToList();
        var aligned = AlignmentCounter.Count(runs, [.. cohesive.Select(c => c.Text)], boundaries, threads);
        for (var i = 0; i < cohesive.Count; i++)
        {
            var candidate = cohesive[i];
            if (aligned[i] < options.MinAlignment * candidate.Frequency)
            {
                continue;
            }

            var pair = Pair(candidate.Text[0], candidate.Text[1]);
            if (candidate.LeftBound == '\0')
            {
                left.Add(pair);
            }

            if (candidate.RightBound == '\0')
            {
                right.Add(pair);
            }
        }

        return (corePairs, left, right);
    }

    private static uint Pair(char x, char y) => ((uint)x << 16) | y;

    /// <summary>The words less those found nearly only inside one longer word of the list.</summary>
    private static List<Candidate> WithoutFragments(List<Candidate> words)
    {
        var frequency = words.ToDictionary(w => w.Text, w => w.Frequency, StringComparer.Ordinal);
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            for (var length = 2; length < word.Text.Length; length++)
            {
                for (var start = 0; start + length <= word.Text.Length; start++)
                {
                    var part = word.Text.Substring(start, length);
                    if (frequency.TryGetValue(part, out var f) && word.Frequency >= SuperstringShare * f)
                    {
                        fragments.Add(part);
                    }
                }
            }
        }

        return [.. words.Where(w => !fragments.Contains(w.Text))];
    }

    /// <summary>
    /// The characters with what the core words leave of their counts (at least <see cref="FreeShareFloor"/> of them), so
    /// that the first segmentation does not favour single characters, whose substring counts include every word they are in.
    /// </summary>
    private static List<(string Word, long Frequency)> FreeCharacters(List<Candidate> characters, List<Candidate> core)
    {
        var covered = new Dictionary<char, long>();
        foreach (var word in core)
        {
            foreach (var c in word.Text)
            {
                covered[c] = covered.GetValueOrDefault(c) + word.Frequency;
            }
        }

        return [.. characters.Select(c => (c.Text, Math.Max((long)Math.Ceiling(c.Frequency * FreeShareFloor), c.Frequency - covered.GetValueOrDefault(c.Text[0]))))];
    }
}
