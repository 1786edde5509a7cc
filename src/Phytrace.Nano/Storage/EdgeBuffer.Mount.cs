using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>Mount: newest valid checkpoint plus a bounded forward scan; or format a blank region.</summary>
    public sealed partial class EdgeBuffer
    {
        private void Mount()
        {
            // A region its medium has just created holds whatever the storage had there before (FatFs
            // does not clear the clusters it gives a grown file): format it instead of trusting it.
            var fresh = medium as IFreshRegion;
            if (fresh != null && fresh.IsFresh)
            {
                FormatFresh();
                fresh.Formatted();
                return;
            }
            int damaged;
            int otherVersion;
            int found = Checkpoint.ReadBest(medium, checkpointBytes, candidate, checkpoint, out damaged, out otherVersion);
            counters.Corrupt += damaged;
            if (found == 0 && otherVersion != 0)
            {
                // Formatting would throw away records this library cannot read: refuse instead.
                throw new InvalidOperationException("the region holds a buffer of format version " + otherVersion.ToString()
                    + ", this library reads version " + Checkpoint.Version.ToString()
                    + ": drain it with the library version that wrote it, or delete it to start empty");
            }
            if (found == 0)
            {
                Format();
                return;
            }
            if (checkpoint.RecordSize != recordSize || checkpoint.SlotCount != slotCount)
            {
                throw new InvalidOperationException("the region was formatted with RecordSize " + checkpoint.RecordSize.ToString() + " and "
                    + checkpoint.SlotCount.ToString() + " slots, but these options and medium give RecordSize " + recordSize.ToString()
                    + " and " + slotCount.ToString() + " slots: open it with the same RecordSize and MaxSizeMb, or delete it to start empty");
            }
            regionId = checkpoint.RegionId;
            generation = checkpoint.Generation;
            tailSequence = checkpoint.TailSequence;
            tailSlot = checkpoint.TailSlot;
            headSequence = checkpoint.HeadSequence;
            headSlot = checkpoint.HeadSlot;
            removedInRange = checkpoint.RemovedInRange;
            newestCapturedAt = checkpoint.NewestCapturedAtUnixMicros;
            newestClockSynced = checkpoint.NewestClockSynced;
            hasNewest = headSequence > 0;
            durableTailSlot = tailSlot;
            int recovered;
            // The scan reads runs of slots into the still empty group buffer: a few reads, not one per slot.
            readAheadStart = headSlot;
            readAheadSlots = 0;
            try
            {
                recovered = ScanPastCheckpoint();
            }
            finally
            {
                readAheadStart = -1;
            }
            sinceCheckpoint = recovered;
            checkpointDirty = recovered > 0;
        }

        /// <summary>
        /// Recovers the records written after the checkpoint: whole events with the next sequence,
        /// slot after slot, until the first that is not. At most CheckpointEvery + SyncEvery events
        /// in normal operation (more only if checkpoint writes failed), whatever the region's size,
        /// read a group buffer's worth of slots per Read call.
        /// </summary>
        private int ScanPastCheckpoint()
        {
            int recovered = 0;
            while (headSlot - tailSlot < slotCount)
            {
                ReadSlot(headSlot);
                header.Decode(slot, 0, recordSize, regionId, maxEventSize);
                if ((header.Kind != SlotKind.Live && header.Kind != SlotKind.Removed) || !header.IsFirst || header.Sequence != headSequence)
                {
                    break;
                }
                int slots = SlotFormat.SlotsFor(header.TotalLength, recordSize);
                if (headSlot + slots - tailSlot > slotCount)
                {
                    break;
                }
                bool removed = header.Kind == SlotKind.Removed;
                long capturedAt = header.CapturedAtUnixMicros;
                bool synced = header.ClockSynced;
                if (!CopyEvent(headSlot, slots, null))
                {
                    break; // the record being written when power went: absent
                }
                headSlot += slots;
                headSequence++;
                if (removed)
                {
                    removedInRange++;
                }
                newestCapturedAt = capturedAt;
                newestClockSynced = synced;
                hasNewest = true;
                recovered++;
            }
            return recovered;
        }

        private void Format()
        {
            FormatWith(NewRegionId());
        }

        /// <summary>
        /// Formats a region whose bytes are left from before: any checkpoint in it is cleared first
        /// (a stale one of a higher generation would win the next mount), and the new region id
        /// differs from the ids found there, so no stale slot passes for one of this region.
        /// </summary>
        private void FormatFresh()
        {
            uint id = NewRegionId();
            Array.Clear(checkpointBytes, 0, Checkpoint.Size);
            for (int place = 0; place < Checkpoint.Copies; place++)
            {
                medium.Write((long)place * Checkpoint.Stride, checkpointBytes, 0, Checkpoint.Size);
            }
            FormatWith(id);
        }

        private void FormatWith(uint id)
        {
            regionId = id;
            generation = 0;
            tailSequence = 0;
            tailSlot = 0;
            headSequence = 0;
            headSlot = 0;
            removedInRange = 0;
            hasNewest = false;
            WriteCheckpoint();
        }

        /// <summary>
        /// A region id unlike those left on the medium by an earlier format (in damaged checkpoint
        /// places and slot 0), so stale slots are never taken for this region's records.
        /// </summary>
        private uint NewRegionId()
        {
            long ticks = clock.UtcNow.Ticks;
            uint id = (uint)ticks ^ (uint)(ticks >> 32) ^ (uint)medium.Length ^ 0x9E3779B9u;
            while (true)
            {
                bool clash = id == 0;
                for (int place = 0; place < Checkpoint.Copies && !clash; place++)
                {
                    medium.Read((long)place * Checkpoint.Stride, checkpointBytes, 0, Checkpoint.Size);
                    clash = LittleEndian.ReadUInt32(checkpointBytes, 8) == id;
                }
                if (!clash)
                {
                    ReadSlot(0);
                    clash = LittleEndian.ReadUInt32(slot, SlotFormat.OffsetRegionId) == id;
                }
                if (!clash)
                {
                    return id;
                }
                id = (id * 2654435761u) + 1;
            }
        }
    }
}
