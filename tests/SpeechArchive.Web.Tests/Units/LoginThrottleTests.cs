using SpeechArchive.Web.Security;

namespace SpeechArchive.Web.Tests.Units;

public sealed class LoginThrottleTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void WhenAClientFailsFiveTimesInAMinute_ShouldBlockItButNotOthers()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.RecordFailure("10.0.0.1");
        }

        Assert.False(throttle.IsBlocked("10.0.0.1"));
        throttle.RecordFailure("10.0.0.1");
        Assert.True(throttle.IsBlocked("10.0.0.1"));
        Assert.False(throttle.IsBlocked("10.0.0.2"));
    }

    [Fact]
    public void WhenTheWindowPasses_ShouldUnblock()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.RecordFailure("10.0.0.1");
        }

        clock.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));

        Assert.False(throttle.IsBlocked("10.0.0.1"));
    }
}
