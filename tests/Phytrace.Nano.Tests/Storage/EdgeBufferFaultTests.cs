using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>Bit flips, medium errors and a pulled SD card.</summary>
public class EdgeBufferFaultTests
{
    [Fact]
    public void Bit_flips_in_stored_records_are_detected_skipped_counted_and_never_returned()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            var ram = new RamMedium(RegionLength(128, 48));
            var medium = new FaultInjectingMedium(ram);
            var buffer = new EdgeBuffer(medium, Options(maxEventSize: 300), SyncedClock());
            var lengths = new List<int>();
            for (int n = 0; n < 10; n++)
            {
                int length = random.Next(1, 300);
                lengths.Add(length);
                Assert.True(Put(buffer, n, length));
            }
            buffer.Dispose();
            // Flip one bit inside the used part of a random slot holding data.
            long slots = lengths.Sum(l => SlotFormat.SlotsFor(l, 128));
            long slot = random.Next((int)slots);
            medium.FlipBit(Checkpoint.SlotsOffset + (slot * 128) + random.Next(SlotFormat.ContinuationHeaderSize + 8), random.Next(8));

            var reopened = new EdgeBuffer(ram, Options(maxEventSize: 300), SyncedClock());
            var got = new List<(long Sequence, byte[] Id, byte[] Payload)>();
            for (int round = 0; round < 20 && reopened.Count > 0; round++)
            {
                // Dequeue stops before a damaged record; once it reaches the tail it is skipped and counted.
                var part = ReadAll(reopened);
                got.AddRange(part);
                reopened.AcknowledgeThrough(part.Count == 0 ? -1 : part[^1].Sequence);
            }
            foreach (var (sequence, id, payload) in got)
            {
                Assert.Equal(Id(sequence), id);
                Assert.Equal(Payload(sequence, lengths[(int)sequence]), payload);
            }
            Assert.True(got.Select(g => g.Sequence).SequenceEqual(got.Select(g => g.Sequence).Order()), "in order");
            Assert.True(got.Count >= 9, $"one flip loses at most one record, lost {10 - got.Count}");
            Assert.Equal(0, reopened.Count);
            if (got.Count < 10)
            {
                Assert.True(reopened.GetStats().Corrupt > 0, "the corrupt slot is counted");
            }
        }
    }

    [Fact]
    public void Bit_flip_in_any_checkpoint_place_never_takes_the_buffer_back_in_time()
    {
        // Format 2 fell back to the previous checkpoint and re-delivered acknowledged records; each
        // generation now has two copies, so one damaged place leaves the other.
        var ram = new RamMedium(RegionLength(128, 64));
        var buffer = new EdgeBuffer(ram, Options(checkpointEvery: 4, sectorSize: 128), SyncedClock());
        for (int n = 0; n < 30; n++)
        {
            Put(buffer, n, 40);
        }
        buffer.AcknowledgeThrough(9);
        buffer.Dispose();
        for (int place = 0; place < Checkpoint.Places; place++)
        {
            ram.Image[(place * Checkpoint.Stride) + 40] ^= 0x10; // damage one place at a time, on a copy
            var copy = new RamMedium(ram.Image);
            ram.Image[(place * Checkpoint.Stride) + 40] ^= 0x10;
            var reopened = new EdgeBuffer(copy, Options(checkpointEvery: 4, sectorSize: 128), SyncedClock());
            Assert.Equal(Enumerable.Range(10, 20).Select(i => (long)i), ReadAll(reopened).Select(e => e.Sequence));
            Assert.Equal(1, reopened.GetStats().Corrupt); // the damaged place, counted
        }
    }

    [Fact]
    public void A_pulled_card_makes_enqueue_fail_with_a_reason_and_nothing_accepted_is_lost_when_it_returns()
    {
        var ram = new RamMedium(RegionLength(128, 32));
        var medium = new FaultInjectingMedium(ram);
        var buffer = new EdgeBuffer(medium, Options(syncEvery: 3), SyncedClock());
        Assert.True(Put(buffer, 0, 30));
        Assert.True(Put(buffer, 1, 30)); // waiting in the group
        medium.Vanish();
        Assert.False(Put(buffer, 2, 30)); // its sync point fails
        Assert.Equal(EnqueueFailure.MediumError, buffer.LastEnqueueFailure);
        Assert.Equal(MediumFailure.NotPresent, buffer.LastMediumFailure);
        Assert.Equal(0, buffer.Dequeue(4).Count);
        Assert.True(buffer.GetStats().MediumErrors >= 2);
        medium.Return();
        Assert.True(Put(buffer, 3, 30));
        // Sequence 2 went with the failed write (some of its bytes may have landed): never reused.
        Assert.Equal(new long[] { 0, 1, 3 }, ReadAll(buffer).Select(e => e.Sequence));
        Assert.Equal(Payload(3, 30), ReadAll(buffer)[2].Payload);
        buffer.Dispose();
        Assert.Equal(3, ReadAll(new EdgeBuffer(ram, Options(syncEvery: 3), SyncedClock())).Count);
    }

    [Theory]
    [InlineData(MediumFailure.Full)]
    [InlineData(MediumFailure.ReadOnly)]
    [InlineData(MediumFailure.IoError)]
    public void Write_failures_are_reported_and_recovered_from(MediumFailure failure)
    {
        var ram = new RamMedium(RegionLength(128, 32));
        var medium = new FaultInjectingMedium(ram) { WriteFailure = failure };
        var buffer = new EdgeBuffer(medium, Options(), SyncedClock());
        Assert.True(Put(buffer, 0, 30));
        medium.FailWrites = true;
        Assert.False(Put(buffer, 1, 30));
        Assert.Equal(failure, buffer.LastMediumFailure);
        Assert.Equal(0, buffer.AcknowledgeThrough(-1));
        medium.FailWrites = false;
        Assert.True(Put(buffer, 2, 30));
        medium.FailReads = true;
        Assert.Equal(0, buffer.Dequeue(4).Count); // reads failed: counted, nothing returned
        Assert.Equal(MediumFailure.IoError, buffer.LastMediumFailure);
        medium.FailReads = false;
        medium.FailNextReads(1);
        Assert.Equal(2, buffer.Dequeue(4).Count); // a single failed read is retried
        // Sequence 1 went with the failed write: never reused.
        Assert.Equal(new long[] { 0, 2 }, ReadAll(buffer).Select(e => e.Sequence));
        Assert.Equal(Payload(2, 30), ReadAll(buffer)[1].Payload);
    }

    [Fact]
    public void A_region_whose_checkpoints_are_all_destroyed_mounts_empty_without_throwing()
    {
        var ram = new RamMedium(RegionLength(128, 16));
        var buffer = new EdgeBuffer(ram, Options(), SyncedClock());
        Put(buffer, 0, 30);
        buffer.Dispose();
        for (int place = 0; place < Checkpoint.Places; place++)
        {
            ram.Image[(place * Checkpoint.Stride) + 30] ^= 0xFF;
        }
        var reopened = new EdgeBuffer(ram, Options(), SyncedClock());
        Assert.Empty(ReadAll(reopened));
        Assert.True(reopened.GetStats().Corrupt > 0);
        Assert.True(Put(reopened, 1, 30));
        Assert.Single(ReadAll(new EdgeBuffer(ram, Options(), SyncedClock())));
    }
}
