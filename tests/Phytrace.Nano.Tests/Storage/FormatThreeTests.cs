using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// The issue's repros against format 3, each as its own small case, and the rules that fix them:
/// groups in whole sectors, no sequence reuse, resync past damage, removals in the checkpoint,
/// exact Count, durable evictions, NextSequence.
/// </summary>
public sealed class FormatThreeTests
{
    private const int Sector = 512;

    private static byte[] Image(TracingMedium trace, int calls, byte[] initial)
    {
        var image = (byte[])initial.Clone();
        for (int c = 0; c < calls; c++)
        {
            if (!trace[c].IsFlush)
            {
                FaultImages.Land(image, trace[c]);
            }
        }
        return image;
    }

    [Fact]
    public void Sd_reorder_repro_never_brings_a_record_back_behind_a_newer_one()
    {
        // The issue: RecordSize 256, SyncEvery 16; E1 + Sync; E2, E3 + Sync with the cut landing
        // E3's sector but not E2's; mount; E4 + Sync; E5; reset: format 2 delivered [E1, E4, E3].
        var options = Options(recordSize: 256, syncEvery: 16, checkpointEvery: 64);
        var initial = new byte[RegionLength(256, 64)];
        var trace = new TracingMedium(new RamMedium(initial));
        var buffer = new EdgeBuffer(trace, options, SyncedClock());
        Assert.True(Put(buffer, 1, 100));
        Assert.True(buffer.Sync());
        int beforeGroup = trace.Count;
        Assert.True(Put(buffer, 2, 400)); // two slots: E2 fills a sector
        Assert.True(Put(buffer, 3, 100)); // E3 in the next one
        Assert.True(buffer.Sync());
        TracedWrite group = trace[beforeGroup];
        Assert.Equal(2 * Sector, group.Data.Length);
        Assert.Equal(0, (group.Position - Checkpoint.SlotsOffset) % Sector);

        // The cut: the image before the group, with only E3's sector landed.
        byte[] image = Image(trace, beforeGroup, initial);
        var newer = (byte[])image.Clone();
        FaultImages.Land(newer, group);
        FaultImages.ComposeSectors(image, newer, new[] { (group.Position / Sector) + 1 }, new[] { true }, 1, Sector);

        var afterCut = new RamMedium(image);
        var mounted = new EdgeBuffer(afterCut, options, SyncedClock());
        Assert.Equal(new long[] { 0 }, ReadAll(mounted).Select(e => e.Sequence));
        long e4 = mounted.NextSequence;
        Assert.True(e4 > 2, "the sequences E2 and E3 had are not used again");
        Assert.True(Put(mounted, 4, 100));
        Assert.True(mounted.Sync());
        Assert.True(Put(mounted, 5, 100)); // waiting for its sync point when power goes

        var again = new EdgeBuffer(new RamMedium(afterCut.Image), options, SyncedClock());
        var got = ReadAll(again);
        Assert.Equal(new long[] { 0, e4 }, got.Select(e => e.Sequence));
        Assert.Equal(Payload(4, 100), got[1].Payload);
    }

    [Fact]
    public void A_remove_writes_no_slot_and_a_cut_anywhere_in_it_costs_no_other_record()
    {
        // The issue: a Remove wrote one byte in place; flash garbage there made the scan stop, and
        // the synced E3 and E4 were lost. Now a Remove writes only the checkpoint's two copies.
        var options = Options(recordSize: 128, syncEvery: 1);
        var initial = new byte[RegionLength(128, 32)];
        var trace = new TracingMedium(new RamMedium(initial));
        var buffer = new EdgeBuffer(trace, options, SyncedClock());
        for (int n = 1; n <= 4; n++)
        {
            Assert.True(Put(buffer, n, 50));
        }
        int first = trace.Count;
        Assert.Equal(1, buffer.Remove(new[] { UuidText.ToString(Id(2), 0) }));
        Assert.True(trace.Count > first);
        for (int c = first; c < trace.Count; c++)
        {
            Assert.True(trace[c].IsFlush || trace[c].Position + trace[c].Data.Length <= Checkpoint.SlotsOffset, "a Remove writes checkpoint places only");
        }
        var garbage = new XorShiftRandom(9);
        for (int c = first; c < trace.Count; c++)
        {
            if (trace[c].IsFlush)
            {
                continue;
            }
            byte[] before = Image(trace, c, initial);
            for (int cut = 0; cut < trace[c].Data.Length; cut++)
            {
                foreach (bool erased in new[] { true, false })
                {
                    var image = (byte[])before.Clone();
                    FaultImages.LandFlashCut(image, trace[c], cut, erased, garbage);
                    var mounted = new EdgeBuffer(new RamMedium(image), options, SyncedClock());
                    long count = mounted.Count;
                    var got = ReadAll(mounted).Select(e => e.Sequence).ToList();
                    Assert.True(got.SequenceEqual(new long[] { 0, 1, 2, 3 }) || got.SequenceEqual(new long[] { 0, 2, 3 }), $"cut at byte {cut} of call {c}: [{string.Join(",", got)}]");
                    Assert.Equal(got.Count, count); // Count exact: no drift by the records a Remove marked
                }
            }
        }
    }

    [Fact]
    public void The_sector_being_written_when_power_goes_never_garbles_synced_neighbours()
    {
        // The issue: slots smaller than a sector and groups starting mid-sector, so the sector in
        // flight held synced records; unreadable, mount delivered nothing.
        var options = Options(recordSize: 128, syncEvery: 1);
        var initial = new byte[RegionLength(128, 32)];
        var trace = new TracingMedium(new RamMedium(initial));
        var buffer = new EdgeBuffer(trace, options, SyncedClock());
        Assert.True(Put(buffer, 1, 50));
        Assert.True(Put(buffer, 2, 50));
        int first = trace.Count;
        Assert.True(Put(buffer, 3, 50));
        TracedWrite write = trace[first];
        Assert.True(write.Position >= Checkpoint.SlotsOffset);

        var image = Image(trace, first, initial);
        var medium = new UnreadableSectorsMedium(image, Sector, 2);
        medium.MakeUnreadable(write.Position);
        var mounted = new EdgeBuffer(medium, options, SyncedClock());
        Assert.Equal(new long[] { 0, 1 }, ReadAll(mounted).Select(e => e.Sequence));
        // The buffer writes the bad sector whole again, and goes on.
        Assert.True(Put(mounted, 4, 50));
        Assert.Equal(0, medium.UnreadableCount);
        Assert.Equal(3, ReadAll(new EdgeBuffer(new RamMedium(medium.Image), options, SyncedClock())).Count);
    }

    [Fact]
    public void A_flipped_bit_past_the_checkpoint_costs_only_the_record_it_hit_and_is_counted()
    {
        // The issue: one flipped bit in a slot past the checkpoint ended the scan (up to six synced
        // records lost, often with Corrupt still 0).
        var options = Options(recordSize: 128, syncEvery: 1, checkpointEvery: 16);
        for (int victim = 0; victim < 6; victim++)
        {
            var ram = new RamMedium(RegionLength(128, 64));
            var buffer = new EdgeBuffer(ram, options, SyncedClock());
            for (int n = 0; n < 6; n++)
            {
                Assert.True(Put(buffer, n, 40 + (n * 20)));
            }
            // Power cut: no Dispose. The six records lie past the last checkpoint, a sector each.
            ram.Image[Checkpoint.SlotsOffset + (victim * Sector) + 20] ^= 0x08;
            var mounted = new EdgeBuffer(new RamMedium(ram.Image), options, SyncedClock());
            Assert.Equal(5, mounted.Count); // past the checkpoint, the damaged record is not counted
            var got = Drain(mounted);
            Assert.Equal(Enumerable.Range(0, 6).Where(n => n != victim).Select(n => (long)n), got);
            Assert.Equal(1, mounted.GetStats().Corrupt);
        }
    }

    /// <summary>Dequeues and acknowledges until empty (a Dequeue stops before damage in mid-range).</summary>
    private static List<long> Drain(EdgeBuffer buffer)
    {
        var got = new List<long>();
        var batch = new BufferedEvents(8, 8 * buffer.MaxEventSize);
        while (buffer.Dequeue(batch, 8) > 0)
        {
            got.AddRange(Enumerable.Range(0, batch.Count).Select(batch.Sequence));
            buffer.AcknowledgeThrough(batch.Sequence(batch.Count - 1));
        }
        return got;
    }

    [Fact]
    public void Count_is_exact_after_a_mount_and_zero_once_drained()
    {
        // The issue: Count drifted by the records a Remove marked when a cut came before its
        // checkpoint, and stayed non-zero on an empty, drained buffer.
        var options = Options(recordSize: 128, syncEvery: 2, checkpointEvery: 100);
        var ram = new RamMedium(RegionLength(128, 64));
        var buffer = new EdgeBuffer(ram, options, SyncedClock());
        for (int n = 0; n < 9; n++)
        {
            Assert.True(Put(buffer, n, 30));
        }
        Assert.Equal(3, buffer.Remove(new[] { 2, 4, 6 }.Select(n => UuidText.ToString(Id(n), 0)).ToArray()));
        Assert.Equal(6, buffer.Count);
        // Power cut: no Dispose.
        var copy = new RamMedium(ram.Image);
        var mounted = new EdgeBuffer(copy, options, SyncedClock());
        Assert.Equal(6, mounted.Count);
        var batch = new BufferedEvents(4, 4 * options.MaxEventSize);
        while (mounted.Dequeue(batch, 4) > 0)
        {
            mounted.AcknowledgeThrough(batch.Sequence(batch.Count - 1));
        }
        Assert.Equal(0, mounted.Count);
        Assert.Equal(0, new EdgeBuffer(new RamMedium(copy.Image), options, SyncedClock()).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void DropOldest_evictions_are_durable_at_the_next_sync_point(int syncEvery)
    {
        // The issue: evictions lived only in RAM until the next checkpoint; evicted records came
        // back after a reset.
        var options = Options(recordSize: 128, syncEvery: syncEvery, checkpointEvery: 1000, overflow: OverflowPolicy.DropOldest, sectorSize: 128);
        var ram = new RamMedium(RegionLength(128, 8));
        var buffer = new EdgeBuffer(ram, options, SyncedClock());
        for (int n = 0; n < 8; n++)
        {
            Assert.True(Put(buffer, n, 40));
        }
        Assert.True(buffer.Sync());
        for (int n = 8; n < 11; n++)
        {
            Assert.True(Put(buffer, n, 40)); // evicts 0, 1, 2
        }
        Assert.Equal(3, buffer.GetStats().Dropped);
        Assert.True(buffer.Sync()); // the sync point
        // Power cut: no Dispose.
        var got = ReadAll(new EdgeBuffer(new RamMedium(ram.Image), options, SyncedClock())).Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(3, 8).Select(n => (long)n), got);
    }

    [Fact]
    public void NextSequence_is_above_every_sequence_written_even_lost_ones_and_never_goes_back()
    {
        var options = Options(recordSize: 128, syncEvery: 4, checkpointEvery: 6);
        var ram = new RamMedium(RegionLength(128, 256));
        var medium = new FaultInjectingMedium(ram);
        var buffer = new EdgeBuffer(medium, options, SyncedClock());
        for (int n = 0; n < 9; n++)
        {
            Assert.True(Put(buffer, n, 100)); // two slots each: a group of four spans two sectors
        }
        // The group of records 8..11 is cut in its second sector: 8 and 9 landed, never synced.
        medium.CutPowerAt(medium.WriteCalls, Sector + 10);
        long before = buffer.NextSequence;
        for (int n = 9; n < 12; n++)
        {
            Put(buffer, n, 100);
        }
        var cut = new RamMedium(ram.Image);
        var mounted = new EdgeBuffer(cut, options, SyncedClock());
        Assert.True(mounted.NextSequence >= before, $"NextSequence went back from {before} to {mounted.NextSequence}");
        Assert.True(mounted.NextSequence > ReadAll(mounted).Max(e => e.Sequence));
        Assert.True(mounted.NextSequence > 11, "above the sequences the cut group was given");
        // A mount after a cut skips at most what one checkpoint reserves.
        Assert.True(mounted.NextSequence - before <= options.CheckpointEvery + options.SyncEvery + SlotFormat.SlotsFor(options.MaxEventSize, 128) + 1);
        long next = mounted.NextSequence;
        mounted.Dispose();
        Assert.Equal(next, new EdgeBuffer(cut, options, SyncedClock()).NextSequence); // clean close: no gap
    }

    [Fact]
    public void Too_many_records_removed_out_of_order_are_refused_clearly_and_nothing_is_removed()
    {
        var options = Options(recordSize: 64, syncEvery: 64, checkpointEvery: 1000, sectorSize: 64, maxEventSize: 8);
        var buffer = new EdgeBuffer(new RamMedium(RegionLength(64, 600)), options, SyncedClock());
        for (int n = 0; n < 2 * (RemovedSequences.Capacity + 1); n++)
        {
            Assert.True(Put(buffer, n, 8));
        }
        // Every other record, leaving the oldest: each waits behind the tail.
        var ids = Enumerable.Range(0, RemovedSequences.Capacity + 1).Select(i => UuidText.ToString(Id((2 * i) + 1), 0)).ToArray();
        var e = Assert.Throws<InvalidOperationException>(() => buffer.Remove(ids));
        Assert.Contains("at most " + RemovedSequences.Capacity, e.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was removed", e.Message, StringComparison.Ordinal);
        Assert.Equal(2 * (RemovedSequences.Capacity + 1), buffer.Count);
        Assert.Equal(RemovedSequences.Capacity, buffer.Remove(ids.Take(RemovedSequences.Capacity).ToArray()));
        Assert.Equal(RemovedSequences.Capacity + 2, buffer.Count);
    }

    [Fact]
    public void Sector_size_is_validated_and_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Options(sectorSize: 500).Validate());
        Assert.Contains("SectorSize must be a power of two from 16 to 4096 bytes, got 500", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Options(sectorSize: 8192).Validate());
        Assert.Contains("got 8192", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Options(recordSize: 96).Validate());
        Assert.Contains("RecordSize must divide SectorSize or be a multiple of it", e.Message, StringComparison.Ordinal);
        Assert.Contains("got RecordSize 96 with SectorSize 512", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_opened_with_another_sector_size_is_refused_clearly()
    {
        var ram = new RamMedium(RegionLength(128, 32));
        new EdgeBuffer(ram, Options(sectorSize: 512), SyncedClock()).Dispose();
        var e = Assert.Throws<InvalidOperationException>(() => new EdgeBuffer(ram, Options(sectorSize: 256), SyncedClock()));
        Assert.Contains("SectorSize 512", e.Message, StringComparison.Ordinal);
        Assert.Contains("SectorSize 256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_write_is_whole_sectors_on_sector_boundaries()
    {
        var options = Options(recordSize: 128, syncEvery: 3, checkpointEvery: 4, overflow: OverflowPolicy.DropOldest);
        var trace = new TracingMedium(new RamMedium(RegionLength(128, 40)));
        var buffer = new EdgeBuffer(trace, options, SyncedClock());
        var random = new Random(3);
        for (int n = 0; n < 300; n++)
        {
            Put(buffer, n, random.Next(options.MaxEventSize + 1));
            if (n % 7 == 0)
            {
                buffer.Remove(new[] { UuidText.ToString(Id(n - 3), 0) });
            }
        }
        buffer.Dispose();
        for (int c = 0; c < trace.Count; c++)
        {
            if (!trace[c].IsFlush)
            {
                Assert.Equal(0, trace[c].Position % Sector);
                Assert.Equal(0, trace[c].Data.Length % Sector);
            }
        }
    }
}
