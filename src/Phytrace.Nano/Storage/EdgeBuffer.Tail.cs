using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>Walking [tail, head): what a slot is, and the tail's upkeep (trim, evict, skip damage).</summary>
    public sealed partial class EdgeBuffer
    {
        /// <summary>
        /// Reads the slot at <paramref name="absoluteSlot"/> into <see cref="slot"/> and
        /// <see cref="header"/>, and tells whether it starts an event of the written range with a
        /// sequence of at least <paramref name="minSequence"/>, is to be stepped over (padding,
        /// stale, orphaned continuation), or is damaged.
        /// </summary>
        private SlotVerdict Inspect(long absoluteSlot, long minSequence)
        {
            // Every record read passes here: a slot read with its run is copied without a call, the
            // header decoded and the synced bound taken inline (each call is a stack frame on the device).
            if (readAheadStart >= 0 && absoluteSlot >= readAheadStart && absoluteSlot < readAheadStart + readAheadSlots)
            {
                Array.Copy(group, (int)(absoluteSlot - readAheadStart) * recordSize, slot, 0, recordSize);
            }
            else if (!ReadSlotOrDamage(absoluteSlot, slot))
            {
                return SlotVerdict.Damaged;
            }
            header.Decode(slot, 0, recordSize, regionId, storedMaxSize, sealer != null);
            if (header.Kind == SlotKind.Corrupt)
            {
                return SlotVerdict.Damaged;
            }
            long synced = groupEvents > 0 ? groupFirstSequence : nextSequence;
            if (header.Kind != SlotKind.Valid || !header.IsFirst || header.Sequence < minSequence || header.Sequence >= synced
                || absoluteSlot + header.Slots > headSlot)
            {
                return SlotVerdict.Skip;
            }
            return SlotVerdict.Record;
        }

        /// <summary>
        /// Moves the tail over padding, stale and damaged slots (counting the damage) and over the
        /// first slots of events that are not whole, until it is at a whole record, decoded in
        /// <see cref="header"/> (true), or at the head (false).
        /// </summary>
        private bool TailAtRecord()
        {
            while (tailSlot < headSlot)
            {
                SlotVerdict verdict = Inspect(tailSlot, tailSequence);
                if (verdict == SlotVerdict.Record && IsWholeEvent(tailSlot, header.Slots))
                {
                    return true;
                }
                if (verdict == SlotVerdict.Damaged)
                {
                    counters.Corrupt++;
                }
                tailSlot++;
            }
            return false;
        }

        /// <summary>
        /// Drops what can never be delivered from the tail: padding, stale and damaged slots, removed
        /// records, and (if asked) expired ones. True if it stopped at a live record it read whole
        /// (decoded in <see cref="header"/>, its first slot in <see cref="slot"/>, every continuation checked).
        /// </summary>
        private bool TrimTail(bool expire)
        {
            bool canExpire = expire && clock.IsSynchronized;
            long now = canExpire ? Iso8601Utc.ToUnixMicros(clock.UtcNow) : 0;
            while (TailAtRecord())
            {
                if (removed.Contains(header.Sequence))
                {
                    AdvanceTailPastHeader();
                    continue;
                }
                if (canExpire && header.ClockSynced && now - header.CapturedAtUnixMicros > maxAgeMicros)
                {
                    counters.Expired++;
                    liveCount--;
                    AdvanceTailPastHeader();
                    continue;
                }
                // Removed records the tail stepped over as damaged are gone too.
                removed.DropBelow(header.Sequence);
                NormalizeEmptyTail();
                return true;
            }
            NormalizeEmptyTail();
            return false;
        }

        private void TryTrimTail(bool expire)
        {
            try
            {
                TrimTail(expire);
            }
            catch (StorageMediumException e)
            {
                NoteMediumError(e);
            }
        }

        /// <summary>Moves the tail past one event (DropOldest); the eviction is made durable at the next sync point.</summary>
        private void EvictTailEvent()
        {
            if (TailAtRecord())
            {
                if (!removed.Contains(header.Sequence))
                {
                    counters.Dropped++;
                    liveCount--;
                    evictedSinceCheckpoint = true;
                }
                AdvanceTailPastHeader();
            }
            NormalizeEmptyTail();
        }

        /// <summary>Moves the tail past the event whose first slot is in <see cref="header"/>, and its padding.</summary>
        private void AdvanceTailPastHeader()
        {
            AdvanceTail(header.Slots + header.PaddingSlots, header.Sequence);
        }

        private void AdvanceTail(int slots, long sequence)
        {
            tailSlot += slots;
            tailSequence = sequence + 1;
            removed.DropBelow(tailSequence);
        }

        private void NormalizeEmptyTail()
        {
            if (liveCount < 0)
            {
                liveCount = 0;
            }
            if (tailSlot >= headSlot)
            {
                tailSlot = headSlot;
                tailSequence = SyncedBound();
                liveCount = 0;
                removed.Clear();
            }
        }
    }
}
