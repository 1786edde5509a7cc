using System.Diagnostics;

namespace Phytrace.Nano.Benchmarks;

/// <summary>Timing and allocation measurement shared by the benchmarks.</summary>
public static class Measure
{
    /// <summary>Operations per second of <paramref name="operation"/> over <paramref name="iterations"/> calls, after a warm-up.</summary>
    public static double OpsPerSecond(Action operation, int iterations, int warmup = 1000)
    {
        for (int i = 0; i < warmup; i++)
        {
            operation();
        }
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            operation();
        }
        watch.Stop();
        return iterations / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Managed bytes allocated per call on this thread, after a warm-up.</summary>
    public static double AllocatedBytesPerCall(Action operation, int iterations, int warmup = 1000)
    {
        for (int i = 0; i < warmup; i++)
        {
            operation();
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++)
        {
            operation();
        }
        long after = GC.GetAllocatedBytesForCurrentThread();
        return (after - before) / (double)iterations;
    }

    /// <summary>Seconds taken by one call of <paramref name="work"/>.</summary>
    public static double Seconds(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalSeconds;
    }
}
