using System.Diagnostics;
using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage.Sweep;

/// <summary>
/// Single-bit rot anywhere in the region, with exact accounting: the quiescent image after an
/// operation of a workload gets one bit flipped (in a checkpoint place, a record, padding, a
/// stale or free slot); the mount must lose at most the record whose checked bytes the bit is
/// in (that one, exactly: a CRC-32 misses no single flip), count the damage once when it costs
/// a record and at most once otherwise, never bring back a consumed record (a damaged
/// checkpoint copy leaves its twin), and keep everything else. By default a sampled share of
/// the bits of a few images; PHYTRACE_LONG_TESTS=1 flips every bit of the checkpoints' and
/// slots' bytes of more images.
/// </summary>
public sealed class BitRotSweepTests(ITestOutputHelper output)
{
    /// <summary>Bytes of each checkpoint place flipped: the checkpoint and the zeros after it in its sector.</summary>
    private const int PlaceBytes = 512;

    [Theory]
    [MemberData(nameof(FaultSweepTests.AllWorkloads), MemberType = typeof(FaultSweepTests))]
    public void One_flipped_bit_costs_at_most_the_record_it_hit_and_is_counted(string workload)
    {
        var run = FaultSweepTests.Run(workload);
        var random = new Random(SweepBudget.Seed);
        int bases = SweepBudget.Long ? 8 : 2;
        long images = 0;
        long recordsHit = 0;
        long counted = 0;
        var clock = Stopwatch.StartNew();
        // Quiescent images after evenly spread operations, the last one included.
        var chosen = Enumerable.Range(1, bases).Select(i => (run.Ops.Count - 1) * i / bases).Distinct().ToHashSet();
        var positions = new List<long>();
        FaultSweepTests.ForEachCall(run, (call, before) =>
        {
            int op = run.Trace[call].Operation;
            bool lastOfOp = call + 1 == run.Trace.Count || run.Trace[call + 1].Operation != op;
            if (!lastOfOp || !chosen.Contains(op))
            {
                return;
            }
            var image = (byte[])before.Clone();
            if (!run.Trace[call].IsFlush)
            {
                FaultImages.Land(image, run.Trace[call]);
            }
            positions.Clear();
            for (int place = 0; place < Checkpoint.Places; place++)
            {
                for (int b = 0; b < PlaceBytes; b++)
                {
                    positions.Add((place * (long)Checkpoint.Stride) + b);
                }
            }
            for (long p = Checkpoint.SlotsOffset; p < image.Length; p++)
            {
                positions.Add(p);
            }
            var inspector = BufferInspector.Open(new RamMedium(image));
            void Flip(long position, int bit)
            {
                long hit = RecordHit(image, inspector, run.Ops[op], position);
                FaultImages.FlipBit(image, position, bit);
                var verdict = SweepOracle.CheckRot(run, op, new RamMedium(image), position, bit, hit);
                FaultImages.FlipBit(image, position, bit);
                images++;
                recordsHit += hit >= 0 ? 1 : 0;
                counted += verdict.Corrupt;
            }
            foreach (long position in positions)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    if (SweepBudget.Long || random.NextDouble() < 0.05)
                    {
                        Flip(position, bit);
                    }
                }
            }
            // And anywhere else in the region (the checkpoint pages' unused bytes): a few.
            for (int k = 0; k < (SweepBudget.Long ? 2000 : 100); k++)
            {
                Flip(random.NextInt64(image.Length), random.Next(8));
            }
        });
        output.WriteLine($"bit rot: {images:N0} single-bit flips in {chosen.Count} images checked in {clock.Elapsed.TotalSeconds:0.0} s; {recordsHit:N0} hit a live record "
            + $"(each lost that record and nothing else), {counted:N0} counted corrupt; {run.Config}; sampling seed {SweepBudget.Seed}");
        SweepTally.Add("bit rot", images);
        Assert.True(recordsHit > 0 && images > recordsHit);
    }

    /// <summary>The record the image holds (live and synced, or evicted not yet durably) whose CRC-checked bytes hold <paramref name="position"/>, or -1.</summary>
    private static long RecordHit(byte[] image, BufferInspector inspector, SweepOp op, long position)
    {
        if (position < Checkpoint.SlotsOffset)
        {
            return -1;
        }
        int recordSize = inspector.RecordSize;
        long index = (position - Checkpoint.SlotsOffset) / recordSize;
        if (index >= inspector.SlotCount)
        {
            return -1;
        }
        var header = new SlotHeader();
        if (inspector.ReadSlot(index, header) != SlotKind.Valid || !(op.DurableAfter.Contains(header.Sequence) || op.EvictedPending.Contains(header.Sequence)))
        {
            return -1;
        }
        int offset = (int)(position - Checkpoint.SlotsOffset - (index * recordSize));
        return offset < SlotFormat.CoveredLength(SlotFormat.HeaderSize(header.PartIndex) + header.ChunkLength) ? header.Sequence : -1;
    }
}
