using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>Shared helpers of the buffer tests: deterministic events, small regions, reopening.</summary>
internal static class BufferKit
{
    public static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    public static ManualWallClock SyncedClock() => new(Now, synchronized: true);

    /// <summary>
    /// Options for a small test region; MaxEventSize defaults to three slots' worth. The sector is
    /// the library's default (512 bytes: each sync point's records fill whole sectors); tests whose
    /// capacity arithmetic counts one slot per record pass <paramref name="sectorSize"/> = the
    /// record size (no padding).
    /// </summary>
    public static EdgeBufferOptions Options(int recordSize = 128, int syncEvery = 1, int checkpointEvery = 8,
        OverflowPolicy overflow = OverflowPolicy.Reject, int? maxEventSize = null, int sectorSize = 512) => new()
    {
        RecordSize = recordSize,
        SyncEvery = syncEvery,
        CheckpointEvery = checkpointEvery,
        Overflow = overflow,
        MaxEventSize = maxEventSize ?? MaxForSlots(recordSize, 3),
        SectorSize = sectorSize,
    };

    /// <summary>Largest event that fits in <paramref name="slots"/> slots.</summary>
    public static int MaxForSlots(int recordSize, int slots) =>
        SlotFormat.FirstCapacity(recordSize) + ((slots - 1) * SlotFormat.ContinuationCapacity(recordSize));

    public static int RegionLength(int recordSize, int slots) => Checkpoint.SlotsOffset + (recordSize * slots);

    public static byte[] Id(long n)
    {
        var id = new byte[16];
        BitConverter.TryWriteBytes(id.AsSpan(0, 8), n);
        id[8] = 0x9A;
        id[15] = (byte)(n * 7);
        return id;
    }

    public static byte[] Payload(long n, int length)
    {
        var p = new byte[length];
        for (int i = 0; i < length; i++)
        {
            p[i] = (byte)((n * 31) + (i * 7) + (i >> 8));
        }
        return p;
    }

    public static long Micros(DateTime t) => Phytrace.Nano.Formats.Iso8601Utc.ToUnixMicros(t);

    /// <summary>Enqueues event n of <paramref name="length"/> bytes captured now on a synced clock.</summary>
    public static bool Put(EdgeBuffer buffer, long n, int length, bool clockSynced = true, DateTime? capturedAt = null) =>
        buffer.Enqueue(Payload(n, length), 0, length, Id(n), 0, Micros(capturedAt ?? Now), clockSynced);

    /// <summary>Every live event, oldest first: (sequence, id, payload).</summary>
    public static List<(long Sequence, byte[] Id, byte[] Payload)> ReadAll(EdgeBuffer buffer)
    {
        int most = (int)Math.Min(buffer.SlotCount, 100_000);
        var events = new BufferedEvents(most, Math.Max(buffer.MaxEventSize, most * buffer.RecordSize));
        buffer.Dequeue(events, most);
        return Items(events);
    }

    public static List<(long Sequence, byte[] Id, byte[] Payload)> Items(BufferedEvents events)
    {
        var list = new List<(long, byte[], byte[])>();
        for (int i = 0; i < events.Count; i++)
        {
            var id = new byte[16];
            events.CopyEventId(i, id, 0);
            list.Add((events.Sequence(i), id, events.Payload.AsSpan(events.PayloadOffset(i), events.PayloadLength(i)).ToArray()));
        }
        return list;
    }
}
