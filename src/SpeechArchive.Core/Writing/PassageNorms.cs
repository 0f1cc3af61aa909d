using System.Runtime.CompilerServices;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// The length (norm) of every passage's bigram tf·idf vector, as <see cref="TermVector"/> computes it: a column derived
/// from the snapshot, so "more like this" weighs only the bigrams a candidate shares with the source. Computing it reads
/// every passage once (seconds on the full archive), so it is built on a background thread on first use — or at once by
/// <see cref="Prepare"/> — and until then each candidate's norm is computed as before.
/// </summary>
internal sealed class PassageNorms
{
    private static readonly ConditionalWeakTable<IndexSnapshot, PassageNorms> Table = [];

    private readonly Lazy<double[]> norms;
    private int started;

    private PassageNorms(IndexSnapshot index) => norms = new(() => Compute(index));

    /// <summary>The norms when built; otherwise null, and the build is started in the background.</summary>
    public static double[]? TryGet(IndexSnapshot index)
    {
        var entry = Table.GetValue(index, i => new PassageNorms(i));
        if (entry.norms.IsValueCreated)
        {
            return entry.norms.Value;
        }

        if (Interlocked.Exchange(ref entry.started, 1) == 0)
        {
            _ = Task.Factory.StartNew(() => _ = entry.norms.Value, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        return null;
    }

    /// <summary>Builds the norms now (or waits for the background build).</summary>
    public static void Prepare(IndexSnapshot index) => _ = Table.GetValue(index, i => new PassageNorms(i)).norms.Value;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per snapshot: compiled optimised from the start
    private static double[] Compute(IndexSnapshot index)
    {
        var counter = new BigramCounter();
        var result = new double[index.Passages.Count];
        for (var d = 0; d < result.Length; d++)
        {
            var p = index.Passages[d];
            counter.Count(Analysis.MatchText.Build(p.SourceText, p.Start, p.End)); // not kept: the snapshot would hold a second copy of its text
            result[d] = Math.Sqrt(counter.Weigh(key => BigramCandidates.Idf(index, key)));
        }

        return result;
    }
}
