using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Tests.Events;

/// <summary>One session per boot: a UUIDv7 id, and a boot time that becomes right once the clock syncs.</summary>
public class BootSessionTests
{
    [Fact]
    public void Each_boot_gets_its_own_uuid7_session_id()
    {
        var wall = new ManualWallClock(new DateTime(2026, 6, 7, 19, 0, 0, DateTimeKind.Utc), true);
        var ids = Enumerable.Range(0, 50).Select(i => new BootSession(wall, new ManualTickClock(0), new XorShiftRandom((ulong)i + 1)).SessionId).ToList();
        Assert.Equal(50, ids.Distinct().Count());
        var bytes = new byte[16];
        Assert.True(UuidText.TryParse(ids[0], bytes, 0));
        Assert.Equal(0x70, bytes[6] & 0xF0);
        Assert.Equal(0x80, bytes[8] & 0xC0);
        Assert.Equal(Iso8601Utc.ToUnixMicros(wall.UtcNow) / 1000, Uuid7Generator.TimestampMs(bytes, 0));
    }

    [Fact]
    public void Boot_time_is_recomputed_from_the_tick_clock_once_the_wall_clock_syncs()
    {
        // An ESP32 without SNTP boots near 1970; SNTP sets the clock 90 s later.
        var wall = new ManualWallClock(new DateTime(1970, 1, 1, 0, 0, 3, DateTimeKind.Utc), false);
        var tick = new ManualTickClock(3000);
        var session = new BootSession(wall, tick, new XorShiftRandom(3));
        Assert.False(session.BootAtSynced);
        Assert.Equal(3_000_000, session.BootAtMicros);

        tick.Advance(90_000);
        wall.Set(new DateTime(2026, 6, 7, 19, 1, 30, DateTimeKind.Utc), true);
        Assert.True(session.BootAtSynced);
        Assert.Equal(Iso8601Utc.ToUnixMicros(new DateTime(2026, 6, 7, 19, 0, 0, DateTimeKind.Utc)), session.BootAtMicros);
    }
}
