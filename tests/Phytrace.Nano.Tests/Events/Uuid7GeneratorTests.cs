using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Tests.Events;

public class Uuid7GeneratorTests
{
    private static readonly DateTime Synced = new(2026, 6, 7, 19, 0, 0, 123, DateTimeKind.Utc);

    [Fact]
    public void Layout_has_version_7_variant_10_and_the_wall_clock_milliseconds()
    {
        var wall = new ManualWallClock(Synced, true);
        var generator = new Uuid7Generator(wall, new ManualTickClock(), new XorShiftRandom(1));
        var id = new byte[20];
        generator.Next(id, 2);
        Assert.Equal(0x7, id[2 + 6] >> 4);
        Assert.Equal(0x2, id[2 + 8] >> 6);
        Assert.Equal(new DateTimeOffset(Synced).ToUnixTimeMilliseconds(), Uuid7Generator.TimestampMs(id, 2));
        Assert.True(Guid.TryParse(UuidText.ToString(id, 2), out Guid parsed));
        Assert.Equal(7, parsed.Version);
    }

    [Fact]
    public void Ids_strictly_increase_with_a_frozen_clock_past_the_counter_range()
    {
        var generator = new Uuid7Generator(new ManualWallClock(Synced, true), new ManualTickClock(), new XorShiftRandom(2));
        AssertStrictlyIncreasing(generator, 10_000, null, null);
    }

    [Fact]
    public void Ids_strictly_increase_when_the_wall_clock_steps_backwards()
    {
        var wall = new ManualWallClock(Synced, true);
        var tick = new ManualTickClock(5000);
        var generator = new Uuid7Generator(wall, tick, new XorShiftRandom(3));
        var ids = AssertStrictlyIncreasing(generator, 500, wall, tick);
        long lastMs = Uuid7Generator.TimestampMs(ids[^1], 0);
        wall.Set(Synced.AddHours(-1), true);
        tick.Advance(10);
        var next = new byte[16];
        generator.Next(next, 0);
        Assert.True(Compare(ids[^1], next) < 0);
        // The id time keeps following the monotonic clock instead of jumping back an hour.
        Assert.Equal(lastMs + 10, Uuid7Generator.TimestampMs(next, 0));
    }

    [Fact]
    public void Ids_from_an_unsynced_1970_clock_increase_and_two_boots_do_not_collide()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (ulong boot = 1; boot <= 2; boot++)
        {
            var wall = new ManualWallClock(DateTime.UnixEpoch.AddSeconds(3), false);
            var generator = new Uuid7Generator(wall, new ManualTickClock(), new XorShiftRandom(boot * 7919));
            foreach (byte[] id in AssertStrictlyIncreasing(generator, 2000, wall, null))
            {
                Assert.True(seen.Add(UuidText.ToString(id, 0)), "duplicate id across boots");
                Assert.True(Uuid7Generator.TimestampMs(id, 0) < 60_000);
            }
        }
    }

    [Fact]
    public void A_clock_before_1970_is_clamped_to_zero()
    {
        var generator = new Uuid7Generator(new ManualWallClock(new DateTime(1969, 1, 1, 0, 0, 0, DateTimeKind.Utc), false), new ManualTickClock(), new XorShiftRandom(4));
        var id = new byte[16];
        generator.Next(id, 0);
        Assert.Equal(0, Uuid7Generator.TimestampMs(id, 0));
    }

    private static List<byte[]> AssertStrictlyIncreasing(Uuid7Generator generator, int count, ManualWallClock? wall, ManualTickClock? tick)
    {
        var ids = new List<byte[]>();
        for (int i = 0; i < count; i++)
        {
            var id = new byte[16];
            generator.Next(id, 0);
            if (ids.Count > 0)
            {
                Assert.True(Compare(ids[^1], id) < 0, $"id {i} does not sort after the previous one");
            }
            Assert.Equal(0x70, id[6] & 0xF0);
            Assert.Equal(0x80, id[8] & 0xC0);
            ids.Add(id);
            if (i % 7 == 0)
            {
                wall?.AdvanceMs(1);
                tick?.Advance(1);
            }
        }
        return ids;
    }

    private static int Compare(byte[] a, byte[] b)
    {
        for (int i = 0; i < 16; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }
        return 0;
    }
}
