using System.Runtime.ExceptionServices;

namespace SpeechArchive.Indexing;

/// <summary>
/// Runs <c>work(0..count-1)</c> on dedicated worker threads and hands the results to one consumer in index order, with the
/// workers never more than <c>window</c> items ahead of it (bounded memory). The first exception of a worker, or the
/// cancellation, stops the workers and is rethrown to the consumer.
/// </summary>
internal sealed class OrderedWork<T> : IDisposable
{
    private readonly object gate = new();
    private readonly T[] results;
    private readonly bool[] done;
    private readonly Func<int, T> work;
    private readonly int window;
    private readonly CancellationToken cancellation;
    private readonly Thread[] threads;
    private int nextToClaim;
    private int consumed;
    private bool stopped;
    private ExceptionDispatchInfo? failure;

    public OrderedWork(int count, int workers, int window, Func<int, T> work, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        results = new T[count];
        done = new bool[count];
        this.work = work;
        this.window = Math.Max(1, window);
        this.cancellation = cancellation;
        threads = new Thread[Math.Clamp(workers, 1, Math.Max(1, count))];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = $"index worker {i + 1}" };
            threads[i].Start();
        }
    }

    /// <summary>The results in index order; each is released once handed out.</summary>
    public IEnumerable<T> Results()
    {
        for (var i = 0; i < results.Length; i++)
        {
            T result;
            lock (gate)
            {
                while (!done[i] && failure is null)
                {
                    Monitor.Wait(gate);
                }

                failure?.Throw();
                result = results[i];
                results[i] = default!;
                consumed = i + 1;
                Monitor.PulseAll(gate);
            }

            yield return result;
        }
    }

    /// <summary>Stops the workers (those in the middle of an item finish it) and waits for them.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.PulseAll(gate);
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private void Work()
    {
        while (true)
        {
            int i;
            lock (gate)
            {
                while (!stopped && failure is null && nextToClaim < results.Length && nextToClaim - consumed >= window)
                {
                    Monitor.Wait(gate);
                }

                if (stopped || failure is not null || nextToClaim >= results.Length)
                {
                    return;
                }

                i = nextToClaim++;
            }

            T result;
            try
            {
                cancellation.ThrowIfCancellationRequested();
                result = work(i);
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    failure ??= ExceptionDispatchInfo.Capture(e);
                    Monitor.PulseAll(gate);
                }

                return;
            }

            lock (gate)
            {
                results[i] = result;
                done[i] = true;
                Monitor.PulseAll(gate);
            }
        }
    }
}
