using System.Diagnostics;

namespace Phytrace.Nano.Benchmarks;

/// <summary>Timing and allocation measurement shared by the benchmarks.</summary>
public static class Measure
{
    /// <summary>
    /// Operations per second of <paramref name="operation"/> over <paramref name="iterations"/>
    /// calls, after three warm-ups each followed by a pause: tiered compilation counts calls only
    /// once no new code has been compiled for 100 ms, then optimises in the background, so code
    /// reaches tier 1 after two quiet spells (timed straight away, CRC-32 showed 560-800 MB/s
    /// instead of 7,000).
    /// </summary>
    public static double OpsPerSecond(Action operation, int iterations, int warmup = 1000)
    {
        for (int spell = 0; spell < 3; spell++)
        {
            for (int i = 0; i < warmup; i++)
            {
                operation();
            }
            Thread.Sleep(150);
        }
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            operation();
        }
        watch.Stop();
        return iterations / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Managed bytes allocated per call on this thread, after a warm-up: the least of three rounds.
    /// A real per-call allocation shows in every round; what the runtime allocates on the thread
    /// now and then (seen: 48 or 4,184 bytes once, at a different call each run, with tiered
    /// compilation on or off) lands in one round and is not the code's.
    /// </summary>
    public static double AllocatedBytesPerCall(Action operation, int iterations, int warmup = 1000)
    {
        for (int i = 0; i < warmup; i++)
        {
            operation();
        }
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < iterations; i++)
            {
                operation();
            }
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least / (double)iterations;
    }

    /// <summary>Seconds taken by one call of <paramref name="work"/>.</summary>
    public static double Seconds(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalSeconds;
    }
}
