using System.Diagnostics;
using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage.Sweep;

/// <summary>
/// Cuts during the writes that follow a mount: an image left by a first cut (an SD card's
/// sector subset, or a prefix) is mounted, the buffer runs a short workload on it, and a
/// second cut hits any of those writes (prefix at sampled bytes, SD sector subsets). Beyond the
/// usual promises, nothing the first mount did not hold may come back at the second (the
/// issue's repro: a record absent after one mount returned later behind a newer one), and
/// sequences never go back.
/// </summary>
public sealed class PostMountCutSweepTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(FaultSweepTests.SdWorkloads), MemberType = typeof(FaultSweepTests))]
    public void A_second_cut_after_a_mount_keeps_every_promise(string workload)
    {
        var first = FaultSweepTests.Run(workload);
        var random = new Random(SweepBudget.Seed);
        // First cuts at this many writes of the first workload, chosen at random.
        int writes = Enumerable.Range(0, first.Trace.Count).Count(c => !first.Trace[c].IsFlush);
        var chosen = Enumerable.Range(0, writes).OrderBy(_ => random.Next()).Take(SweepBudget.Long ? 150 : 4).ToHashSet();
        int writeIndex = -1;
        long images = 0;
        long stages = 0;
        var clock = Stopwatch.StartNew();
        var sectors = new long[4096];
        var landed = new bool[4096];
        byte[] atFlush = (byte[])first.Initial.Clone();
        FaultSweepTests.ForEachCall(first, (call, before) =>
        {
            TracedWrite write = first.Trace[call];
            if (write.IsFlush)
            {
                atFlush = (byte[])before.Clone();
                return;
            }
            if (!chosen.Contains(++writeIndex))
            {
                return;
            }
            // The first cut: a random subset of the unflushed sectors landed.
            var newer = (byte[])before.Clone();
            FaultImages.Land(newer, write);
            int count = FaultImages.TouchedSectors(first.Trace, first.FirstUnflushedBefore(call), call, SweepBudget.SdSector, sectors);
            for (int i = 0; i < count; i++)
            {
                landed[i] = random.Next(2) == 1;
            }
            var cut = (byte[])atFlush.Clone();
            FaultImages.ComposeSectors(cut, newer, sectors, landed, count, SweepBudget.SdSector);
            SweepOracle.CheckCut(first, call, new RamMedium(cut), "first cut", prefix: false);
            images++;
            try
            {
                images += SecondStage(first, first.OpOf(call), cut, random.Next(), random);
            }
            catch (Exception e)
            {
                string which = string.Concat(Enumerable.Range(0, count).Select(i => landed[i] ? "N" : "o"));
                throw new SweepFailure($"after a first cut at call {call} (op {first.OpOf(call).Index} {first.OpOf(call).Kind}, sectors [{string.Join(",", sectors.Take(count))}] landed {which}): {e.Message}", e);
            }
            stages++;
        });
        output.WriteLine($"cuts after a mount: {images:N0} fault images ({stages} first cuts, each followed by a mount, a workload and every sampled second cut) "
            + $"checked in {clock.Elapsed.TotalSeconds:0.0} s; {first.Config}; sampling seed {SweepBudget.Seed}");
        SweepTally.Add("cut after a mount", images);
        Assert.True(stages > 0);
    }

    /// <summary>Mounts <paramref name="cut"/>, runs a workload on it, and checks cuts during its writes; returns the images checked.</summary>
    private static long SecondStage(SweepWorkload first, SweepOp cutDuring, byte[] cut, int seed, Random random)
    {
        // What the first mount holds (a peek on a copy: the same bytes mount the same way).
        var peek = new EdgeBuffer(new RamMedium(cut), first.Config.Options(), first.Clock);
        long next = peek.NextSequence;
        var events = new BufferedEvents(first.Config.Slots + 1, (first.Config.Slots + 1) * first.Config.MaxEventSize);
        peek.Dequeue(events, first.Config.Slots + 1);
        var live = Enumerable.Range(0, events.Count).Select(events.Sequence).ToList();

        var history = first.History.Clone();
        // Sequences from the mount's NextSequence up were never written (CheckCut holds it to
        // that): handed out in RAM only, they may be given again.
        foreach (long unwritten in history.Accepted.Keys.Where(s => s >= next).ToList())
        {
            history.Accepted.Remove(unwritten);
        }
        // Consumed before the cut, or not held by the mount: must never come back.
        history.GoneBefore.UnionWith(first.History.ConsumedAt.Where(c => c.Value < cutDuring.Index).Select(c => c.Key));
        history.GoneBefore.UnionWith(history.Accepted.Keys.Where(s => !live.Contains(s)));
        var config = first.Config with { Ops = SweepBudget.Long ? 16 : 10 };
        var second = SweepWorkload.Record(config, cut, history, live, next, seed);

        long images = 0;
        var sectors = new long[4096];
        var landed = new bool[4096];
        byte[] atFlush = (byte[])second.Initial.Clone();
        FaultSweepTests.ForEachCall(second, (call, before) =>
        {
            TracedWrite write = second.Trace[call];
            if (write.IsFlush)
            {
                atFlush = (byte[])before.Clone();
                return;
            }
            for (int bytes = 0; bytes <= write.Data.Length; bytes += 1 + random.Next(SweepBudget.Long ? 96 : 700))
            {
                var image = (byte[])before.Clone();
                FaultImages.LandPrefix(image, write, bytes);
                SweepOracle.CheckCut(second, call, new RamMedium(image), $"second cut, prefix {bytes}", prefix: true);
                images++;
            }
            var newer = (byte[])before.Clone();
            FaultImages.Land(newer, write);
            int count = FaultImages.TouchedSectors(second.Trace, second.FirstUnflushedBefore(call), call, SweepBudget.SdSector, sectors);
            for (int k = 0; k < (SweepBudget.Long ? 16 : 3); k++)
            {
                for (int i = 0; i < count; i++)
                {
                    landed[i] = random.Next(2) == 1;
                }
                var image = (byte[])atFlush.Clone();
                FaultImages.ComposeSectors(image, newer, sectors, landed, count, SweepBudget.SdSector);
                SweepOracle.CheckCut(second, call, new RamMedium(image), "second cut, SD sectors", prefix: false);
                images++;
            }
        });
        return images;
    }
}
