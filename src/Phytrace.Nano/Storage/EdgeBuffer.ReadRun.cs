using System;

namespace Phytrace.Nano.Storage
{
    /// <summary>Dequeue's short way for a record read whole with its run of slots.</summary>
    public sealed partial class EdgeBuffer
    {
        // The sequence of the record TakeFromRun took last.
        private long takenSequence;

        /// <summary>Whether Dequeue may take the short way; tests turn it off to hold the short way to the long one.</summary>
        internal bool ShortWayReads = true;

        // Word 0 of a plaintext region's first slot, as far as the short way compares it: magic,
        // version, and of the flags First set and Sealed clear (the other flag bits are read apart).
        private const int FirstWordMask = 0x0000FFFF | 0x00FF0000 | ((SlotFormat.FlagFirst | SlotFormat.FlagSealed) << 24);
        private const int FirstWordExpected = SlotFormat.Magic0 | (SlotFormat.Magic1 << 8) | (SlotFormat.Version << 16) | (SlotFormat.FlagFirst << 24);

        /// <summary>
        /// Takes the record whose first slot is at <paramref name="first"/> (in the read-ahead run)
        /// into <paramref name="into"/> if every one of its slots lies in the run and all of them are
        /// exactly what Inspect, DequeueLocked and CopyEvent accept there (a valid first slot of this
        /// plaintext region, live, of the synced range, whole, with room for it); returns the slots
        /// it and its padding take, and its sequence in <see cref="takenSequence"/>. Returns 0, having
        /// changed nothing but bytes past <paramref name="into"/>'s used payload, for anything else:
        /// the caller then reads the slot the long way, which says what it is (damage, padding, a
        /// record out of room). The same checks and CRCs as the long way, read as little-endian words
        /// into locals: on the device each decoded field stored, each call and each slot copy cost
        /// more than the checks, and every record sent passes here.
        /// </summary>
        private int TakeFromRun(long first, long minSequence, BufferedEvents into)
        {
            byte[] run = group;
            int at = (int)(first - readAheadStart) * recordSize;
            long word0 = BitConverter.ToInt64(run, at);
            int low = (int)word0;
            if ((low & FirstWordMask) != FirstWordExpected)
            {
                return 0;
            }
            long crcAndRegion = BitConverter.ToInt64(run, at + SlotFormat.OffsetCrc);
            if ((uint)(crcAndRegion >> 32) != regionId)
            {
                return 0;
            }
            // Word 3: total length, part index (0 for a first slot), reserved bytes (not compared, as Decode).
            long totalAndPart = BitConverter.ToInt64(run, at + SlotFormat.OffsetTotalLength);
            int total = (int)totalAndPart;
            if ((((int)(totalAndPart >> 32)) & 0xFFFF) != 0 || total < 0 || total > storedMaxSize)
            {
                return 0;
            }
            int high = (int)(word0 >> 32);
            int chunk = high & 0xFFFF;
            int slots = total <= firstCapacity ? 1 : 1 + ((total - firstCapacity + continuationCapacity - 1) / continuationCapacity);
            bool last = (low & (SlotFormat.FlagLast << 24)) != 0;
            if (chunk != (total < firstCapacity ? total : firstCapacity) || (slots == 1) != last
                || ((SlotFormat.FirstHeaderSize + chunk + 15) & ~15) > recordSize)
            {
                return 0;
            }
            long sequence = BitConverter.ToInt64(run, at + SlotFormat.OffsetSequence);
            long synced = groupEvents > 0 ? groupFirstSequence : nextSequence;
            if (sequence < minSequence || sequence >= synced || first + slots > headSlot || first + slots > readAheadStart + readAheadSlots)
            {
                return 0;
            }
            // BufferedEvents.HasRoomFor, inline.
            byte[] destination = into.payload;
            int to = into.payloadUsed;
            if (into.count >= into.offsets.Length || total > destination.Length - to)
            {
                return 0;
            }
            // The run's copy of a record taken is never read again (the next Dequeue reads the
            // medium): its CRC fields are left zero after matching, and written back only if a later
            // slot is refused and the long way reads the record from the run.
            if (!SlotFormat.CrcMatchesLeavingZero(run, at, SlotFormat.FirstHeaderSize + chunk, (uint)crcAndRegion))
            {
                return 0;
            }
            Array.Copy(run, at + SlotFormat.FirstHeaderSize, destination, to, chunk);
            int done = chunk;
            for (int part = 1; part < slots; part++)
            {
                int expected = total - done < continuationCapacity ? total - done : continuationCapacity;
                int slotAt = at + (part * recordSize);
                long storedCrc = SlotHeader.ContinuationCrc(run, slotAt, regionId, false, sequence, total, part, part == slots - 1, expected);
                if (storedCrc < 0 || !SlotFormat.CrcMatchesLeavingZero(run, slotAt, SlotFormat.ContinuationHeaderSize + expected, (uint)storedCrc))
                {
                    // Slots before this one are whole: a continuation before the last holds a full chunk.
                    SlotFormat.Reseal(run, at, SlotFormat.FirstHeaderSize + chunk);
                    for (int before = 1; before < part; before++)
                    {
                        SlotFormat.Reseal(run, at + (before * recordSize), recordSize);
                    }
                    return 0;
                }
                Array.Copy(run, slotAt + SlotFormat.ContinuationHeaderSize, destination, to + done, expected);
                done += expected;
            }
            long capturedAt = BitConverter.ToInt64(run, at + SlotFormat.OffsetCapturedAt);
            bool synchronized = (low & (SlotFormat.FlagClockUnsynced << 24)) == 0;
            into.AddRead(total, run, at + SlotFormat.OffsetEventId, sequence, capturedAt, synchronized,
                vettedFrom >= 0 && sequence >= vettedFrom && sequence <= vettedThrough);
            takenSequence = sequence;
            // The first slot's padding count: the slots after the record left to its group's last sector.
            return slots + ((high >> 16) & 0xFFFF);
        }
    }
}
