using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Tests.Platform;

public class ManualTickClockTests
{
    [Fact]
    public void Advances_by_the_given_milliseconds()
    {
        var clock = new ManualTickClock(5);
        clock.Advance(10);
        Assert.Equal(15, clock.NowMs);
    }

    [Fact]
    public void Refuses_to_go_back_and_stays_where_it_was()
    {
        var clock = new ManualTickClock(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));
        Assert.Equal(0, clock.NowMs);
    }
}
