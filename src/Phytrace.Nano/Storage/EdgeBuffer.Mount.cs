using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>Mount: newest valid checkpoint plus a bounded forward scan that resynchronises past damage; or format a blank region.</summary>
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
            int bestCopies;
            int damaged;
            int otherVersion;
            int found = Checkpoint.ReadBest(medium, checkpointBytes, candidate, checkpoint, out bestCopies, out damaged, out otherVersion);
            counters.Corrupt += damaged;
            if (found == 0 && otherVersion != 0)
            {
                // Formatting would throw away records this library cannot read: refuse instead.
                throw new InvalidOperationException("the region holds a buffer of format version " + otherVersion.ToString()
                    + ", this library reads version " + Checkpoint.Version.ToString()
                    + ": drain it with the library version that wrote it, or delete it to start empty (it is never reformatted)");
            }
            if (found == 0)
            {
                Format();
                return;
            }
            if (checkpoint.RecordSize != recordSize || checkpoint.SlotCount != slotCount || checkpoint.SectorSize != sectorSize)
            {
                throw new InvalidOperationException("the region was formatted with RecordSize " + checkpoint.RecordSize.ToString() + ", SectorSize "
                    + checkpoint.SectorSize.ToString() + " and " + checkpoint.SlotCount.ToString() + " slots, but these options and medium give RecordSize "
                    + recordSize.ToString() + ", SectorSize " + sectorSize.ToString() + " and " + slotCount.ToString()
                    + " slots: open it with the same RecordSize, SectorSize and MaxSizeMb, or delete it to start empty");
            }
            CheckSealing(checkpoint.KeyId);
            regionId = checkpoint.RegionId;
            SlotFormat.WriteTemplate(slotTemplate, regionId);
            keySalt = checkpoint.KeySalt;
            if (sealer != null)
            {
                sealer.UseRegion(regionId, keySalt);
            }
            generation = checkpoint.Generation;
            tailSequence = checkpoint.TailSequence;
            tailSlot = checkpoint.TailSlot;
            headSlot = checkpoint.HeadSlot;
            nextSequence = checkpoint.HeadSequence;
            sequenceLimit = checkpoint.SequenceLimit;
            liveCount = checkpoint.LiveCount;
            removed.CopyFrom(checkpoint.Removed);
            newestCapturedAt = checkpoint.NewestCapturedAtUnixMicros;
            newestClockSynced = checkpoint.NewestClockSynced;
            hasNewest = checkpoint.HeadSequence > 0;
            durableTailSlot = tailSlot;
            // The scan reads runs of slots into the still empty group buffer: a few reads, not one per slot.
            readAheadStart = headSlot;
            readAheadSlots = 0;
            try
            {
                // The window of whoever wrote the group that may have been in flight, or ours if larger.
                ScanPastCheckpoint(checkpoint.ScanWindowSlots > scanWindowSlots ? checkpoint.ScanWindowSlots : scanWindowSlots);
            }
            finally
            {
                readAheadStart = -1;
            }
            // Whatever was written after the checkpoint had a sequence below its limit: continue
            // above it, so no sequence is used twice and no stale slot can pass for a new record.
            if (nextSequence < sequenceLimit)
            {
                nextSequence = sequenceLimit;
            }
            // Record the recovery, the new head sequence and a new limit, in two fresh copies.
            TryWriteCheckpoint(false);
        }

        /// <summary>
        /// Refuses a region sealed otherwise than these options say: records are never read under
        /// another key, as plaintext when sealed, or as sealed when plaintext (and never reformatted).
        /// </summary>
        private void CheckSealing(uint regionKeyId)
        {
            uint ours = sealer == null ? 0u : sealer.KeyId;
            if (regionKeyId == ours)
            {
                return;
            }
            if (sealer == null)
            {
                throw new InvalidOperationException("the region's records are encrypted (key id " + KeyIdText.Of(regionKeyId)
                    + ") but no EncryptionKey was given: open it with the key it was written with; it is never read without it, nor reformatted");
            }
            if (regionKeyId == 0)
            {
                throw new InvalidOperationException("the region holds unencrypted records (it was written without an EncryptionKey) but a key was given (key id "
                    + KeyIdText.Of(ours) + "): open it without the key to drain it, or delete it to start an encrypted one; it is never read as if encrypted, nor reformatted");
            }
            throw new InvalidOperationException("wrong EncryptionKey: the region's records are sealed under the key with id " + KeyIdText.Of(regionKeyId)
                + ", the key given has id " + KeyIdText.Of(ours) + "; open it with the key it was written with (nothing is read or changed without it)");
        }

        /// <summary>
        /// Recovers the records written after the checkpoint. From its head slot, a slot belongs
        /// to the log if it starts a whole, valid event whose sequence is above the last one taken
        /// and below the sequence limit. Records of the log follow each other without a gap (a
        /// group's padding is stepped over by the count its last event carries), so the first slot
        /// that is not the next record ends the log, unless damage was met since the last record
        /// taken (and the slot is not a stale one of this region): then the scan resynchronises, stepping over anything else, until a window of
        /// slots past the last event taken holds none (one damaged event, its padding and the
        /// group in flight at a cut); an unreadable sector is damage. At most CheckpointEvery +
        /// SyncEvery events in normal operation, whatever the region's size, read a group buffer's
        /// worth of slots per Read call. Damage past the new head is counted here; damage before
        /// it is counted when the tail reaches it.
        /// </summary>
        private void ScanPastCheckpoint(long window)
        {
            long position = headSlot;
            long lastEnd = headSlot;
            long windowEnd = headSlot + window;
            long end = tailSlot + slotCount;
            long minSequence = nextSequence;
            long damagedPastHead = 0;
            bool damagedSinceLast = false;
            while (position < windowEnd && position < end)
            {
                if (!ReadSlotOrDamage(position, slot))
                {
                    header.Kind = SlotKind.Corrupt; // an unreadable sector: the one being written when power went
                }
                else
                {
                    DecodeSlot();
                }
                if (header.Kind == SlotKind.Corrupt)
                {
                    damagedPastHead += position >= RingGeometry.AlignUp(lastEnd, alignSlots) ? 1 : 0;
                    damagedSinceLast = true;
                    position++;
                    continue;
                }
                // A valid slot of this region below the log's next sequence is stale: nothing was
                // written there since the checkpoint. Whatever lies past it came in the same unflushed
                // write (an SD card landing its sectors out of order), never synced; taking it would
                // leave the stale slot inside [tail, head), where a walk would read it as a record.
                bool stale = header.Kind == SlotKind.Valid && header.Sequence < minSequence;
                if (stale || header.Kind != SlotKind.Valid || !header.IsFirst || header.Sequence >= sequenceLimit)
                {
                    if (!damagedSinceLast || stale)
                    {
                        break; // not the next record, and nothing damaged before it (or a stale slot): the log ends here
                    }
                    position++; // padding, another region's slot, a stale slot or an orphaned continuation
                    continue;
                }
                int slots = header.Slots;
                int padding = header.PaddingSlots;
                long sequence = header.Sequence;
                long capturedAt = header.CapturedAtUnixMicros;
                bool synced = header.ClockSynced;
                bool whole = position + slots + padding <= end && CopyEvent(position, slots, null, -1);
                if (!whole)
                {
                    // Not whole: a later slot damaged (counted when the scan or the tail meets it), or
                    // a torn event of the group in flight. Look on from its next slot.
                    damagedSinceLast = true;
                    position++;
                    continue;
                }
                position += slots + padding;
                lastEnd = position;
                windowEnd = position + window;
                minSequence = sequence + 1;
                liveCount++;
                newestCapturedAt = capturedAt;
                newestClockSynced = synced;
                hasNewest = true;
                // Damage before this event is inside the range now: counted when the tail passes it.
                damagedPastHead = 0;
                damagedSinceLast = false;
            }
            headSlot = RingGeometry.AlignUp(lastEnd, alignSlots);
            nextSequence = minSequence;
            counters.Corrupt += damagedPastHead;
        }

        /// <summary>True if any checkpoint place can be read: a failed read elsewhere is a bad sector, not a missing medium.</summary>
        private bool MediumAlive()
        {
            for (int place = 0; place < Checkpoint.Places; place++)
            {
                try
                {
                    medium.Read((long)place * Checkpoint.Stride, checkpointBytes, 0, 16);
                    return true;
                }
                catch (StorageMediumException)
                {
                    // try the next place
                }
            }
            return false;
        }

        private void Format()
        {
            FormatWith(NewRegionId());
        }

        /// <summary>
        /// Formats a region whose bytes are left from before: every checkpoint place is cleared first
        /// (a stale checkpoint of a higher generation would win the next mount), whole sectors as
        /// always, and the new region id differs from the ids found there, so no stale slot passes
        /// for one of this region.
        /// </summary>
        private void FormatFresh()
        {
            uint id = NewRegionId();
            Array.Clear(checkpointBytes, 0, checkpointBytes.Length);
            for (int place = 0; place < Checkpoint.Places; place++)
            {
                medium.Write((long)place * Checkpoint.Stride, checkpointBytes, 0, checkpointBytes.Length);
            }
            FormatWith(id);
        }

        private void FormatWith(uint id)
        {
            regionId = id;
            SlotFormat.WriteTemplate(slotTemplate, regionId);
            keySalt = 0;
            if (sealer != null)
            {
                // A fresh salt: with the region id, the context of the region's record key. Random,
                // so regions sealed under one key (other devices', this one's after a reformat) never share it.
                saltSource!.NextBytes(checkpointBytes, 0, 8);
                keySalt = LittleEndian.ReadInt64(checkpointBytes, 0);
                sealer.UseRegion(regionId, keySalt);
            }
            generation = 0;
            tailSequence = 0;
            tailSlot = 0;
            headSlot = 0;
            nextSequence = 0;
            sequenceLimit = 0;
            liveCount = 0;
            removed.Clear();
            hasNewest = false;
            WriteCheckpoint(false);
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
                for (int place = 0; place < Checkpoint.Places && !clash; place++)
                {
                    clash = ReadsAs(id, (long)place * Checkpoint.Stride + 8);
                }
                if (!clash)
                {
                    clash = ReadsAs(id, Checkpoint.SlotsOffset + SlotFormat.OffsetRegionId);
                }
                if (!clash)
                {
                    return id;
                }
                id = (id * 2654435761u) + 1;
            }
        }

        /// <summary>True if the four bytes at <paramref name="position"/> hold <paramref name="id"/>; an unreadable sector holds nothing.</summary>
        private bool ReadsAs(uint id, long position)
        {
            try
            {
                medium.Read(position, checkpointBytes, 0, 4);
            }
            catch (StorageMediumException)
            {
                return false;
            }
            return LittleEndian.ReadUInt32(checkpointBytes, 0) == id;
        }
    }
}
