namespace SpeechArchive.Analysis;

/// <summary>
/// Judges the counted grams: frequency and shape pick the candidates, with the boundary entropy of both sides; cohesion,
/// first on substring counts and then on the counts of the parts as free words, decides which are words.
/// </summary>
internal sealed class CandidateScorer
{
    /// <summary>Characters that are words of their own far more often than parts of one: 的 inside a longer string marks a phrase (中国的发展).</summary>
    private const string Particles = "的了着";

    /// <summary>A gram that begins (ends) with a numeral and has this share of numerals before (after) it is part of a number.</summary>
    private const double NumeralShare = 0.3;

    private readonly IReadOnlyList<GramLevel> levels;
    private readonly IReadOnlyList<int> floors;
    private readonly long[][] partCounts;
    private long partTotal;

    /// <summary>A scorer of <paramref name="levels"/>; <paramref name="floors"/>[n] is the count a candidate of length n needs.</summary>
    public CandidateScorer(IReadOnlyList<GramLevel> levels, long hanCount, IReadOnlyList<int> floors, double minBoundaryEntropy)
    {
        this.levels = levels;
        this.floors = floors;
        MinBoundaryEntropy = minBoundaryEntropy;
        partTotal = hanCount;
        partCounts = [.. levels.Select(l => l.Frequency.Select(f => (long)f).ToArray())];
    }

    public double MinBoundaryEntropy { get; }

    /// <summary>Every character, with its count.</summary>
    public List<Candidate> Characters()
    {
        var level = levels[0];
        return [.. Enumerable.Range(0, level.Count).Select(id => new Candidate(0, id, level.Last[id].ToString(), level.Frequency[id]))];
    }

    /// <summary>
    /// The grams of two or more characters that are frequent enough for their length and of a word's shape, not part of a
    /// number, each with the dominant neighbour of a side whose boundary entropy is below the threshold.
    /// </summary>
    public List<Candidate> Candidates()
    {
        var found = new List<Candidate>();
        for (var k = 1; k < levels.Count; k++)
        {
            var level = levels[k];
            var need = floors[level.Length];
            for (var id = 0; id < level.Count; id++)
            {
                if (level.Frequency[id] < need || InNumber(level, id))
                {
                    continue;
                }

                var text = level.Text(id, levels);
                if (HasWordShape(text))
                {
                    var (left, right) = (Bound(level, id, level.Left[id]), Bound(level, id, level.Right[id]));
                    found.Add(new Candidate(k, id, text, level.Frequency[id], left, right,
                        left == '\0' ? 0 : (double)level.Left[id].TopCount / level.Frequency[id], right == '\0' ? 0 : (double)level.Right[id].TopCount / level.Frequency[id]));
                }
            }
        }

        return found;
    }

    /// <summary>From now on, measure cohesion with these counts for these grams (their counts as word tokens).</summary>
    public void UseCounts(IReadOnlyList<Candidate> grams, IReadOnlyList<long> counts, long total)
    {
        for (var i = 0; i < grams.Count; i++)
        {
            partCounts[grams[i].Level][grams[i].Id] = Math.Max(1, counts[i]);
        }

        partTotal = total;
    }

    /// <summary>min over the split points of ln(f(w)·N / (f(a)·f(b))): how much more often the parts occur together than apart.</summary>
    public double Cohesion(Candidate candidate)
    {
        var level = levels[candidate.Level];
        var n = level.Length;
        var least = double.MaxValue;
        for (var split = 1; split < n; split++)
        {
            var a = candidate.Id;
            for (var s = n; s > split; s--)
            {
                a = levels[s - 1].Prefix[a];
            }

            var b = candidate.Id;
            for (var s = n; s > n - split; s--)
            {
                b = levels[s - 1].Suffix[b];
            }

            var expected = (double)partCounts[split - 1][a] * partCounts[n - split - 1][b] / partTotal;
            least = Math.Min(least, Math.Log(candidate.Frequency / expected));
        }

        return least;
    }

    /// <summary>The dominant neighbour of a side with low boundary entropy, or <c>'\0'</c> when the side is free.</summary>
    private char Bound(GramLevel level, int id, in GramLevel.Neighbours side) =>
        side.TopCount > 0 && level.Entropy(id, side) < MinBoundaryEntropy ? side.Top : '\0';

    /// <summary>True for a gram that begins (ends) with a numeral among numerals: 十条 in 第十条, 二十条, 三十条.</summary>
    private static bool InNumber(GramLevel level, int id)
    {
        var frequency = level.Frequency[id];
        return (GramLevel.IsNumeral(level.First[id]) && level.Left[id].Numerals >= NumeralShare * frequency)
            || (GramLevel.IsNumeral(level.Last[id]) && level.Right[id].Numerals >= NumeralShare * frequency);
    }

    private static bool HasWordShape(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (GramLevel.IsNumeral(word[i]) && GramLevel.IsNumeral(word[i - 1]) && word[i - 1] != '第')
            {
                return false;
            }

            if (i < word.Length - 1 && Particles.Contains(word[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
