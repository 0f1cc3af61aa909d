using System.Buffers;

namespace SpeechArchive.Analysis;

/// <summary>
/// Smith–Waterman local alignment with affine gaps between a short pattern and a text, both in match form
/// (<see cref="MatchText"/>). An alignment never crosses a sentence end (<see cref="MatchText.Break"/>) of the text.
/// Scores are in quarter characters: a matching character is worth <see cref="MatchScore"/>.
/// </summary>
public static class LocalAlignment
{
    public const int MatchScore = 4;
    public const int MismatchScore = -3;
    public const int GapOpen = -3;
    public const int GapExtend = -1;

    private const int NegativeInfinity = int.MinValue / 4;

    /// <summary>The best local alignment of <paramref name="pattern"/> in <paramref name="text"/>; score 0 when nothing aligns.</summary>
    public static Alignment Align(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => Run(pattern, text, default, default, default, default);

    /// <summary>
    /// As <see cref="Align(ReadOnlySpan{char}, ReadOnlySpan{char})"/>, but the alignment starts and ends only at text positions
    /// <paramref name="cuts"/> allows (text.Length + 1 entries; empty allows all), except that an end which is the pattern's own
    /// (the alignment takes it from its first character, or to its last) may fall anywhere: the pattern is a whole as typed.
    /// With a text's word boundaries as cuts, 两个确立 aligns with 两个确保 whole or with 两个, never with 两个确.
    /// </summary>
    public static Alignment Align(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, ReadOnlySpan<bool> cuts)
    {
        CheckCuts(text, cuts);
        return Run(pattern, text, cuts, default, default, default);
    }

    /// <summary>
    /// The DP. When <paramref name="endScore"/> is given (text length + 1 long), it receives for each text position j the best
    /// score of an alignment that ends there and at the end of the pattern, with where it starts in the pattern and the text.
    /// </summary>
    private static Alignment Run(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, ReadOnlySpan<bool> cuts, Span<int> endScore, Span<int> endPatternStart, Span<int> endTextStart)
    {
        var m = pattern.Length;
        if (m == 0 || text.Length == 0)
        {
            return default;
        }

        // One column of the DP per text character, the pattern down the column; each cell carries where its alignment starts.
        var pool = ArrayPool<int>.Shared;
        var buffer = pool.Rent(8 * (m + 1));
        try
        {
            var h = buffer.AsSpan(0, m + 1);
            var hStartP = buffer.AsSpan(m + 1, m + 1);
            var hStartT = buffer.AsSpan(2 * (m + 1), m + 1);
            var e = buffer.AsSpan(3 * (m + 1), m + 1);
            var eStartP = buffer.AsSpan(4 * (m + 1), m + 1);
            var eStartT = buffer.AsSpan(5 * (m + 1), m + 1);
            h.Clear();
            e.Fill(NegativeInfinity);
            for (var i = 0; i <= m; i++)
            {
                hStartP[i] = i;
                hStartT[i] = 0;
            }

            var best = default(Alignment);
            for (var j = 1; j <= text.Length; j++)
            {
                var c = text[j - 1];
                if (c == MatchText.Break)
                {
                    if (!endScore.IsEmpty)
                    {
                        endScore[j] = 0;
                    }

                    h.Clear();
                    e.Fill(NegativeInfinity);
                    for (var i = 0; i <= m; i++)
                    {
                        hStartP[i] = i;
                        hStartT[i] = j;
                    }

                    continue;
                }

                // Whether an alignment may start or end at text position j (after c). Off a cut, one still starts where c
                // is the pattern's first character and ends where it is its last: the pattern's own ends.
                var cut = cuts.IsEmpty || cuts[j];
                var startsBefore = cuts.IsEmpty || cuts[j - 1] || pattern[0] == c;

                // Row 0 of this column: nothing of the pattern consumed yet.
                var diag = startsBefore ? 0 : NegativeInfinity;
                var diagP = 0;
                var diagT = j - 1;
                var f = NegativeInfinity;
                var fP = 0;
                var fT = j;
                h[0] = cut ? 0 : NegativeInfinity;
                hStartP[0] = 0;
                hStartT[0] = j;
                for (var i = 1; i <= m; i++)
                {
                    // E: a gap in the pattern (text character skipped), from the previous column at the same row.
                    var openE = h[i] + GapOpen;
                    var extendE = e[i] + GapExtend;
                    if (openE >= extendE)
                    {
                        e[i] = openE;
                        eStartP[i] = hStartP[i];
                        eStartT[i] = hStartT[i];
                    }
                    else
                    {
                        e[i] = extendE;
                    }

                    // F: a gap in the text (pattern character skipped), from the row above in this column.
                    var openF = h[i - 1] + GapOpen;
                    var extendF = f + GapExtend;
                    if (openF >= extendF)
                    {
                        f = openF;
                        fP = hStartP[i - 1];
                        fT = hStartT[i - 1];
                    }
                    else
                    {
                        f = extendF;
                    }

                    var score = diag + (pattern[i - 1] == c ? MatchScore : MismatchScore);
                    var sP = diagP;
                    var sT = diagT;
                    var endsOnMatch = pattern[i - 1] == c;
                    if (e[i] > score)
                    {
                        score = e[i];
                        sP = eStartP[i];
                        sT = eStartT[i];
                        endsOnMatch = false;
                    }

                    if (f > score)
                    {
                        score = f;
                        sP = fP;
                        sT = fT;
                        endsOnMatch = false;
                    }

                    // Remember the previous column's cell before overwriting it: it is the next row's diagonal.
                    diag = h[i];
                    diagP = hStartP[i];
                    diagT = hStartT[i];
                    if (score < 0 && cut)
                    {
                        h[i] = 0;
                        hStartP[i] = i;
                        hStartT[i] = j;
                    }
                    else
                    {
                        // A path that nets zero keeps its start: of equal scores the alignment reaching further wins, so
                        // 今济建设 aligns from 今 in 今后经济建设 (two skipped characters pay for the 今) and counts it.
                        h[i] = score;
                        hStartP[i] = sP;
                        hStartT[i] = sT;
                        // A score below zero is kept where no alignment may start; only a cut (or the pattern's end) ends one.
                        if ((cut || (i == m && endsOnMatch)) && (score > best.Score || (score > 0 && score == best.Score && j - sT > best.TextEnd - best.TextStart)))
                        {
                            best = new Alignment(score, sP, i, sT, j);
                        }
                    }
                }

                if (!endScore.IsEmpty)
                {
                    endScore[j] = h[m];
                    endPatternStart[j] = hStartP[m];
                    endTextStart[j] = hStartT[m];
                }
            }

            return best;
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    /// <summary>
    /// The best alignment of <paramref name="pattern"/> or of a rotation of it (its halves swapped: 在路上全面从严治党 for
    /// 全面从严治党在路上). A rotation costs <see cref="RotationPenalty"/>; its pattern span is given in the doubled pattern.
    /// </summary>
    public static Alignment AlignRotations(string pattern, string text) => AlignRotations(pattern, text, default);

    /// <summary>
    /// As <see cref="AlignRotations(string, string)"/>, with the alignment's ends held to <paramref name="cuts"/> as in
    /// <see cref="Align(ReadOnlySpan{char}, ReadOnlySpan{char}, ReadOnlySpan{bool})"/>; a rotation's ends are inside the
    /// pattern, so both fall on cuts.
    /// </summary>
    public static Alignment AlignRotations(string pattern, string text, ReadOnlySpan<bool> cuts)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        CheckCuts(text, cuts);
        var straight = Run(pattern, text, cuts, default, default, default);
        var q = pattern.Length;
        if (q < 4 || straight.Score > MaxScore(q) - RotationPenalty)
        {
            return straight;
        }

        // A swap leaves a seam in the text: the pattern's tail ends just before it and its head starts there. Seams are
        // where the text has the pattern's first character, or its last just before. From each seam the head is aligned
        // forwards and the tail backwards (each anchored at the seam), and the best pair that uses no character twice wins.
        Span<int> head = stackalloc int[q + 1];
        Span<int> headReach = stackalloc int[q + 1];
        Span<int> tail = stackalloc int[q + 1];
        Span<int> tailReach = stackalloc int[q + 1];
        var reversed = Reverse(pattern);
        var best = straight;
        for (var seam = 1; seam < text.Length; seam++)
        {
            if ((text[seam] != pattern[0] && text[seam - 1] != pattern[q - 1]) || text[seam] == MatchText.Break || text[seam - 1] == MatchText.Break)
            {
                continue;
            }

            AnchoredFit(pattern, text, seam, +1, cuts, head, headReach);
            AnchoredFit(reversed, text, seam - 1, -1, cuts, tail, tailReach);
            for (var h = 1; h < q; h++)
            {
                if (head[h] <= 0)
                {
                    continue;
                }

                for (var t = 1; t <= q - h; t++)
                {
                    var score = head[h] + tail[t] - RotationPenalty;
                    if (tail[t] > 0 && score > best.Score)
                    {
                        best = new Alignment(score, q - t, q + h, seam - tailReach[t], seam + headReach[h]) { Rotated = true };
                    }
                }
            }
        }

        return best;
    }

    /// <summary>
    /// For each i, the best score of aligning all of pattern[0..i) to text read from <paramref name="from"/> in direction
    /// <paramref name="step"/> (the alignment anchored at both starts, free to end anywhere in the text), and how many text
    /// characters that alignment reads. Never reads past a sentence end or more than the pattern's length plus four; with
    /// <paramref name="cuts"/>, ends only where the text may be cut (else scores <see cref="NegativeInfinity"/>).
    /// </summary>
    private static void AnchoredFit(ReadOnlySpan<char> pattern, string text, int from, int step, ReadOnlySpan<bool> cuts, Span<int> best, Span<int> reach)
    {
        var m = pattern.Length;
        var limit = 0;
        for (var k = from; k >= 0 && k < text.Length && text[k] != MatchText.Break && limit < m + 4; k += step)
        {
            limit++;
        }

        // Rows are pattern characters, columns text characters; one row of H and E kept, F carried along the row.
        Span<int> h = stackalloc int[limit + 1];
        Span<int> e = stackalloc int[limit + 1];
        h[0] = 0;
        e[0] = NegativeInfinity;
        for (var j = 1; j <= limit; j++)
        {
            h[j] = GapOpen + ((j - 1) * GapExtend);
            e[j] = NegativeInfinity;
        }

        best[0] = 0;
        reach[0] = 0;
        for (var i = 1; i <= m; i++)
        {
            var diag = h[0];
            h[0] = GapOpen + ((i - 1) * GapExtend);
            var f = NegativeInfinity;
            var rowBest = Cut(cuts, from, step, 0) ? h[0] : NegativeInfinity;
            var rowReach = 0;
            for (var j = 1; j <= limit; j++)
            {
                e[j] = Math.Max(h[j] + GapOpen, e[j] + GapExtend);        // pattern char i-1 left out (vertical)
                f = Math.Max(h[j - 1] + GapOpen, f + GapExtend);          // text char j-1 skipped (horizontal)
                var c = text[from + ((j - 1) * step)];
                var score = Math.Max(diag + (pattern[i - 1] == c ? MatchScore : MismatchScore), Math.Max(e[j], f));
                diag = h[j];
                h[j] = score;
                if (score > rowBest && Cut(cuts, from, step, j))
                {
                    rowBest = score;
                    rowReach = j;
                }
            }

            best[i] = rowBest;
            reach[i] = rowReach;
        }
    }

    /// <summary>Whether a fit from <paramref name="from"/> that reads <paramref name="read"/> characters may end there.</summary>
    private static bool Cut(ReadOnlySpan<bool> cuts, int from, int step, int read) =>
        cuts.IsEmpty || cuts[step > 0 ? from + read : from + 1 - read];

    private static void CheckCuts(ReadOnlySpan<char> text, ReadOnlySpan<bool> cuts)
    {
        if (!cuts.IsEmpty && cuts.Length != text.Length + 1)
        {
            throw new ArgumentException($"cuts must have one entry per text position ({text.Length + 1}), not {cuts.Length}", nameof(cuts));
        }
    }

    private static string Reverse(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = source[source.Length - 1 - i];
        }
    });

    /// <summary>What swapping the halves of a pattern costs, so text in the order typed ranks first.</summary>
    public const int RotationPenalty = 6;

    /// <summary>The score of a perfect match of <paramref name="length"/> characters.</summary>
    public static int MaxScore(int length) => length * MatchScore;
}

/// <summary>A local alignment: its score and the aligned spans [start, end) of the pattern and the text.</summary>
public readonly record struct Alignment(int Score, int PatternStart, int PatternEnd, int TextStart, int TextEnd)
{
    /// <summary>True when the text holds the pattern's halves swapped (see <see cref="LocalAlignment.AlignRotations"/>).</summary>
    public bool Rotated { get; init; }

    /// <summary>Score over the score of a perfect match of a pattern of <paramref name="patternLength"/> characters, in [0, 1].</summary>
    public double Similarity(int patternLength) => patternLength == 0 ? 0 : Math.Clamp((double)Score / LocalAlignment.MaxScore(patternLength), 0, 1);
}
