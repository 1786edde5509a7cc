using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>The producer side: Enqueue, group commit in whole sectors, checkpoints, making room.</summary>
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
            return EnqueueRecord(payload, offset, count, eventId, eventIdOffset, capturedAtUnixMicros, clockSynced, false);
        }

        /// <summary>
        /// As <see cref="Enqueue(byte[], int, int, byte[], int, long, bool)"/>, for an event its
        /// producer has already held to the uplink's send-time rules: written by the node's own
        /// encoder, or passed by the passthrough scanner (PhytraceNode.Emit and EmitJson). Until the
        /// next mount, Dequeue marks it <see cref="BufferedEvents.IsVetted"/> when it reads it back
        /// whole (every slot's CRC, or the seal, checked), so the uplink need not scan it again.
        /// Only the run of vetted events since the last other Enqueue keeps the mark (see FORMAT.md,
        /// "Vetted records"); the mark lives in memory, never on the medium.
        /// </summary>
        public bool EnqueueVetted(byte[] payload, int offset, int count, byte[] eventId, int eventIdOffset, long capturedAtUnixMicros, bool clockSynced)
        {
            return EnqueueRecord(payload, offset, count, eventId, eventIdOffset, capturedAtUnixMicros, clockSynced, true);
        }

        private bool EnqueueRecord(byte[] payload, int offset, int count, byte[] eventId, int eventIdOffset, long capturedAtUnixMicros, bool clockSynced, bool vetted)
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
                // SlotFormat.SlotsFor and MakeRoom's common case (Fits, RingGeometry.AlignUp) inline:
                // every event passes here, and on the device they were five calls.
                int stored = sealer == null ? count : count + RecordSealer.TagSize;
                int need = stored <= firstCapacity ? 1 : 1 + ((stored - firstCapacity + continuationCapacity - 1) / continuationCapacity);
                if (groupSlots + need > groupCapacitySlots && !SyncLocked())
                {
                    return Refuse(EnqueueFailure.MediumError);
                }
                if (headSlot + ((groupSlots + need + alignSlots - 1) / alignSlots * alignSlots) - tailSlot > slotCount)
                {
                    EnqueueFailure room = MakeRoom(need);
                    if (room != EnqueueFailure.None)
                    {
                        return Refuse(room);
                    }
                }
                int savedLastEvent = groupLastEventSlot;
                if (sealer == null)
                {
                    // The plaintext record into the group, inline (a call of nine arguments on the device).
                    long sequence = nextSequence;
                    if (groupEvents == 0)
                    {
                        groupFirstSequence = sequence;
                    }
                    SlotFormat.EncodeEvent(group, groupSlots * recordSize, recordSize, slotTemplate, sequence, count, need, capturedAtUnixMicros, clockSynced,
                        eventId, eventIdOffset, payload, offset);
                    groupLastEventSlot = groupSlots;
                    groupEvents++;
                    groupSlots += need;
                    nextSequence = sequence + 1;
                }
                else
                {
                    AppendSealedToGroup(payload, offset, count, eventId, eventIdOffset, capturedAtUnixMicros, clockSynced, need);
                }
                if (groupEvents >= syncEvery && !SyncLocked())
                {
                    // The new event did not reach the medium: take it back out (its sequence stays
                    // used: some of its bytes may have landed); earlier ones wait for the next sync.
                    groupEvents--;
                    groupSlots -= need;
                    groupLastEventSlot = savedLastEvent;
                    return Refuse(EnqueueFailure.MediumError);
                }
                counters.Enqueued++;
                // The record was accepted: a vetted one extends the vetted run or starts a new one
                // (EdgeBuffer.Vetting.cs); another leaves the run, which the next vetted record no longer follows.
                if (vetted)
                {
                    long accepted = nextSequence - 1;
                    if (vettedFrom < 0 || accepted != vettedThrough + 1)
                    {
                        vettedFrom = accepted;
                    }
                    vettedThrough = accepted;
                }
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

        private void AppendSealedToGroup(byte[] payload, int offset, int count, byte[] eventId, int eventIdOffset, long capturedAt, bool clockSynced, int slots)
        {
            RecordSealer seal = sealer!;
            long sequence = nextSequence;
            if (groupEvents == 0)
            {
                groupFirstSequence = sequence;
            }
            int stored = count + RecordSealer.TagSize;
            seal.BeginSeal(sequence, capturedAt, eventId, eventIdOffset, clockSynced);
            int done = 0;
            for (int part = 0; part < slots; part++)
            {
                int capacity = recordSize - SlotFormat.HeaderSize(part);
                int chunk = stored - done < capacity ? stored - done : capacity;
                int at = (groupSlots + part) * recordSize;
                int header = SlotFormat.EncodeHeader(group, at, regionId, sequence, stored, part, part == slots - 1,
                    capturedAt, clockSynced, true, eventId, eventIdOffset, chunk);
                int text = count - done < chunk ? (count - done > 0 ? count - done : 0) : chunk;
                if (text > 0)
                {
                    Array.Copy(payload, offset + done, group, at + header, text);
                    seal.SealPart(group, at + header, text);
                }
                done += chunk;
            }
            seal.EndSeal();
            // The tag goes after the ciphertext: the last 16 stored bytes, in the last slot or two.
            int tagStart = count;
            done = 0;
            for (int part = 0; part < slots; part++)
            {
                int capacity = recordSize - SlotFormat.HeaderSize(part);
                int chunk = stored - done < capacity ? stored - done : capacity;
                int at = (groupSlots + part) * recordSize;
                int header = SlotFormat.HeaderSize(part);
                int from = tagStart > done ? tagStart : done;
                if (from < done + chunk)
                {
                    Array.Copy(seal.Tag, from - tagStart, group, at + header + (from - done), done + chunk - from);
                }
                int used = SlotFormat.Finish(group, at, header + chunk);
                int covered = SlotFormat.CoveredLength(used);
                if (covered < recordSize)
                {
                    Array.Clear(group, at + covered, recordSize - covered);
                }
                done += chunk;
            }
            groupLastEventSlot = groupSlots;
            groupEvents++;
            groupSlots += slots;
            nextSequence++;
        }

        /// <summary>Frees <paramref name="need"/> slots: expires old records, then evicts (DropOldest) or refuses.</summary>
        private EnqueueFailure MakeRoom(int need)
        {
            if (Fits(need))
            {
                return EnqueueFailure.None;
            }
            try
            {
                TrimTail(true);
                while (!Fits(need))
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

        /// <summary>True if the group, with <paramref name="need"/> more slots and padded to a sector, fits beside [tail, head).</summary>
        private bool Fits(int need)
        {
            return headSlot + RingGeometry.AlignUp(groupSlots + need, alignSlots) - tailSlot <= slotCount;
        }

        /// <summary>
        /// Writes the waiting group, padded with zeros to whole sectors, with one Write call (two when it wraps
        /// past the ring's end) and one Flush, then a checkpoint if one is due. A checkpoint goes
        /// first if the group would overwrite slots the last one counts as live, if records were
        /// evicted since it (so they stay evicted), or if the group's sequences reach the durable
        /// sequence limit. False if the group could not be written.
        /// </summary>
        private bool SyncLocked()
        {
            if (groupEvents == 0)
            {
                return true;
            }
            int extent = (int)RingGeometry.AlignUp(groupSlots, alignSlots);
            long end = headSlot + extent;
            int padding = extent - groupSlots;
            try
            {
                if (end > durableTailSlot + slotCount || evictedSinceCheckpoint || nextSequence - 1 >= sequenceLimit)
                {
                    WriteCheckpoint(false);
                }
                if (padding > 0)
                {
                    SlotFormat.SetPadding(group, groupLastEventSlot * recordSize, padding);
                }
                // Whole slots and sectors: every sector the group touches is written from end to
                // end (a card would read-modify-write a partial one, and a sector left unreadable by
                // an earlier cut becomes readable only when written whole).
                int bytes = extent * recordSize;
                if (padding > 0)
                {
                    Array.Clear(group, groupSlots * recordSize, padding * recordSize);
                }
                long index = headSlot % slotCount;
                long toRingEnd = (slotCount - index) * recordSize;
                if (bytes <= toRingEnd)
                {
                    medium.Write(SlotPosition(headSlot), group, 0, bytes);
                }
                else
                {
                    medium.Write(SlotPosition(headSlot), group, 0, (int)toRingEnd);
                    medium.Write(Checkpoint.SlotsOffset, group, (int)toRingEnd, bytes - (int)toRingEnd);
                }
                medium.Flush();
            }
            catch (StorageMediumException e)
            {
                if (padding > 0)
                {
                    // The last event may not stay last: it must not tell readers to skip what follows it.
                    SlotFormat.SetPadding(group, groupLastEventSlot * recordSize, 0);
                }
                NoteMediumError(e);
                return false;
            }
            headSlot = end;
            liveCount += groupEvents;
            sinceCheckpoint += groupEvents;
            groupEvents = 0;
            groupSlots = 0;
            if (sinceCheckpoint >= checkpointEvery)
            {
                // The records are durable already; a failed checkpoint is retried at the next sync.
                TryWriteCheckpoint(false);
            }
            return true;
        }

        /// <summary>
        /// Writes the state of [tail, head) as the next generation, to its two places, and flushes.
        /// Its sequence limit covers the sequences the coming records will take; <paramref name="tight"/>
        /// (a clean close) reserves none. Throws on medium errors.
        /// </summary>
        private void WriteCheckpoint(bool tight)
        {
            generation++;
            long limit = tight ? nextSequence : nextSequence + sequenceReserve;
            checkpoint.RegionId = regionId;
            checkpoint.RecordSize = recordSize;
            checkpoint.SlotCount = slotCount;
            checkpoint.SectorSize = sectorSize;
            checkpoint.Generation = generation;
            checkpoint.TailSequence = tailSequence;
            checkpoint.TailSlot = tailSlot;
            checkpoint.HeadSequence = SyncedBound();
            checkpoint.HeadSlot = headSlot;
            checkpoint.SequenceLimit = limit;
            checkpoint.LiveCount = liveCount;
            checkpoint.NewestCapturedAtUnixMicros = newestCapturedAt;
            checkpoint.NewestClockSynced = newestClockSynced;
            checkpoint.ScanWindowSlots = (int)(scanWindowSlots < slotCount ? scanWindowSlots : slotCount);
            checkpoint.KeyId = sealer == null ? 0u : sealer.KeyId;
            checkpoint.KeySalt = keySalt;
            checkpoint.Removed.CopyFrom(removed);
            int bytes = (int)RingGeometry.AlignUp(checkpoint.EncodedLength, sectorSize);
            checkpoint.Encode(checkpointBytes, bytes);
            medium.Write(Checkpoint.PlaceOf(generation, 0), checkpointBytes, 0, bytes);
            medium.Write(Checkpoint.PlaceOf(generation, 1), checkpointBytes, 0, bytes);
            medium.Flush();
            sequenceLimit = limit;
            durableTailSlot = tailSlot;
            sinceCheckpoint = 0;
            evictedSinceCheckpoint = false;
        }

        private bool TryWriteCheckpoint(bool tight)
        {
            try
            {
                WriteCheckpoint(tight);
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
