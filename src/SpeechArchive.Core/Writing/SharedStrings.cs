using SpeechArchive.Analysis;

namespace SpeechArchive.Writing;

/// <summary>Maximal strings two match texts share verbatim (never across a sentence end or mask), longest first, distinct.</summary>
internal static class SharedStrings
{
    public static List<string> Between(string a, string b, int minLength) =>
        Runs(a, b, minLength).Select(r => a.Substring(r.Start, r.Length)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).ToList();

    /// <summary>Maximal runs of <paramref name="a"/> (start, length) that occur verbatim in <paramref name="b"/>, with where in b.</summary>
    public static List<(int Start, int Length, int OtherStart)> Runs(string a, string b, int minLength)
    {
        var positions = new Dictionary<long, List<int>>();
        for (var j = 0; j + 1 < b.Length; j++)
        {
            if (IsText(b[j]) && IsText(b[j + 1]))
            {
                var key = TermKey.Bigram(b[j], b[j + 1]);
                if (!positions.TryGetValue(key, out var list))
                {
                    list = [];
                    positions[key] = list;
                }

                list.Add(j);
            }
        }

        var runs = new List<(int Start, int Length, int OtherStart)>();
        var coveredTo = 0;
        for (var i = 0; i + 1 < a.Length; i++)
        {
            if (!IsText(a[i]) || !IsText(a[i + 1]) || !positions.TryGetValue(TermKey.Bigram(a[i], a[i + 1]), out var starts))
            {
                continue;
            }

            var best = (Length: 0, Other: 0);
            foreach (var j in starts)
            {
                var n = 0;
                while (i + n < a.Length && j + n < b.Length && a[i + n] == b[j + n] && IsText(a[i + n]))
                {
                    n++;
                }

                if (n > best.Length)
                {
                    best = (n, j);
                }
            }

            // Keep a run only when it reaches past the runs already kept (a suffix of a kept run is not maximal).
            if (best.Length >= minLength && i + best.Length > coveredTo)
            {
                runs.Add((i, best.Length, best.Other));
                coveredTo = i + best.Length;
            }
        }

        return runs;
    }

    internal static bool IsText(char c) => c != MatchText.Break && c != MatchText.Mask && c != ' ';
}
