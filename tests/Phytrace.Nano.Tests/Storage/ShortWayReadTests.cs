using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// Dequeue's short way (EdgeBuffer.TakeFromRun: records read whole with their run, checked as
/// words into locals) must read exactly what the long way (Inspect, Decode, CopyEvent) reads:
/// the same events, bytes, ids, capture times, vetted marks and damage counts, with any one byte
/// of the written slots damaged after the mount (so the mount's scan has not seen it), and again
/// after the acknowledgement that follows.
/// </summary>
public sealed class ShortWayReadTests
{
    [Theory]
    [InlineData(256, 4)]
    [InlineData(128, 3)]
    [InlineData(64, 1)]
    public void Short_way_reads_what_the_long_way_reads_with_any_byte_damaged(int recordSize, int syncEvery)
    {
        var options = BufferKit.Options(recordSize, syncEvery);
        int max = options.MaxEventSize;
        int[] lengths = [1, max, SlotFormat.FirstCapacity(recordSize), SlotFormat.FirstCapacity(recordSize) + 1, 17, max - 1, 2, max / 2];
        var medium = new RamMedium(BufferKit.RegionLength(recordSize, 96));
        var writer = new EdgeBuffer(medium, options, BufferKit.SyncedClock());
        for (int n = 0; n < 12; n++)
        {
            Assert.True(BufferKit.Put(writer, n, lengths[n % lengths.Length], clockSynced: n % 3 != 1));
        }
        // Twelve records: a whole number of sync groups for every case, so all of them are on the medium.
        byte[] image = medium.Image;
        // The twelve records take at most 36 slots and their padding: every byte of 48 slots is damaged in turn.
        long written = Checkpoint.SlotsOffset + ((long)recordSize * 48);
        int compared = 0;
        int damaged = 0;
        for (long position = Checkpoint.SlotsOffset; position < written; position++)
        {
            var shortMedium = new RamMedium((byte[])image.Clone());
            var longMedium = new RamMedium((byte[])image.Clone());
            var shortWay = new EdgeBuffer(shortMedium, options, BufferKit.SyncedClock());
            var longWay = new EdgeBuffer(longMedium, options, BufferKit.SyncedClock());
            longWay.ShortWayReads = false;
            int bit = (int)(position % 8);
            shortMedium.Image[position] ^= (byte)(1 << bit);
            longMedium.Image[position] ^= (byte)(1 << bit);
            for (int round = 0; round < 2; round++)
            {
                compared += DequeueBoth(shortWay, longWay, 5, max);
                damaged += shortWay.GetStats().Corrupt > 0 ? 1 : 0;
            }
        }
        // The comparison saw records and damage both (a test that compared nothing would pass too).
        Assert.True(compared > 1000, $"{compared} records compared");
        Assert.True(damaged > 100, $"{damaged} reads counted damage");
    }

    [Theory]
    [InlineData(256, 4)]
    [InlineData(128, 3)]
    public void Short_way_reads_what_the_long_way_reads_with_a_slot_replaced_by_another_whole_one(int recordSize, int syncEvery)
    {
        // A whole slot of another record where a record's slot should be (what a torn group leaves):
        // its CRC is right, its sequence or part is not, and the long way steps over it as stale.
        var options = BufferKit.Options(recordSize, syncEvery);
        int max = options.MaxEventSize;
        var medium = new RamMedium(BufferKit.RegionLength(recordSize, 96));
        var writer = new EdgeBuffer(medium, options, BufferKit.SyncedClock());
        for (int n = 0; n < 12; n++)
        {
            Assert.True(BufferKit.Put(writer, n, n % 2 == 0 ? max : max - 1));
        }
        int compared = 0;
        for (int target = 0; target < 40; target++)
        {
            for (int shift = 1; shift <= 4; shift++)
            {
                var shortMedium = new RamMedium((byte[])medium.Image.Clone());
                var longMedium = new RamMedium((byte[])medium.Image.Clone());
                var shortWay = new EdgeBuffer(shortMedium, options, BufferKit.SyncedClock());
                var longWay = new EdgeBuffer(longMedium, options, BufferKit.SyncedClock());
                longWay.ShortWayReads = false;
                long from = Checkpoint.SlotsOffset + ((long)(target + shift) * recordSize);
                long to = Checkpoint.SlotsOffset + ((long)target * recordSize);
                Array.Copy(medium.Image, from, shortMedium.Image, to, recordSize);
                Array.Copy(medium.Image, from, longMedium.Image, to, recordSize);
                for (int round = 0; round < 3; round++)
                {
                    compared += DequeueBoth(shortWay, longWay, 4, max);
                }
            }
        }
        Assert.True(compared > 500, $"{compared} records compared");
    }

    // One Dequeue of up to `most` records on each way, then acknowledging what came back: the same
    // count, ids, bytes, times, clock flags, vetted marks, offsets, damage counts and acknowledgement.
    private static int DequeueBoth(EdgeBuffer shortWay, EdgeBuffer longWay, int most, int maxEventSize)
    {
        var a = new BufferedEvents(most, most * maxEventSize);
        var b = new BufferedEvents(most, most * maxEventSize);
        int got = shortWay.Dequeue(a, most);
        Assert.Equal(longWay.Dequeue(b, most), got);
        Assert.Equal(BufferKit.Items(b), BufferKit.Items(a), ItemComparer.Instance);
        for (int i = 0; i < got; i++)
        {
            Assert.Equal(b.CapturedAtUnixMicros(i), a.CapturedAtUnixMicros(i));
            Assert.Equal(b.IsClockSynced(i), a.IsClockSynced(i));
            Assert.Equal(b.IsVetted(i), a.IsVetted(i));
            Assert.Equal(b.PayloadOffset(i), a.PayloadOffset(i));
        }
        Assert.Equal(longWay.GetStats().Corrupt, shortWay.GetStats().Corrupt);
        Assert.Equal(longWay.Count, shortWay.Count);
        if (got > 0)
        {
            Assert.Equal(longWay.AcknowledgeThrough(b.Sequence(got - 1)), shortWay.AcknowledgeThrough(a.Sequence(got - 1)));
        }
        return got;
    }

    private sealed class ItemComparer : IEqualityComparer<(long Sequence, byte[] Id, byte[] Payload)>
    {
        public static readonly ItemComparer Instance = new();

        public bool Equals((long Sequence, byte[] Id, byte[] Payload) x, (long Sequence, byte[] Id, byte[] Payload) y) =>
            x.Sequence == y.Sequence && x.Id.AsSpan().SequenceEqual(y.Id) && x.Payload.AsSpan().SequenceEqual(y.Payload);

        public int GetHashCode((long Sequence, byte[] Id, byte[] Payload) obj) => obj.Sequence.GetHashCode();
    }
}
