using SpeechArchive.Indexing;

namespace SpeechArchive.Tests;

/// <summary>
/// Holds an indexing run at its first report of a stage until released, so the run surely still holds its lock meanwhile.
/// Shared by the engine and the web tests. A gate made disarmed lets every run pass until <see cref="Arm"/> (the web app
/// builds its first index through the same observer).
/// </summary>
public sealed class StageGate(string stage, bool armed = true) : IProgress<IndexProgress>, IDisposable
{
    private readonly ManualResetEventSlim reached = new();
    private readonly ManualResetEventSlim released = new();
    private volatile bool armed = armed;

    public void Arm() => armed = true;

    public bool WaitReached() => reached.Wait(TimeSpan.FromMinutes(2));

    public void Release() => released.Set();

    public void Report(IndexProgress value)
    {
        if (armed && value.Stage == stage)
        {
            reached.Set();
            released.Wait(TimeSpan.FromMinutes(2));
        }
    }

    public void Dispose()
    {
        released.Set();
        reached.Dispose();
        released.Dispose();
    }
}
