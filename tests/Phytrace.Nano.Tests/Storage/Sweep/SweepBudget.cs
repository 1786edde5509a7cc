using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage.Sweep;

/// <summary>
/// How much of each fault model the sweep covers. The default run (CI) samples: it checks a
/// seeded random share of the cut points and sector combinations, and prints the seed;
/// PHYTRACE_LONG_TESTS=1 checks every byte of every write, every combination of up to 12 sectors
/// and more workloads (README gives the command and its time). PHYTRACE_SWEEP_SEED=n repeats a
/// sampled run.
/// </summary>
public static class SweepBudget
{
    public static readonly bool Long = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1";

    /// <summary>The seed of the sampled choices: PHYTRACE_SWEEP_SEED, or a new one each run (printed).</summary>
    public static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("PHYTRACE_SWEEP_SEED"), out int seed) ? seed : Environment.TickCount & 0x7FFFFFFF;

    /// <summary>An SD card's sector: what lands or not as a whole, and what becomes unreadable.</summary>
    public const int SdSector = 512;

    /// <summary>Each cut point is checked with this probability by default (every one with PHYTRACE_LONG_TESTS=1).</summary>
    public static double CutShare => Long ? 1.0 : 0.06;

    /// <summary>Sector combinations: all of them up to this many sectors written since the last flush...</summary>
    public static int AllCombinationsUpTo => Long ? 12 : 6;

    /// <summary>...and this many random ones (plus all-old and all-new) beyond.</summary>
    public static int SampledCombinations => Long ? 4096 : 24;

    /// <summary>
    /// The workloads: small rings that wrap many times, every sync cadence from one record to
    /// groups of several sectors, both overflow policies, records smaller, equal to and larger
    /// than a sector, and a 16-byte sector (no padding, as for LittleFS).
    /// </summary>
    public static IEnumerable<SweepConfig> Workloads()
    {
        yield return new SweepConfig("one record per sync", 128, 1, 5, 28, OverflowPolicy.Reject, 512, 11, 260);
        yield return new SweepConfig("groups of three, drop oldest", 128, 3, 5, 24, OverflowPolicy.DropOldest, 512, 12, 260);
        yield return new SweepConfig("groups of eight small records", 64, 8, 7, 32, OverflowPolicy.DropOldest, 512, 13, 300);
        yield return new SweepConfig("records of two sectors", 1024, 2, 4, 12, OverflowPolicy.Reject, 512, 14, 160);
        yield return new SweepConfig("no padding (16-byte sector)", 128, 2, 4, 20, OverflowPolicy.DropOldest, 16, 15, 260);
        if (Long)
        {
            yield return new SweepConfig("one record per sync, drop oldest", 256, 1, 3, 20, OverflowPolicy.DropOldest, 512, 21, 400);
            yield return new SweepConfig("groups of eight", 128, 8, 9, 40, OverflowPolicy.Reject, 512, 22, 400);
            yield return new SweepConfig("groups of four, 4 KiB sector", 256, 4, 6, 48, OverflowPolicy.DropOldest, 4096, 23, 300);
            yield return new SweepConfig("sector-sized records", 512, 3, 5, 16, OverflowPolicy.DropOldest, 512, 24, 300);
            yield return new SweepConfig("groups of sixteen", 64, 16, 12, 64, OverflowPolicy.Reject, 512, 25, 420);
            yield return new SweepConfig("one record per sync, checkpoint each", 128, 1, 1, 24, OverflowPolicy.Reject, 512, 26, 300);
        }
    }

    /// <summary>Workloads whose sector option matches an SD card's (the SD and unreadable-sector models assume 512-byte sectors).</summary>
    public static IEnumerable<SweepConfig> SdWorkloads() => Workloads().Where(w => w.SectorSize >= SdSector);
}
