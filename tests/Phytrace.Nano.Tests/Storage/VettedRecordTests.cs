using System.Text;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// Records enqueued through EnqueueVetted come back marked (the uplink then skips its scan), and
/// nothing else does: not a plain Enqueue, not the vetted records before one, not anything after a
/// mount, not a record damaged on the medium (never returned at all).
/// </summary>
public class VettedRecordTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(0x5A ^ (i * 11))).ToArray();

    private static bool PutVetted(EdgeBuffer buffer, long n, int length) =>
        buffer.EnqueueVetted(Payload(n, length), 0, length, Id(n), 0, Micros(Now), true);

    private static List<bool> Marks(EdgeBuffer buffer)
    {
        var events = new BufferedEvents(64, 64 * buffer.MaxEventSize);
        buffer.Dequeue(events, 64);
        return Enumerable.Range(0, events.Count).Select(events.IsVetted).ToList();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_the_run_of_vetted_records_since_the_last_plain_enqueue_is_marked(bool sealedRegion)
    {
        EdgeBufferOptions options = Options(recordSize: 128, syncEvery: 4);
        options.EncryptionKey = sealedRegion ? Key : null;
        options.Random = new XorShiftRandom(7);
        var medium = new RamMedium(RegionLength(128, 256));
        using (var buffer = new EdgeBuffer(medium, options, SyncedClock()))
        {
            Assert.True(PutVetted(buffer, 0, 100));
            Assert.True(PutVetted(buffer, 1, 250)); // spans slots
            Assert.True(Put(buffer, 2, 80));         // plain: the run before it loses its mark
            Assert.True(PutVetted(buffer, 3, 60));
            Assert.True(PutVetted(buffer, 4, 240));
            Assert.Equal([false, false, false, true, true], Marks(buffer));
        }
        using (var remounted = new EdgeBuffer(medium, options, SyncedClock()))
        {
            // Memory only: after a mount nothing written before it is vetted, ...
            Assert.Equal([false, false, false, false, false], Marks(remounted));
            // ... and what this mount writes vetted is.
            Assert.True(PutVetted(remounted, 5, 120));
            Assert.Equal([false, false, false, false, false, true], Marks(remounted));
        }
    }

    [Fact]
    public void A_vetted_record_damaged_on_the_medium_is_never_returned()
    {
        var medium = new RamMedium(RegionLength(128, 256));
        using var buffer = new EdgeBuffer(medium, Options(recordSize: 128, syncEvery: 1, sectorSize: 128), SyncedClock());
        for (int n = 0; n < 3; n++)
        {
            Assert.True(PutVetted(buffer, n, 150)); // two slots each
        }
        // A bit flips in the second slot of event 1 (its continuation): the CRC no longer holds.
        medium.Image[Checkpoint.SlotsOffset + (3 * 128) + 40] ^= 0x10;

        // Event 1 is never returned: the read stops before the damage while it is mid-range, and
        // the tail steps over it (counted) once event 0 is acknowledged.
        var events = new BufferedEvents(8, 8 * buffer.MaxEventSize);
        Assert.Equal(1, buffer.Dequeue(events, 8));
        Assert.True(events.IsVetted(0));
        buffer.AcknowledgeThrough(events.Sequence(0));
        Assert.Equal(1, buffer.Dequeue(events, 8));
        Assert.Equal(2L, BitConverter.ToInt64(Items(events)[0].Id, 0));
        Assert.Equal(Payload(2, 150), Items(events)[0].Payload);
        Assert.True(events.IsVetted(0));
        Assert.Equal(1, buffer.GetStats().Corrupt);
    }

    [Fact]
    public void The_send_time_check_scans_every_record_but_the_vetted_ones_and_checks_the_shape_of_all()
    {
        var config = new BatchConfig(10, 1000, BatchCompression.None, 0);
        var check = new SendableCheck(new BatchBuilder(config, new XorShiftRandom(1)));
        using var buffer = new EdgeBuffer(new RamMedium(RegionLength(256, 256)), Options(recordSize: 256, syncEvery: 1), SyncedClock());
        // Shaped as one object but no UDM event (the scanner refuses it); and one not even shaped.
        byte[] unscannable = Encoding.UTF8.GetBytes("{\"x\":tru}");
        byte[] unshaped = Encoding.UTF8.GetBytes("{\"x\":true}\n");
        var events = new BufferedEvents(4, 4000);

        Assert.True(buffer.Enqueue(unscannable, 0, unscannable.Length, Id(0), 0, Micros(Now), true));
        buffer.Dequeue(events, 4);
        Assert.Equal(0, check.FirstUnsendable(events, out string? plainReason));
        Assert.Contains("literal", plainReason, StringComparison.Ordinal);
        buffer.AcknowledgeThrough(events.Sequence(0));

        // The same bytes through EnqueueVetted: their producer vouched for them, so no scan.
        Assert.True(buffer.EnqueueVetted(unscannable, 0, unscannable.Length, Id(1), 0, Micros(Now), true));
        buffer.Dequeue(events, 4);
        Assert.Equal(-1, check.FirstUnsendable(events, out _));
        buffer.AcknowledgeThrough(events.Sequence(0));

        // The shape every batch needs is checked even for a vetted record.
        Assert.True(buffer.EnqueueVetted(unshaped, 0, unshaped.Length, Id(2), 0, Micros(Now), true));
        buffer.Dequeue(events, 4);
        Assert.Equal(0, check.FirstUnsendable(events, out string? shapeReason));
        Assert.Contains("from '{' to '}'", shapeReason, StringComparison.Ordinal);
    }
}
