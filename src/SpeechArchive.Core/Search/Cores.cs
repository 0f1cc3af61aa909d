namespace SpeechArchive.Search;

/// <summary>A search's per-item work spread over the cores when there is enough of it (Parallel.For below that costs more than it saves).</summary>
internal static class Cores
{
    /// <summary>
    /// Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1: from <paramref name="from"/> items on, in one part per core
    /// (each taking every n-th item, so costly and cheap items are shared alike), below it on this thread. The items must be
    /// independent of each other.
    /// </summary>
    public static void For(int count, int from, Action<int> body)
    {
        var parts = count >= from ? Math.Min(Environment.ProcessorCount, count) : 1;
        if (parts <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, parts, part =>
        {
            for (var i = part; i < count; i += parts)
            {
                body(i);
            }
        });
    }
}
