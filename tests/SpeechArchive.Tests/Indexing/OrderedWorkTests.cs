using SpeechArchive.Indexing;

namespace SpeechArchive.Tests.Indexing;

public sealed class OrderedWorkTests
{
    [Fact]
    public void WhenWorkersFinishOutOfOrder_ShouldHandBackResultsInIndexOrder()
    {
        using var work = new OrderedWork<int>(200, 3, 8, i =>
        {
            Thread.Sleep(i % 7 == 0 ? 3 : 0);
            return i * i;
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * i), work.Results());
    }

    [Fact]
    public void WhenTheConsumerIsSlow_ShouldNeverLetWorkersRunMoreThanTheWindowAhead()
    {
        var started = 0;
        var maxAhead = 0;
        var consumed = 0;
        using var work = new OrderedWork<int>(100, 2, 5, i =>
        {
            Interlocked.Increment(ref started);
            var ahead = i - Volatile.Read(ref consumed);
            InterlockedMax(ref maxAhead, ahead);
            return i;
        }, CancellationToken.None);

        foreach (var i in work.Results())
        {
            Thread.Sleep(1);
            Volatile.Write(ref consumed, i + 1);
        }

        Assert.Equal(100, started);
        Assert.InRange(maxAhead, 0, 5);
    }

    [Fact]
    public void WhenAWorkerThrows_ShouldRethrowToTheConsumerAndStop()
    {
        var calls = 0;
        using var work = new OrderedWork<int>(1000, 2, 4, i =>
        {
            Interlocked.Increment(ref calls);
            return i == 10 ? throw new InvalidOperationException("item 10") : i;
        }, CancellationToken.None);

        var e = Assert.Throws<InvalidOperationException>(() => work.Results().ToList());

        Assert.Equal("item 10", e.Message);
        // Stopped: far fewer than the 1,000 items ran. No lower bound beyond item 10 itself: the failure is rethrown as soon
        // as it is caught, while an item before 10 that the other worker claimed may not have run yet (CI saw 10 calls).
        Assert.InRange(calls, 1, 30);
    }

    [Fact]
    public void WhenCancelled_ShouldThrowOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        using var work = new OrderedWork<int>(1000, 2, 4, i =>
        {
            if (i == 20)
            {
                cancel.Cancel();
            }

            return i;
        }, cancel.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => work.Results().ToList());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
