namespace SpeechArchive.Analysis;

/// <summary>
/// The frequent n-grams of one length, by dense id: counts, the ids of their (n−1)-gram prefix and suffix, their last
/// character, and the sums their boundary entropies are computed from (filled when the next length is counted).
/// </summary>
internal sealed class GramLevel
{
    /// <summary>Σ c·ln c is kept in fixed point (×2^16) so that sums do not depend on the order they are added in.</summary>
    private const double FixedPoint = 65536.0;

    public GramLevel(int length, int count)
    {
        Length = length;
        Frequency = new int[count];
        Prefix = new int[count];
        Suffix = new int[count];
        First = new char[count];
        Last = new char[count];
        Right = new Neighbours[count];
        Left = new Neighbours[count];
    }

    public int Length { get; }

    public int Count => Frequency.Length;

    public int[] Frequency { get; }

    public int[] Prefix { get; }

    public int[] Suffix { get; }

    public char[] First { get; }

    public char[] Last { get; }

    public Neighbours[] Right { get; }

    public Neighbours[] Left { get; }

    /// <summary>Chinese numerals and 第: a gram that begins or ends with one among them is part of a number (第十条 → 十条).</summary>
    public static bool IsNumeral(char c) => "〇零一二三四五六七八九十百千万亿两第".Contains(c, StringComparison.Ordinal);

    private static readonly long[] SmallCLogC = [.. Enumerable.Range(0, 1024).Select(ComputeCLogC)];

    public static long CLogC(int c) => c < SmallCLogC.Length ? SmallCLogC[c] : ComputeCLogC(c);

    private static long ComputeCLogC(int c) => c <= 1 ? 0 : (long)Math.Round(c * Math.Log(c) * FixedPoint);

    /// <summary>
    /// Boundary entropy (nats) of gram <paramref name="id"/> on one side. Occurrences at a run's edge (punctuation, line
    /// break, Latin) count as distinct neighbours, because an edge is as good a word boundary as any.
    /// </summary>
    public double Entropy(int id, in Neighbours side)
    {
        var f = Frequency[id];
        return Math.Log(f) - (side.CLogCSum / FixedPoint / f);
    }

    /// <summary>The characters of gram <paramref name="id"/>, given the levels below (levels[k] holds length k + 1).</summary>
    public string Text(int id, IReadOnlyList<GramLevel> levels)
    {
        return string.Create(Length, (id, levels, Length), static (span, state) =>
        {
            var (g, all, n) = state;
            for (var k = n - 1; k >= 0; k--)
            {
                var level = all[k];
                span[k] = level.Last[g];
                g = level.Prefix[g];
            }
        });
    }

    /// <summary>Counts of the distinct neighbour characters on one side of a gram, and the most frequent one.</summary>
    internal struct Neighbours
    {
        public long CLogCSum;
        public int Occurrences;
        public int TopCount;
        public char Top;
        public int Numerals;

        public void Add(int count, char neighbour)
        {
            CLogCSum += CLogC(count);
            Occurrences += count;
            if (IsNumeral(neighbour))
            {
                Numerals += count;
            }

            if (count > TopCount || (count == TopCount && neighbour < Top))
            {
                TopCount = count;
                Top = neighbour;
            }
        }
    }
}
