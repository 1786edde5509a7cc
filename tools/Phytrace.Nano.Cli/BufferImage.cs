using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Cli;

/// <summary>One intact record found in a buffer image: its header fields and payload bytes.</summary>
public sealed record BufferRecord(long SlotIndex, long Sequence, long CapturedAtUnixMicros, bool ClockSynced, string EventId, bool Removed, byte[] Payload);

/// <summary>
/// Walks a buffer image the way a mount would, without writing: the slots from the newest
/// checkpoint's tail to its head, then the whole records written after that checkpoint (sequences
/// rising from its head sequence, below its sequence limit, resynchronising past damage). Each
/// slot in the checkpoint's range that fails its checks is listed as corrupt; records with every
/// slot intact are returned (live, or removed out of order per the checkpoint).
/// </summary>
public sealed class BufferImage
{
    private BufferImage(BufferInspector inspector)
    {
        Inspector = inspector;
    }

    public BufferInspector Inspector { get; }

    public Checkpoint Checkpoint => Inspector.Checkpoint;

    public List<BufferRecord> Records { get; } = new();

    /// <summary>Slot indexes (0 .. SlotCount-1) in the live range that fail their checks, ascending.</summary>
    public SortedSet<long> CorruptSlots { get; } = new();

    /// <summary>Valid continuation slots whose record lost its first slot (not exportable).</summary>
    public int OrphanSlots { get; private set; }

    /// <summary>Records whose first slot is intact but a later slot is not.</summary>
    public int BrokenRecords { get; private set; }

    /// <summary>Whole records found after the checkpoint's head (a mount recovers them).</summary>
    public int RecoveredPastCheckpoint { get; private set; }

    public IEnumerable<BufferRecord> LiveRecords => Records.Where(r => !r.Removed);

    public static BufferImage Read(IStorageMedium medium)
    {
        var image = new BufferImage(BufferInspector.Open(medium));
        image.Walk();
        return image;
    }

    private void Walk()
    {
        Checkpoint cp = Checkpoint;
        var header = new SlotHeader();
        long cursor = cp.TailSlot;
        long expected = cp.TailSequence;
        while (cursor < cp.HeadSlot)
        {
            SlotKind kind = Inspector.ReadSlot(Inspector.IndexOf(cursor), header);
            if (kind == SlotKind.Corrupt)
            {
                CorruptSlots.Add(Inspector.IndexOf(cursor));
                cursor++;
                continue;
            }
            if (kind == SlotKind.Valid && !header.IsFirst && header.Sequence >= expected)
            {
                OrphanSlots++;
            }
            if (kind != SlotKind.Valid || !header.IsFirst || header.Sequence < expected || header.Sequence >= cp.HeadSequence)
            {
                cursor++; // padding, stale or orphaned
                continue;
            }
            long sequence = header.Sequence;
            int extent = TryTakeRecord(cursor, header, markCorrupt: true);
            cursor += extent > 0 ? extent : 1;
            expected = extent > 0 ? sequence + 1 : expected;
        }
        // Past the head: what the mount's scan takes (FORMAT.md, Mount): records follow each other
        // without a gap; after damage, the scan looks through the writer's window for the next.
        cursor = cp.HeadSlot;
        long next = cp.HeadSequence;
        long windowEnd = cursor + cp.ScanWindowSlots;
        long end = cp.TailSlot + cp.SlotCount;
        bool damaged = false;
        while (cursor < end && cursor < windowEnd)
        {
            SlotKind kind = Inspector.ReadSlot(Inspector.IndexOf(cursor), header);
            if (kind == SlotKind.Corrupt)
            {
                damaged = true;
                cursor++;
                continue;
            }
            if (kind != SlotKind.Valid || !header.IsFirst || header.Sequence < next || header.Sequence >= cp.SequenceLimit)
            {
                if (!damaged)
                {
                    break;
                }
                cursor++;
                continue;
            }
            long sequence = header.Sequence;
            int slots = SlotFormat.SlotsFor(header.TotalLength, cp.RecordSize);
            int extent = cursor + slots + header.PaddingSlots <= end ? TryTakeRecord(cursor, header, markCorrupt: false) : 0;
            if (extent == 0)
            {
                damaged = true;
                cursor += slots;
                continue;
            }
            cursor += extent;
            windowEnd = cursor + cp.ScanWindowSlots;
            next = sequence + 1;
            damaged = false;
            RecoveredPastCheckpoint++;
        }
    }

    /// <summary>Reads the record whose valid first slot is at absolute slot <paramref name="first"/>; returns its slots and padding, or 0 if a later slot is not intact.</summary>
    private int TryTakeRecord(long first, SlotHeader header, bool markCorrupt)
    {
        int recordSize = Checkpoint.RecordSize;
        long index = Inspector.IndexOf(first);
        byte[] slot = Inspector.SlotBytes;
        long sequence = header.Sequence;
        long capturedAt = header.CapturedAtUnixMicros;
        bool synced = header.ClockSynced;
        int padding = header.PaddingSlots;
        string id = UuidText.ToString(slot, header.EventIdOffset);
        int total = header.TotalLength;
        int slots = SlotFormat.SlotsFor(total, recordSize);
        var payload = new byte[total];
        int done = Math.Min(total, SlotFormat.FirstCapacity(recordSize));
        if (header.ChunkLength != done || header.IsLast != (slots == 1))
        {
            BrokenRecords += markCorrupt ? 1 : 0;
            return 0;
        }
        Array.Copy(slot, header.ChunkOffset, payload, 0, done);
        for (int part = 1; part < slots; part++)
        {
            long partIndex = Inspector.IndexOf(first + part);
            SlotKind partKind = Inspector.ReadSlot(partIndex, header);
            int expected = Math.Min(total - done, SlotFormat.ContinuationCapacity(recordSize));
            if (partKind != SlotKind.Valid || header.IsFirst || header.Sequence != sequence
                || header.PartIndex != part || header.TotalLength != total || header.ChunkLength != expected || header.IsLast != (part == slots - 1))
            {
                BrokenRecords += markCorrupt ? 1 : 0;
                return 0;
            }
            Array.Copy(slot, header.ChunkOffset, payload, done, expected);
            done += expected;
        }
        Records.Add(new BufferRecord(index, sequence, capturedAt, synced, id, Checkpoint.Removed.Contains(sequence), payload));
        return slots + padding;
    }
}
