using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>Callers asking for the same key at the same time share one making of its value; nothing is kept after.</summary>
public sealed class SingleFlightTests
{
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
            release.Wait(TimeSpan.FromSeconds(30));
            return new object();
        }

        var first = Task.Factory.StartNew(() => flight.Run("所在地", Make), TaskCreationOptions.LongRunning);
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the first making did not start");
        var others = Enumerable.Range(0, 7).Select(_ => Task.Factory.StartNew(() => flight.Run("所在地", Make), TaskCreationOptions.LongRunning)).ToArray();
        await Task.Delay(200); // the others are waiting on the making under way
        release.Set();

        var values = (await Task.WhenAll(others)).Append(await first).ToList();
        Assert.Equal(1, makings);
        Assert.All(values, v => Assert.Same(values[0], v));
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
    public void WhenTheMakingFails_ShouldGiveTheErrorAndLetTheNextAskTryAgain()
    {
        var flight = new SingleFlight<string, string>();

        var error = Assert.Throws<InvalidOperationException>(() => flight.Run("词", () => throw new InvalidOperationException("disk read failed")));

        Assert.Equal("disk read failed", error.Message);
        Assert.Equal("made", flight.Run("词", () => "made"));
    }

    [Fact]
    public void WhenKeysDiffer_ShouldMakeEachOnItsOwn()
    {
        var flight = new SingleFlight<string, string>();

        Assert.Equal("甲", flight.Run("a", () => "甲"));
        Assert.Equal("乙", flight.Run("b", () => "乙"));
    }
}
