using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Checks of the core's clocks and random source.</summary>
    public static class PlatformChecks
    {
        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Platform");
            r.Run("ManualTickClockAdvances", delegate
            {
                var clock = new ManualTickClock(5);
                clock.Advance(10);
                Expect.Equal(15, clock.NowMs, "NowMs after Advance(10) from 5");
            });
            r.Run("ManualTickClockRejectsGoingBack", delegate
            {
                var clock = new ManualTickClock(0);
                Expect.Throws(delegate { clock.Advance(-1); }, "Advance(-1)");
                Expect.Equal(0, clock.NowMs, "clock unchanged after a refused Advance");
            });
            r.Run("XorShiftIsDeterministicPerSeed", delegate
            {
                var a = new XorShiftRandom(42);
                var b = new XorShiftRandom(42);
                for (int i = 0; i < 100; i++)
                {
                    Expect.Equal(a.NextInt(1000), b.NextInt(1000), "draw " + i.ToString());
                }
            });
            r.Run("XorShiftStaysInRange", delegate
            {
                var random = new XorShiftRandom(7);
                for (int i = 0; i < 1000; i++)
                {
                    int v = random.NextInt(3);
                    Expect.True(v >= 0 && v < 3, "NextInt(3) in [0,3), got " + v.ToString());
                }
            });
        }
    }
}
