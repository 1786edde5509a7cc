using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Cli;

/// <summary>One intact record found in a buffer image: its header fields and payload bytes.</summary>
public sealed record BufferRecord(long SlotIndex, long Sequence, long CapturedAtUnixMicros, bool ClockSynced, string EventId, bool Removed, byte[] Payload);

/// <summary>
/// Walks a buffer image the way a mount would, without writing: the slots from the newest
/// checkpoint's tail to its head, then any whole records written after that checkpoint. Each
/// slot in that range that fails its checks is listed as corrupt; records with every slot intact
/// are returned (live or removed out of order).
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
        while (cursor < cp.HeadSlot)
        {
            int slots = TryTakeRecord(cursor, cp.TailSequence, header, markCorrupt: true);
            cursor += slots > 0 ? slots : 1;
        }
        // Past the head: only whole records with the next sequence, as the mount's scan takes them.
        long expected = cp.HeadSequence;
        while (cursor - cp.TailSlot < cp.SlotCount)
        {
            if (Inspector.ReadSlot(Inspector.IndexOf(cursor), header) is not (SlotKind.Live or SlotKind.Removed)
                || !header.IsFirst || header.Sequence != expected
                || cursor + SlotFormat.SlotsFor(header.TotalLength, cp.RecordSize) - cp.TailSlot > cp.SlotCount)
            {
                break;
            }
            int slots = TryTakeRecord(cursor, expected, header, markCorrupt: false);
            if (slots == 0)
            {
                break;
            }
            cursor += slots;
            expected++;
            RecoveredPastCheckpoint++;
        }
    }

    /// <summary>Reads the record starting at absolute slot <paramref name="first"/>; returns its slot count, or 0 if it is not an intact record.</summary>
    private int TryTakeRecord(long first, long minSequence, SlotHeader header, bool markCorrupt)
    {
        int recordSize = Checkpoint.RecordSize;
        long index = Inspector.IndexOf(first);
        SlotKind kind = Inspector.ReadSlot(index, header);
        if (kind is not (SlotKind.Live or SlotKind.Removed))
        {
            if (markCorrupt)
            {
                CorruptSlots.Add(index);
            }
            return 0;
        }
        if (!header.IsFirst)
        {
            if (markCorrupt)
            {
                OrphanSlots++;
            }
            return 0;
        }
        if (header.Sequence < minSequence)
        {
            return 0;
        }
        byte[] slot = Inspector.SlotBytes;
        long sequence = header.Sequence;
        long capturedAt = header.CapturedAtUnixMicros;
        bool synced = header.ClockSynced;
        string id = UuidText.ToString(slot, header.EventIdOffset);
        int total = header.TotalLength;
        int slots = SlotFormat.SlotsFor(total, recordSize);
        var payload = new byte[total];
        int done = Math.Min(total, SlotFormat.FirstCapacity(recordSize));
        if (header.ChunkLength != done || header.IsLast != (slots == 1))
        {
            BrokenRecords++;
            return 0;
        }
        Array.Copy(slot, header.ChunkOffset, payload, 0, done);
        for (int part = 1; part < slots; part++)
        {
            long partIndex = Inspector.IndexOf(first + part);
            SlotKind partKind = Inspector.ReadSlot(partIndex, header);
            int expected = Math.Min(total - done, SlotFormat.ContinuationCapacity(recordSize));
            if (partKind is not (SlotKind.Live or SlotKind.Removed) || header.IsFirst || header.Sequence != sequence
                || header.PartIndex != part || header.TotalLength != total || header.ChunkLength != expected || header.IsLast != (part == slots - 1))
            {
                if (markCorrupt && partKind is not (SlotKind.Live or SlotKind.Removed))
                {
                    CorruptSlots.Add(partIndex);
                }
                BrokenRecords++;
                return 0;
            }
            Array.Copy(slot, header.ChunkOffset, payload, done, expected);
            done += expected;
        }
        Records.Add(new BufferRecord(index, sequence, capturedAt, synced, id, kind == SlotKind.Removed, payload));
        return slots;
    }
}
