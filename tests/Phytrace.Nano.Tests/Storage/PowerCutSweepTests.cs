using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// Power-cut sweep: a workload of a few hundred operations is run once with every write traced;
/// then for each cut point (every byte of every write: about 87,000 mounts for the three default
/// workloads, a few seconds; PHYTRACE_LONG_TESTS=1 adds six more workloads) the image a cut there
/// leaves is mounted and checked: every
/// record synced before the interrupted operation and not consumed by it is there, in order,
/// byte-identical; records of the group being written are a whole prefix or absent; nothing
/// acknowledged before comes back; nothing corrupt is returned; mount never throws.
/// </summary>
public class PowerCutSweepTests(ITestOutputHelper output)
{
    private sealed record Trace(long Position, byte[] Data);

    private sealed record OpWindow(int Op, string Kind, int FirstWrite, int EndWrite, HashSet<long> DurableBefore, HashSet<long> DurableAfter, long SyncedBefore,
        HashSet<long> ConsumedByOp);

    /// <summary>(record size, sync every, workload seed): three by default, nine with PHYTRACE_LONG_TESTS=1.</summary>
    public static TheoryData<int, int, int> Workloads()
    {
        var data = new TheoryData<int, int, int> { { 128, 1, 11 }, { 128, 3, 12 }, { 256, 2, 13 } };
        if (Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1")
        {
            data.Add(128, 1, 21);
            data.Add(128, 8, 22);
            data.Add(256, 1, 23);
            data.Add(256, 4, 24);
            data.Add(512, 2, 25);
            data.Add(1024, 3, 26);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Power_cut_at_any_byte_of_any_write_loses_at_most_the_record_being_written(int recordSize, int syncEvery, int workloadSeed)
    {
        var options = Options(recordSize, syncEvery, checkpointEvery: 5, maxEventSize: MaxForSlots(recordSize, 2));
        var ram = new RamMedium(RegionLength(recordSize, 20));
        var medium = new FaultInjectingMedium(ram);
        var clock = SyncedClock();
        var buffer = new EdgeBuffer(medium, options, clock);
        byte[] initial = (byte[])ram.Image.Clone();
        var writes = new List<Trace>();
        medium.OnWrite = (index, position, data, offset, count) => writes.Add(new Trace(position, data.AsSpan(offset, count).ToArray()));

        var enqueued = new Dictionary<long, (byte[] Id, byte[] Payload)>();
        var live = new SortedSet<long>();
        var windows = new List<OpWindow>();
        var random = new Random(workloadSeed);
        var batch = new BufferedEvents(8, 8 * options.MaxEventSize);
        long lastDequeued = -1;
        long laps = 0;
        for (int op = 0; op < 300; op++)
        {
            int first = writes.Count;
            var before = Durable(live, buffer.SyncedThroughSequence);
            var liveBefore = live.ToHashSet();
            long syncedBefore = buffer.SyncedThroughSequence;
            int kind = random.Next(100);
            if (kind < 60)
            {
                int length = random.Next(options.MaxEventSize + 1);
                long sequence = buffer.NextSequence;
                var id = Id(sequence + 1000);
                var payload = Payload(sequence, length);
                if (buffer.Enqueue(payload, 0, length, id, 0, Micros(Now), true))
                {
                    enqueued[sequence] = (id, payload);
                    live.Add(sequence);
                    laps += SlotFormat.SlotsFor(length, recordSize);
                }
            }
            else if (kind < 78)
            {
                if (buffer.Dequeue(batch, 1 + random.Next(5)) > 0)
                {
                    lastDequeued = batch.Sequence(batch.Count - 1);
                }
            }
            else if (kind < 92)
            {
                if (lastDequeued >= 0)
                {
                    buffer.AcknowledgeThrough(lastDequeued);
                    live.RemoveWhere(s => s <= lastDequeued);
                }
            }
            else if (live.Count > 0)
            {
                long victim = live.ElementAt(random.Next(live.Count));
                Assert.Equal(1, buffer.Remove(new[] { Phytrace.Nano.Formats.UuidText.ToString(enqueued[victim].Id, 0) }));
                live.Remove(victim);
            }
            string what = kind < 60 ? "enqueue" : kind < 78 ? "dequeue" : kind < 92 ? "acknowledge" : "remove";
            liveBefore.ExceptWith(live);
            windows.Add(new OpWindow(op, what, first, writes.Count, before, Durable(live, buffer.SyncedThroughSequence), syncedBefore, liveBefore));
        }
        Assert.True(laps > 5 * 20, "the workload must wrap around the ring several times");

        var cuts = new List<(int Write, int Byte)>();
        for (int w = 0; w < writes.Count; w++)
        {
            for (int b = 0; b < writes[w].Data.Length; b++)
            {
                cuts.Add((w, b));
            }
        }
        output.WriteLine($"{writes.Count} writes, {cuts.Count} cut points checked (every byte of every write)");

        byte[] image = (byte[])initial.Clone();
        int applied = 0;
        foreach (var (write, cutByte) in cuts)
        {
            while (applied < write)
            {
                Apply(image, writes[applied], writes[applied].Data.Length);
                applied++;
            }
            byte[] cutImage = (byte[])image.Clone();
            Apply(cutImage, writes[write], cutByte);
            OpWindow window = windows.First(w => w.FirstWrite <= write && write < w.EndWrite);
            try
            {
                Check(cutImage, options, clock, window, enqueued);
            }
            catch (Exception e)
            {
                string opWrites = string.Join(", ", Enumerable.Range(window.FirstWrite, window.EndWrite - window.FirstWrite)
                    .Select(k => $"#{k}: {writes[k].Data.Length} B at {writes[k].Position}"));
                throw new InvalidOperationException($"cut at byte {cutByte} of write {write} (workload seed {workloadSeed}; the operation's writes {opWrites}): {e.Message}", e);
            }
        }
    }

    private static HashSet<long> Durable(SortedSet<long> live, long syncedThrough) => live.Where(s => s < syncedThrough).ToHashSet();

    private static void Apply(byte[] image, Trace write, int bytes) => Array.Copy(write.Data, 0, image, write.Position, bytes);

    private static void Check(byte[] image, EdgeBufferOptions options, Phytrace.Nano.Platform.IWallClock clock, OpWindow window, Dictionary<long, (byte[] Id, byte[] Payload)> enqueued)
    {
        var buffer = new EdgeBuffer(new RamMedium(image), options, clock);
        var recovered = ReadAll(buffer);
        long previous = -1;
        foreach (var (sequence, id, payload) in recovered)
        {
            Assert.True(sequence > previous, "records come back in order");
            previous = sequence;
            Assert.True(enqueued.ContainsKey(sequence), $"record {sequence} was never accepted");
            Assert.Equal(enqueued[sequence].Id, id);
            Assert.Equal(enqueued[sequence].Payload, payload);
        }
        var got = recovered.Select(r => r.Sequence).ToHashSet();
        foreach (long must in window.DurableBefore.Where(window.DurableAfter.Contains))
        {
            Assert.True(got.Contains(must), $"synced record {must} was lost");
        }
        string context = $"op {window.Op} ({window.Kind}), synced before {window.SyncedBefore}, durable before [{string.Join(",", window.DurableBefore.Order())}], "
            + $"after [{string.Join(",", window.DurableAfter.Order())}], recovered [{string.Join(",", got.Order())}]";
        // Synced before this operation but neither live before nor after it: consumed by an earlier one.
        var consumedEarlier = got.Where(s => s < window.SyncedBefore && !window.DurableBefore.Contains(s) && !window.DurableAfter.Contains(s)).ToList();
        Assert.True(consumedEarlier.Count == 0, $"records {string.Join(",", consumedEarlier)} came back although consumed before; {context}");
        // The group this operation was writing (an Enqueue, or a Remove or Dequeue that syncs it
        // first) landed as a whole prefix or not at all: below the newest record that came back,
        // every one came back too, unless this very operation consumed it and that landed.
        var fromGroup = got.Where(s => s >= window.SyncedBefore).ToList();
        if (fromGroup.Count > 0)
        {
            for (long s = window.SyncedBefore; s < fromGroup.Max(); s++)
            {
                Assert.True(got.Contains(s) || window.ConsumedByOp.Contains(s), $"record {s} is missing below record {fromGroup.Max()} of the group being written; {context}");
            }
        }
        // The mounted buffer keeps working.
        long next = buffer.NextSequence;
        Assert.Equal(recovered.Count, buffer.AcknowledgeThrough(next - 1));
        Assert.True(Put(buffer, 99_999, 10), "a new record is accepted after mount");
        Assert.Equal(next, ReadAll(buffer).Last().Sequence);
    }
}
