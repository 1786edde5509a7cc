using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>The producer side: Enqueue, group commit, checkpoints, making room.</summary>
    public sealed partial class EdgeBuffer
    {
        /// <summary>
        /// Adds an event: its encoded bytes payload[offset .. offset+count), its 16-byte id at
        /// eventId[eventIdOffset], its capture time and whether the clock was synchronised then.
        /// Returns false, with <see cref="LastEnqueueFailure"/> saying why, if the region is full
        /// (Reject policy), the medium failed, or the event is already older than max_age_hours
        /// (<see cref="EnqueueFailure.Expired"/>, when both its capture time and the wall clock are
        /// synchronised); nothing is lost of what was accepted before.
        /// Allocates nothing. An event above MaxEventSize throws ArgumentException, nothing written.
        /// </summary>
        public bool Enqueue(byte[] payload, int offset, int count, byte[] eventId, int eventIdOffset, long capturedAtUnixMicros, bool clockSynced)
        {
            if (payload == null || eventId == null)
            {
                throw new ArgumentNullException(payload == null ? nameof(payload) : nameof(eventId));
            }
            if (count > maxEventSize)
            {
                throw new ArgumentException("event of " + count.ToString() + " bytes exceeds MaxEventSize of " + maxEventSize.ToString() + " bytes; nothing was written", nameof(count));
            }
            if (offset < 0 || count < 0 || offset + count > payload.Length || eventIdOffset < 0 || eventIdOffset + UuidText.ByteLength > eventId.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "payload range or event id offset outside its array");
            }
            lock (gate)
            {
                if (disposed)
                {
                    lastEnqueueFailure = EnqueueFailure.Closed;
                    return false;
                }
                if (clockSynced && clock.IsSynchronized && Iso8601Utc.ToUnixMicros(clock.UtcNow) - capturedAtUnixMicros > maxAgeMicros)
                {
                    return Refuse(EnqueueFailure.Expired);
                }
                int need = SlotFormat.SlotsFor(count, recordSize);
                if (groupSlots + need > groupCapacitySlots && !SyncLocked())
                {
                    return Refuse(EnqueueFailure.MediumError);
                }
                EnqueueFailure room = MakeRoom(need);
                if (room != EnqueueFailure.None)
                {
                    return Refuse(room);
                }
                int savedLastUsed = groupLastSlotUsed;
                AppendToGroup(payload, offset, count, eventId, eventIdOffset, capturedAtUnixMicros, clockSynced, need);
                if (groupEvents >= syncEvery && !SyncLocked())
                {
                    // The new event did not reach the medium: take it back out; earlier ones wait for the next sync.
                    groupEvents--;
                    groupSlots -= need;
                    groupLastSlotUsed = savedLastUsed;
                    return Refuse(EnqueueFailure.MediumError);
                }
                counters.Enqueued++;
                if (!clockSynced || !hasNewest || capturedAtUnixMicros >= newestCapturedAt)
                {
                    newestCapturedAt = capturedAtUnixMicros;
                    newestClockSynced = clockSynced;
                    hasNewest = true;
                }
                lastEnqueueFailure = EnqueueFailure.None;
                return true;
            }
        }

        /// <summary>Enqueue with the capture time taken now from the wall clock (marked unsynced if it is).</summary>
        public bool Enqueue(byte[] payload, int offset, int count, byte[] eventId, int eventIdOffset)
        {
            return Enqueue(payload, offset, count, eventId, eventIdOffset, Iso8601Utc.ToUnixMicros(clock.UtcNow), clock.IsSynchronized);
        }

        private bool Refuse(EnqueueFailure why)
        {
            lastEnqueueFailure = why;
            if (why == EnqueueFailure.Full)
            {
                counters.Rejected++;
            }
            else if (why == EnqueueFailure.Expired)
            {
                counters.RefusedExpired++;
            }
            return false;
        }

        private void AppendToGroup(byte[] payload, int offset, int count, byte[] eventId, int eventIdOffset, long capturedAt, bool clockSynced, int slots)
        {
            long sequence = headSequence + groupEvents;
            int done = 0;
            for (int part = 0; part < slots; part++)
            {
                int capacity = recordSize - SlotFormat.HeaderSize(part);
                int chunk = count - done < capacity ? count - done : capacity;
                int at = (groupSlots + part) * recordSize;
                int used = SlotFormat.Encode(group, at, regionId, sequence, count, part, part == slots - 1,
                    capturedAt, clockSynced, eventId, eventIdOffset, payload, offset + done, chunk);
                // Zero the slot's tail past the CRC's padding so the image is deterministic.
                int covered = SlotFormat.CoveredLength(used);
                if (covered < recordSize)
                {
                    Array.Clear(group, at + covered, recordSize - covered);
                }
                groupLastSlotUsed = used;
                done += chunk;
            }
            groupEvents++;
            groupSlots += slots;
        }

        /// <summary>Frees <paramref name="need"/> slots: expires old records, then evicts (DropOldest) or refuses.</summary>
        private EnqueueFailure MakeRoom(int need)
        {
            if (FreeSlots() >= need)
            {
                return EnqueueFailure.None;
            }
            try
            {
                TrimTail(true);
                while (FreeSlots() < need)
                {
                    if (overflow == OverflowPolicy.Reject)
                    {
                        return EnqueueFailure.Full;
                    }
                    if (tailSlot < headSlot)
                    {
                        EvictTailEvent();
                    }
                    else if (!SyncLocked())
                    {
                        return EnqueueFailure.MediumError;
                    }
                }
            }
            catch (StorageMediumException e)
            {
                NoteMediumError(e);
                return EnqueueFailure.MediumError;
            }
            return EnqueueFailure.None;
        }

        private long FreeSlots()
        {
            return slotCount - (headSlot + groupSlots - tailSlot);
        }

        /// <summary>
        /// Writes the waiting group with one Write call (two when it wraps past the ring's end) and
        /// one Flush, then a checkpoint if one is due. False if the group could not be written.
        /// </summary>
        private bool SyncLocked()
        {
            if (groupEvents == 0)
            {
                return true;
            }
            long end = headSlot + groupSlots;
            try
            {
                if (end > durableTailSlot + slotCount)
                {
                    // The group overwrites slots the last checkpoint still counts as live
                    // (expired, acknowledged or evicted since): record the new tail first.
                    WriteCheckpoint();
                }
                int index = (int)(headSlot % slotCount);
                int firstRun = slotCount - index < groupSlots ? (int)(slotCount - index) : groupSlots;
                int lastBytes = SlotFormat.CoveredLength(groupLastSlotUsed);
                if (firstRun == groupSlots)
                {
                    medium.Write(SlotPosition(headSlot), group, 0, ((groupSlots - 1) * recordSize) + lastBytes);
                }
                else
                {
                    medium.Write(SlotPosition(headSlot), group, 0, firstRun * recordSize);
                    medium.Write(SlotPosition(headSlot + firstRun), group, firstRun * recordSize, ((groupSlots - firstRun - 1) * recordSize) + lastBytes);
                }
                medium.Flush();
            }
            catch (StorageMediumException e)
            {
                NoteMediumError(e);
                return false;
            }
            headSlot = end;
            headSequence += groupEvents;
            sinceCheckpoint += groupEvents;
            groupEvents = 0;
            groupSlots = 0;
            if (sinceCheckpoint >= checkpointEvery)
            {
                // The records are durable already; a failed checkpoint is retried at the next sync.
                TryWriteCheckpoint();
            }
            return true;
        }

        /// <summary>Writes the state of [tail, head) to the next checkpoint place and flushes. Throws on medium errors.</summary>
        private void WriteCheckpoint()
        {
            generation++;
            checkpoint.RegionId = regionId;
            checkpoint.RecordSize = recordSize;
            checkpoint.SlotCount = slotCount;
            checkpoint.Generation = generation;
            checkpoint.TailSequence = tailSequence;
            checkpoint.TailSlot = tailSlot;
            checkpoint.HeadSequence = headSequence;
            checkpoint.HeadSlot = headSlot;
            checkpoint.RemovedInRange = removedInRange;
            checkpoint.NewestCapturedAtUnixMicros = newestCapturedAt;
            checkpoint.NewestClockSynced = newestClockSynced;
            checkpoint.Encode(checkpointBytes);
            medium.Write(Checkpoint.PlaceOf(generation), checkpointBytes, 0, Checkpoint.Size);
            medium.Flush();
            durableTailSlot = tailSlot;
            sinceCheckpoint = 0;
            checkpointDirty = false;
        }

        private bool TryWriteCheckpoint()
        {
            try
            {
                WriteCheckpoint();
                return true;
            }
            catch (StorageMediumException e)
            {
                NoteMediumError(e);
                return false;
            }
        }
    }
}
