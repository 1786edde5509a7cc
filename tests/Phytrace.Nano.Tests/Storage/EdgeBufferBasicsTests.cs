using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

public class EdgeBufferBasicsTests
{
    [Fact]
    public void Seed_defaults_are_kept()
    {
        var o = new EdgeBufferOptions();
        Assert.Equal(1000, o.MaxSizeMb);
        Assert.Equal(168, o.MaxAgeHours);
        Assert.Equal(OverflowPolicy.Reject, o.Overflow);
        Assert.Null(o.EncryptionKey);
    }

    [Fact]
    public void An_encryption_key_is_refused_clearly()
    {
        var o = Options();
        o.EncryptionKey = new byte[32];
        var e = Assert.Throws<NotSupportedException>(() => new EdgeBuffer(new RamMedium(RegionLength(128, 16)), o, SyncedClock()));
        Assert.Contains("EncryptionKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("not implemented", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_all_named()
    {
        var o = new EdgeBufferOptions { RecordSize = 100, SyncEvery = 0, MaxAgeHours = 0 };
        var e = Assert.Throws<ArgumentException>(o.Validate);
        Assert.Contains("RecordSize must be a multiple of 16", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 100", e.Message, StringComparison.Ordinal);
        Assert.Contains("SyncEvery", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAgeHours", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_come_back_in_order_byte_identical_and_survive_reopen()
    {
        var medium = new RamMedium(RegionLength(128, 64)); // ten records of up to two slots, a sector each
        var buffer = new EdgeBuffer(medium, Options(), SyncedClock());
        for (int n = 0; n < 10; n++)
        {
            Assert.True(Put(buffer, n, 10 + (n * 13)));
        }
        buffer.Dispose();
        var reopened = new EdgeBuffer(medium, Options(), SyncedClock());
        var all = ReadAll(reopened);
        Assert.Equal(10, all.Count);
        for (int n = 0; n < 10; n++)
        {
            Assert.Equal(n, all[n].Sequence);
            Assert.Equal(Id(n), all[n].Id);
            Assert.Equal(Payload(n, 10 + (n * 13)), all[n].Payload);
        }
        Assert.Equal(10, reopened.Count);
    }

    [Fact]
    public void Dequeue_peeks_and_remove_and_acknowledge_consume_durably()
    {
        var medium = new RamMedium(RegionLength(128, 32));
        var buffer = new EdgeBuffer(medium, Options(), SyncedClock());
        for (int n = 0; n < 6; n++)
        {
            Put(buffer, n, 40);
        }
        Assert.Equal(3, buffer.Dequeue(3).Count);
        Assert.Equal(3, buffer.Dequeue(3).Count); // a peek: still there
        Assert.Equal(2, buffer.AcknowledgeThrough(1));
        var ids = new[] { Phytrace.Nano.Formats.UuidText.ToString(Id(4), 0), Phytrace.Nano.Formats.UuidText.ToString(Id(2), 0), Phytrace.Nano.Formats.UuidText.ToString(Id(99), 0) };
        Assert.Equal(2, buffer.Remove(ids));
        Assert.Equal(new long[] { 3, 5 }, ReadAll(buffer).Select(e => e.Sequence));
        var reopened = new EdgeBuffer(medium, Options(), SyncedClock());
        Assert.Equal(new long[] { 3, 5 }, ReadAll(reopened).Select(e => e.Sequence));
        Assert.Equal(2, reopened.Count);
        var stats = buffer.GetStats();
        Assert.Equal(6, stats.Enqueued);
        Assert.Equal(4, stats.Removed);
    }

    [Fact]
    public void Remove_rejects_text_that_is_not_a_uuid()
    {
        var buffer = new EdgeBuffer(new RamMedium(RegionLength(128, 16)), Options(), SyncedClock());
        var e = Assert.Throws<ArgumentException>(() => buffer.Remove(new[] { "not-a-uuid" }));
        Assert.Contains("eventIds[0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spanning_events_round_trip_and_too_large_events_write_nothing()
    {
        var medium = new FaultInjectingMedium(new RamMedium(RegionLength(128, 32)));
        var options = Options(maxEventSize: 1000);
        var buffer = new EdgeBuffer(medium, options, SyncedClock());
        Assert.True(Put(buffer, 1, 1000)); // 1 + ceil((1000-72)/96) = 11 slots
        Assert.True(Put(buffer, 2, SlotFormat.FirstCapacity(128))); // exactly one slot
        Assert.True(Put(buffer, 3, SlotFormat.FirstCapacity(128) + 1)); // two slots
        long writes = medium.WriteCalls;
        var e = Assert.Throws<ArgumentException>(() => Put(buffer, 4, 1001));
        Assert.Contains("1001", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxEventSize of 1000", e.Message, StringComparison.Ordinal);
        Assert.Equal(writes, medium.WriteCalls);
        var all = ReadAll(new EdgeBuffer(medium.Inner, options, SyncedClock()));
        Assert.Equal(3, all.Count);
        Assert.Equal(Payload(1, 1000), all[0].Payload);
        Assert.Equal(Payload(3, SlotFormat.FirstCapacity(128) + 1), all[2].Payload);
    }

    [Fact]
    public void Reject_policy_refuses_when_full_and_counts_it()
    {
        // One slot per record (no sector padding), as the count below assumes.
        var buffer = new EdgeBuffer(new RamMedium(RegionLength(128, 8)), Options(sectorSize: 128), SyncedClock());
        for (int n = 0; n < 8; n++)
        {
            Assert.True(Put(buffer, n, 50));
        }
        Assert.False(Put(buffer, 8, 50));
        Assert.Equal(EnqueueFailure.Full, buffer.LastEnqueueFailure);
        Assert.Equal(1, buffer.GetStats().Rejected);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), ReadAll(buffer).Select(e => e.Sequence));
        buffer.AcknowledgeThrough(0);
        Assert.True(Put(buffer, 8, 50));
    }

    [Fact]
    public void DropOldest_evicts_the_oldest_and_counts_them()
    {
        var medium = new RamMedium(RegionLength(128, 8));
        var options = Options(overflow: OverflowPolicy.DropOldest, sectorSize: 128); // one slot per record
        var buffer = new EdgeBuffer(medium, options, SyncedClock());
        for (int n = 0; n < 20; n++)
        {
            Assert.True(Put(buffer, n, 50));
        }
        Assert.True(Put(buffer, 20, 200)); // three slots: evicts three more
        Assert.Equal(Enumerable.Range(15, 6).Select(i => (long)i), ReadAll(buffer).Select(e => e.Sequence));
        Assert.Equal(15, buffer.GetStats().Dropped);
        buffer.Dispose();
        Assert.Equal(Enumerable.Range(15, 6).Select(i => (long)i), ReadAll(new EdgeBuffer(medium, options, SyncedClock())).Select(e => e.Sequence));
    }

    [Fact]
    public void Records_older_than_max_age_expire_on_a_synced_clock_but_unsynced_ones_never()
    {
        var clock = SyncedClock();
        var buffer = new EdgeBuffer(new RamMedium(RegionLength(128, 16)), Options(), clock);
        Put(buffer, 0, 30, clockSynced: true, capturedAt: Now.AddHours(-200));
        Put(buffer, 1, 30, clockSynced: false, capturedAt: new DateTime(1970, 1, 1, 0, 5, 0, DateTimeKind.Utc));
        Put(buffer, 2, 30, clockSynced: true, capturedAt: Now.AddHours(-100));
        Assert.Equal(new long[] { 1, 2 }, ReadAll(buffer).Select(e => e.Sequence));
        Assert.Equal(1, buffer.GetStats().Expired);
        clock.AdvanceMs(69L * 3600 * 1000); // event 2 is now 169 h old, but event 1 (unsynced) is ahead of it
        Assert.Equal(new long[] { 1, 2 }, ReadAll(buffer).Select(e => e.Sequence));
        buffer.AcknowledgeThrough(1);
        Assert.Empty(ReadAll(buffer));
        Assert.Equal(2, buffer.GetStats().Expired);
    }

    [Fact]
    public void Nothing_expires_while_the_wall_clock_is_unsynced()
    {
        var clock = new Phytrace.Nano.Platform.ManualWallClock(Now.AddYears(5), synchronized: false);
        var buffer = new EdgeBuffer(new RamMedium(RegionLength(128, 16)), Options(), clock);
        Put(buffer, 0, 30, clockSynced: true, capturedAt: Now);
        Assert.Single(ReadAll(buffer));
        Assert.Equal(-1, buffer.GetStats().OldestAgeMs);
    }

    [Fact]
    public void Stats_report_count_bytes_capacity_and_ages()
    {
        var clock = SyncedClock();
        var buffer = new EdgeBuffer(new RamMedium(RegionLength(128, 16)), Options(), clock);
        Put(buffer, 0, 30, capturedAt: Now.AddSeconds(-10));
        Put(buffer, 1, 100, capturedAt: Now.AddSeconds(-2));
        var s = buffer.GetStats();
        Assert.Equal(2, s.Count);
        Assert.Equal(2 * 512, s.BytesUsed); // one and two slots, each sync point padded to a 512-byte sector
        Assert.Equal(16 * 128, s.CapacityBytes);
        Assert.Equal(10_000, s.OldestAgeMs);
        Assert.Equal(2_000, s.NewestAgeMs);
    }

    [Fact]
    public void Clear_empties_durably_and_sequences_continue()
    {
        var medium = new RamMedium(RegionLength(128, 16));
        var buffer = new EdgeBuffer(medium, Options(), SyncedClock());
        Put(buffer, 0, 30);
        Put(buffer, 1, 30);
        buffer.Clear();
        Assert.Equal(0, buffer.Count);
        // Reopened without closing (a power cut): the sequences the last checkpoint reserved are
        // skipped, never reused; the new record's is above the cleared ones.
        var reopened = new EdgeBuffer(medium, Options(), SyncedClock());
        Assert.Empty(ReadAll(reopened));
        long next = reopened.NextSequence;
        Assert.True(next >= 2, $"sequences continue after the cleared ones, got {next}");
        Put(reopened, 2, 30);
        Assert.Equal(next, ReadAll(reopened).Single().Sequence);
        reopened.Dispose();
        // Closed cleanly: the next mount continues without a gap.
        var again = new EdgeBuffer(medium, Options(), SyncedClock());
        Assert.Equal(next + 1, again.NextSequence);
    }

    [Fact]
    public void Flush_sends_in_batches_and_removes_only_what_was_acknowledged()
    {
        var buffer = new EdgeBuffer(new RamMedium(RegionLength(128, 128)), Options(), SyncedClock()); // 25 records, a sector each
        for (int n = 0; n < 25; n++)
        {
            Put(buffer, n, 20 + n);
        }
        var transport = new CollectingTransport { FailAfterBatches = 2 };
        var result = buffer.Flush(transport, 10);
        Assert.Equal(20, result.Sent);
        Assert.Equal(2, result.Batches);
        Assert.Equal(ErrorType.ServerError, result.Error);
        Assert.Equal(5, result.Failed);
        Assert.Equal(5, buffer.Count);
        transport.FailAfterBatches = null;
        Assert.True(buffer.Flush(transport, 10).Success);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), transport.Received.Select(r => r.Sequence));
        Assert.Equal(Payload(24, 44), transport.Received[24].Payload);
        transport.IsConnected = false;
        Put(buffer, 25, 10);
        Assert.Equal(ErrorType.NetworkError, buffer.Flush(transport).Error);
        Assert.Equal(1, buffer.Count);
    }

    [Fact]
    public void A_region_formatted_with_another_record_size_is_refused_clearly()
    {
        var medium = new RamMedium(RegionLength(256, 16));
        new EdgeBuffer(medium, Options(recordSize: 256), SyncedClock()).Dispose();
        var e = Assert.Throws<InvalidOperationException>(() => new EdgeBuffer(medium, Options(recordSize: 128), SyncedClock()));
        Assert.Contains("RecordSize 256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspector_reads_geometry_and_slots_without_writing()
    {
        var ram = new RamMedium(RegionLength(128, 16));
        var buffer = new EdgeBuffer(ram, Options(), SyncedClock());
        Put(buffer, 0, 30);
        Put(buffer, 1, 150); // two slots
        buffer.AcknowledgeThrough(0);
        byte[] before = (byte[])ram.Image.Clone();
        var inspector = BufferInspector.Open(new FaultInjectingMedium(ram));
        Assert.Equal(128, inspector.RecordSize);
        Assert.Equal(16, inspector.SlotCount);
        Assert.Equal(1, inspector.Checkpoint.TailSequence);
        Assert.Equal(2, inspector.Checkpoint.HeadSequence);
        Assert.Equal(512, inspector.Checkpoint.SectorSize);
        Assert.Equal(4, inspector.AlignmentSlots);
        var header = new SlotHeader();
        // Event 0 filled the sector of slots 0-3 (one slot and three of padding); event 1 starts at slot 4.
        Assert.Equal(4, inspector.IndexOf(inspector.Checkpoint.TailSlot));
        Assert.Equal(SlotKind.Valid, inspector.ReadSlot(4, header));
        Assert.Equal(150, header.TotalLength);
        Assert.True(header.IsFirst);
        Assert.Equal(2, header.PaddingSlots);
        Assert.Equal(SlotKind.Valid, inspector.ReadSlot(5, header));
        Assert.Equal(1, header.PartIndex);
        Assert.Equal(SlotKind.Foreign, inspector.ReadSlot(2, header)); // padding
        Assert.Equal(SlotKind.Foreign, inspector.ReadSlot(9, header)); // never written
        Assert.Equal(before, ram.Image);
        Assert.Throws<InvalidOperationException>(() => BufferInspector.Open(new RamMedium(8192)));
    }
}
