namespace SpeechArchive.Cli;

/// <summary>IProgress that reports on the calling thread, serialised (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object gate = new();

    public void Report(T value)
    {
        lock (gate)
        {
            report(value);
        }
    }
}
