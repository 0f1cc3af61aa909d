using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>Callers asking for the same key at the same time share one making of its value; nothing is kept after.</summary>
public sealed class SingleFlightTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhenManyAskForAKeyBeingMade_ShouldMakeItOnceAndGiveEveryoneThatValue()
    {
        var flight = new SingleFlight<string, object>();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var makings = 0;
        object Make()
        {
            Interlocked.Increment(ref makings);
            started.Set();
            release.Wait(Patience);
            return new object();
        }

        var first = Task.Factory.StartNew(() => flight.Run("所在地", Make), TaskCreationOptions.LongRunning);
        Assert.True(started.Wait(Patience), "the first making did not start");
        var others = Enumerable.Range(0, 7).Select(_ => Task.Factory.StartNew(() => flight.Run("所在地", Make), TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(SpinWait.SpinUntil(() => flight.Waiting == 7, Patience), $"{flight.Waiting} of 7 callers waiting");
        release.Set();

        var values = (await Task.WhenAll(others)).Append(await first).ToList();
        Assert.Equal(1, makings);
        Assert.All(values, v => Assert.Same(values[0], v));
        Assert.Equal(0, flight.Waiting);
    }

    [Fact]
    public void WhenAMakingHasEnded_ShouldMakeTheKeyAgainOnTheNextAsk()
    {
        var flight = new SingleFlight<int, int>();
        var makings = 0;

        var a = flight.Run(7, () => ++makings);
        var b = flight.Run(7, () => ++makings);

        Assert.Equal((1, 2), (a, b)); // nothing kept: the caller's cache keeps values
    }

    [Fact]
    public async Task WhenTheMakingFails_ShouldGiveTheErrorToEveryoneWaitingAndLetTheNextAskTryAgain()
    {
        var flight = new SingleFlight<string, string>();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        string Fail()
        {
            started.Set();
            release.Wait(Patience);
            throw new InvalidOperationException("disk read failed");
        }

        var first = Task.Factory.StartNew(() => flight.Run("词", Fail), TaskCreationOptions.LongRunning);
        Assert.True(started.Wait(Patience), "the making did not start");
        var waiter = Task.Factory.StartNew(() => flight.Run("词", () => "not made: it waits"), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => flight.Waiting == 1, Patience), "the second caller is not waiting");
        release.Set();

        Assert.Equal("disk read failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        Assert.Equal("disk read failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => waiter)).Message);
        Assert.Equal("made", flight.Run("词", () => "made"));
    }

    [Fact]
    public async Task WhenKeysDiffer_ShouldNotWaitForEachOther()
    {
        var flight = new SingleFlight<string, string>();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var slow = Task.Factory.StartNew(() => flight.Run("a", () =>
        {
            started.Set();
            release.Wait(Patience);
            return "甲";
        }), TaskCreationOptions.LongRunning);
        Assert.True(started.Wait(Patience), "the making of a did not start");

        var other = flight.Run("b", () => "乙"); // made while a's making is held

        Assert.Equal("乙", other);
        Assert.False(slow.IsCompleted);
        release.Set();
        Assert.Equal("甲", await slow);
    }
}
