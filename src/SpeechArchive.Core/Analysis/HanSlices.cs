namespace SpeechArchive.Analysis;

/// <summary>Cuts the runs' buffer into slices for parallel work, and a slice into its runs.</summary>
internal static class HanSlices
{
    /// <summary>About eight slices per thread, each starting and ending at a separator.</summary>
    public static List<(int From, int To)> Of(HanRuns runs, int threads)
    {
        var slices = new List<(int, int)>();
        var size = Math.Max(1, runs.Length / (Math.Max(1, threads) * 8));
        var from = 0;
        while (from < runs.Length - 1)
        {
            var to = Math.Min(runs.Length - 1, from + size);
            while (to < runs.Length - 1 && runs.Buffer[to] != HanRuns.Separator)
            {
                to++;
            }

            slices.Add((from, to));
            from = to;
        }

        return slices;
    }

    /// <summary>The runs of a slice: start and length of each, in order.</summary>
    public static IEnumerable<(int Start, int Length)> Runs(HanRuns runs, (int From, int To) slice)
    {
        var buffer = runs.Buffer;
        var start = -1;
        for (var i = slice.From; i <= slice.To; i++)
        {
            if (buffer[i] == HanRuns.Separator)
            {
                if (start >= 0 && i > start)
                {
                    yield return (start, i - start);
                }

                start = i + 1;
            }
        }
    }
}
