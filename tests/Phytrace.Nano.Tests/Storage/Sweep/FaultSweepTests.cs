using System.Diagnostics;
using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage.Sweep;

/// <summary>
/// The fault sweep: each workload is run once with every Write and Flush traced; then, for each
/// fault model, the image a power cut would leave at each (sampled) point is built from the
/// trace, mounted, drained and checked by <see cref="SweepOracle"/>. The default run samples and
/// prints its seed; PHYTRACE_LONG_TESTS=1 checks every cut point (see <see cref="SweepBudget"/>).
/// </summary>
public sealed class FaultSweepTests(ITestOutputHelper output)
{
    public static TheoryData<string> AllWorkloads() => Names(SweepBudget.Workloads());

    public static TheoryData<string> SdWorkloads() => Names(SweepBudget.SdWorkloads());

    private static TheoryData<string> Names(IEnumerable<SweepConfig> configs)
    {
        var data = new TheoryData<string>();
        foreach (var config in configs)
        {
            data.Add(config.Name);
        }
        return data;
    }

    internal static SweepWorkload Run(string name)
    {
        var config = SweepBudget.Workloads().Single(w => w.Name == name);
        var run = SweepWorkload.Record(config, new byte[config.RegionLength], new SweepHistory(), [], 0, config.Seed);
        Assert.True(run.SlotsWritten > 4 * config.Slots, $"the workload must wrap the ring several times ({run.SlotsWritten} slots written, {config.Slots} in the ring)");
        return run;
    }

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void Prefix_cut_at_any_byte_of_any_write_keeps_every_promise(string workload)
    {
        var run = Run(workload);
        var random = new Random(SweepBudget.Seed);
        long images = 0;
        var clock = Stopwatch.StartNew();
        ForEachWrite(run, (call, before, write) =>
        {
            for (int bytes = 0; bytes <= write.Data.Length; bytes++)
            {
                // A cut at byte b leaves the same image as at b - 1 when that byte held its value already.
                bool same = bytes > 0 && before[write.Position + bytes - 1] == write.Data[bytes - 1];
                if (same || (random.NextDouble() >= SweepBudget.CutShare && bytes % SweepBudget.SdSector != 0))
                {
                    continue;
                }
                var image = (byte[])before.Clone();
                FaultImages.LandPrefix(image, write, bytes);
                SweepOracle.CheckCut(run, call, new RamMedium(image), $"prefix cut at byte {bytes}", prefix: true);
                images++;
            }
        });
        Report("prefix", run, images, clock);
    }

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void Flash_cut_leaving_the_rest_of_the_write_erased_or_random_keeps_every_promise(string workload)
    {
        var run = Run(workload);
        var random = new Random(SweepBudget.Seed);
        var garbage = new XorShiftRandom((ulong)SweepBudget.Seed + 1);
        long images = 0;
        var clock = Stopwatch.StartNew();
        ForEachWrite(run, (call, before, write) =>
        {
            for (int bytes = 0; bytes < write.Data.Length; bytes++)
            {
                if (random.NextDouble() >= SweepBudget.CutShare && bytes % SweepBudget.SdSector != 0)
                {
                    continue;
                }
                foreach (bool erased in new[] { true, false })
                {
                    var image = (byte[])before.Clone();
                    FaultImages.LandFlashCut(image, write, bytes, erased, garbage);
                    SweepOracle.CheckCut(run, call, new RamMedium(image), $"flash cut at byte {bytes}, rest {(erased ? "0xFF" : "random")}", prefix: false);
                    images++;
                }
            }
        });
        Report("flash garbage", run, images, clock);
    }

    [Theory]
    [MemberData(nameof(SdWorkloads))]
    public void Sd_card_landing_any_subset_of_the_unflushed_sectors_keeps_every_promise(string workload)
    {
        var run = Run(workload);
        var random = new Random(SweepBudget.Seed);
        long images = 0;
        long largest = 0;
        var clock = Stopwatch.StartNew();
        var sectors = new long[4096];
        var landed = new bool[4096];
        byte[] atFlush = (byte[])run.Initial.Clone();
        ForEachCall(run, (call, before) =>
        {
            TracedWrite write = run.Trace[call];
            if (write.IsFlush)
            {
                atFlush = (byte[])before.Clone();
                return;
            }
            var newer = (byte[])before.Clone();
            FaultImages.Land(newer, write);
            int count = FaultImages.TouchedSectors(run.Trace, run.FirstUnflushedBefore(call), call, SweepBudget.SdSector, sectors);
            largest = Math.Max(largest, count);
            bool all = count <= SweepBudget.AllCombinationsUpTo;
            long combinations = all ? 1L << count : SweepBudget.SampledCombinations + 2;
            for (long combination = 0; combination < combinations; combination++)
            {
                for (int i = 0; i < count; i++)
                {
                    landed[i] = all ? ((combination >> i) & 1) != 0 : combination == 0 ? false : combination == 1 || random.Next(2) == 1;
                }
                var image = (byte[])atFlush.Clone();
                FaultImages.ComposeSectors(image, newer, sectors, landed, count, SweepBudget.SdSector);
                string which = string.Concat(Enumerable.Range(0, count).Select(i => landed[i] ? "N" : "o"));
                SweepOracle.CheckCut(run, call, new RamMedium(image), $"SD sectors [{string.Join(",", sectors.Take(count))}] landed {which}", prefix: false);
                images++;
            }
        });
        output.WriteLine($"up to {largest} sectors written between flushes; all combinations up to {SweepBudget.AllCombinationsUpTo}, else {SweepBudget.SampledCombinations} sampled");
        Report("SD sector reorder", run, images, clock);
    }

    [Theory]
    [MemberData(nameof(SdWorkloads))]
    public void The_sector_being_written_becoming_unreadable_keeps_every_promise(string workload)
    {
        var run = Run(workload);
        long images = 0;
        var clock = Stopwatch.StartNew();
        ForEachWrite(run, (call, before, write) =>
        {
            long firstSector = write.Position / SweepBudget.SdSector;
            long lastSector = (write.Position + write.Data.Length - 1) / SweepBudget.SdSector;
            for (long sector = firstSector; sector <= lastSector; sector++)
            {
                // The sectors before it landed, it is lost to an unreadable state, the ones after never came.
                var image = (byte[])before.Clone();
                FaultImages.LandPrefix(image, write, (int)Math.Max(0, (sector * SweepBudget.SdSector) - write.Position));
                var medium = new UnreadableSectorsMedium(image, SweepBudget.SdSector, 4);
                medium.MakeUnreadable(sector * SweepBudget.SdSector);
                SweepOracle.CheckCut(run, call, medium, $"sector {sector} unreadable", prefix: false);
                images++;
            }
        });
        Report("unreadable sector", run, images, clock);
    }

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void No_write_touches_a_sector_that_holds_a_synced_record(string workload)
    {
        var run = Run(workload);
        int recordSize = run.Config.RecordSize;
        int sector = run.Config.SectorSize;
        var header = new SlotHeader();
        long checkedSectors = 0;
        ForEachWrite(run, (call, before, write) =>
        {
            if (write.Position < Checkpoint.SlotsOffset)
            {
                return; // a checkpoint place: another generation's, never the newest (FORMAT.md)
            }
            SweepOp op = run.OpOf(call);
            long first = (write.Position - Checkpoint.SlotsOffset) / recordSize;
            long last = (write.Position + write.Data.Length - 1 - Checkpoint.SlotsOffset) / recordSize;
            // Every slot sharing a sector with the write: from the start of its first sector to the end of its last.
            long from = Math.Min(first, (write.Position - Checkpoint.SlotsOffset) / sector * sector / recordSize);
            long to = Math.Max(last, (((write.Position + write.Data.Length - 1 - Checkpoint.SlotsOffset) / sector) + 1) * sector / recordSize - 1);
            for (long index = from; index <= to; index++)
            {
                int at = Checkpoint.SlotsOffset + (int)(index * recordSize);
                header.Decode(before, at, recordSize, BitConverter.ToUInt32(before, at + SlotFormat.OffsetRegionId), int.MaxValue);
                Assert.False(header.Kind == SlotKind.Valid && op.MustKeep.Contains(header.Sequence),
                    $"call {call} ({write.Data.Length} B at {write.Position}, op {op.Index} {op.Kind}) writes over the sector of synced record {header.Sequence} (slot {index}); {run.Config}");
                checkedSectors++;
            }
        });
        output.WriteLine($"{checkedSectors:N0} slots under {run.Trace.Count} calls checked; {run.Config}");
    }

    private void Report(string model, SweepWorkload run, long images, Stopwatch clock)
    {
        output.WriteLine($"{model}: {images:N0} fault images checked in {clock.Elapsed.TotalSeconds:0.0} s; {run.Trace.Count} calls, {run.Ops.Count} operations; "
            + $"{run.Config}; sampling seed {SweepBudget.Seed} (PHYTRACE_SWEEP_SEED), {(SweepBudget.Long ? "every cut point" : "sampled")}");
        SweepTally.Add(model, images);
        Assert.True(images > 0);
    }

    /// <summary>Calls <paramref name="visit"/> for every Write of the trace with the image as it was before it.</summary>
    internal static void ForEachWrite(SweepWorkload run, Action<int, byte[], TracedWrite> visit)
    {
        ForEachCall(run, (call, before) =>
        {
            if (!run.Trace[call].IsFlush)
            {
                visit(call, before, run.Trace[call]);
            }
        });
    }

    /// <summary>Calls <paramref name="visit"/> for every call of the trace with the image as it was before it.</summary>
    internal static void ForEachCall(SweepWorkload run, Action<int, byte[]> visit)
    {
        byte[] current = (byte[])run.Initial.Clone();
        for (int call = 0; call < run.Trace.Count; call++)
        {
            visit(call, current);
            if (!run.Trace[call].IsFlush)
            {
                FaultImages.Land(current, run.Trace[call]);
            }
        }
    }
}
