using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>The consumer side: Dequeue (peek), AcknowledgeThrough, Remove; and the tail's upkeep.</summary>
    public sealed partial class EdgeBuffer
    {
        private readonly byte[] tombstone = new byte[] { SlotFormat.StateRemoved };

        /// <summary>
        /// Copies up to <paramref name="maxEvents"/> of the oldest live events into
        /// <paramref name="into"/> (cleared first), oldest first, without removing them; returns how
        /// many. Writes the group waiting for its sync point first. Expired records at the tail are
        /// dropped and counted; corrupt slots are skipped and counted, never returned. Stops early
        /// when <paramref name="into"/> is full. Allocates nothing. Medium errors are counted and
        /// end the read (what was read so far is returned).
        /// </summary>
        public int Dequeue(BufferedEvents into, int maxEvents)
        {
            if (into == null)
            {
                throw new ArgumentNullException(nameof(into));
            }
            if (maxEvents < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxEvents), "maxEvents must be at least 1, got " + maxEvents.ToString());
            }
            lock (gate)
            {
                ThrowIfDisposed();
                into.Clear();
                dequeueStartSlot = -1;
                SyncLocked();
                try
                {
                    DequeueLocked(into, maxEvents);
                }
                catch (StorageMediumException e)
                {
                    NoteMediumError(e);
                }
                return into.Count;
            }
        }

        /// <summary>The seed's dequeue(max_events=100): allocates a BufferedEvents (for tools and tests).</summary>
        public BufferedEvents Dequeue(int maxEvents)
        {
            long room = (long)maxEvents * maxEventSize;
            var events = new BufferedEvents(maxEvents < 1 ? 1 : maxEvents, room > 1048576 ? 1048576 : (int)room);
            Dequeue(events, maxEvents);
            return events;
        }

        /// <summary>
        /// Consumes every live event with a sequence up to and including <paramref name="sequence"/>
        /// (the uplink's "delivered through N"), durably: a checkpoint is written before returning.
        /// Returns the number of events consumed. Allocates nothing.
        /// </summary>
        public int AcknowledgeThrough(long sequence)
        {
            lock (gate)
            {
                ThrowIfDisposed();
                if (sequence >= headSequence)
                {
                    SyncLocked(); // acknowledging records still waiting for their sync point
                }
                int acknowledged = 0;
                try
                {
                    if (dequeueStartSlot == tailSlot && dequeueLive > 0 && sequence == dequeueLastSequence)
                    {
                        // Exactly what the last Dequeue returned: no need to read the headers again.
                        tailSlot = dequeueEndSlot;
                        tailSequence = dequeueEndSequence;
                        removedInRange -= dequeueRemovedSkipped;
                        acknowledged = dequeueLive;
                    }
                    else
                    {
                        while (tailSlot < headSlot)
                        {
                            if (!TryReadEventHead(tailSlot, tailSequence))
                            {
                                SkipCorruptTailSlot();
                                continue;
                            }
                            if (header.Sequence > sequence)
                            {
                                break;
                            }
                            if (header.Kind == SlotKind.Live)
                            {
                                acknowledged++;
                            }
                            AdvanceTailPastHeader();
                        }
                    }
                }
                catch (StorageMediumException e)
                {
                    NoteMediumError(e);
                }
                dequeueStartSlot = -1;
                NormalizeEmptyTail();
                counters.Removed += acknowledged;
                checkpointDirty = true;
                TryWriteCheckpoint();
                return acknowledged;
            }
        }

        /// <summary>
        /// The seed's remove(event_ids): consumes the live events with these event_ids, wherever
        /// they are; returns how many were found. An id is any non-empty string, matched by its
        /// 16-byte key (<see cref="EventIdKey"/>: a canonical UUID's own bytes, else a derived one). Events at the tail are consumed by
        /// moving the tail; others are marked removed in place (one byte). Durable on return.
        /// Walks the live records until every id is found (reads grow with the buffer's depth;
        /// the uplink uses AcknowledgeThrough instead).
        /// </summary>
        public int Remove(string[] eventIds)
        {
            if (eventIds == null)
            {
                throw new ArgumentNullException(nameof(eventIds));
            }
            var wanted = new byte[eventIds.Length * UuidText.ByteLength];
            var found = new bool[eventIds.Length];
            for (int i = 0; i < eventIds.Length; i++)
            {
                if (eventIds[i] == null || eventIds[i].Length == 0)
                {
                    throw new ArgumentException("eventIds[" + i.ToString() + "] is null or empty; an event_id is a non-empty string", nameof(eventIds));
                }
                EventIdKey.FromString(eventIds[i], wanted, i * UuidText.ByteLength);
            }
            lock (gate)
            {
                ThrowIfDisposed();
                dequeueStartSlot = -1;
                SyncLocked();
                int removed = 0;
                bool marked = false;
                try
                {
                    long cursor = tailSlot;
                    long cursorSequence = tailSequence;
                    while (cursor < headSlot && removed < eventIds.Length)
                    {
                        if (!TryReadEventHead(cursor, cursorSequence))
                        {
                            if (cursor == tailSlot)
                            {
                                SkipCorruptTailSlot();
                            }
                            cursor++;
                            continue;
                        }
                        long next = cursor + SlotFormat.SlotsFor(header.TotalLength, recordSize);
                        cursorSequence = header.Sequence + 1;
                        int match = header.Kind == SlotKind.Live ? FindId(wanted, found, slot, header.EventIdOffset) : -1;
                        if (match >= 0)
                        {
                            found[match] = true;
                            removed++;
                            if (cursor == tailSlot)
                            {
                                AdvanceTailPastHeader();
                            }
                            else
                            {
                                medium.Write(SlotPosition(cursor) + SlotFormat.OffsetState, tombstone, 0, 1);
                                removedInRange++;
                                marked = true;
                            }
                        }
                        else if (header.Kind == SlotKind.Removed && cursor == tailSlot)
                        {
                            AdvanceTailPastHeader();
                        }
                        cursor = next;
                    }
                    if (marked)
                    {
                        medium.Flush();
                    }
                }
                catch (StorageMediumException e)
                {
                    NoteMediumError(e);
                }
                NormalizeEmptyTail();
                counters.Removed += removed;
                checkpointDirty = true;
                TryWriteCheckpoint();
                return removed;
            }
        }

        private static int FindId(byte[] wanted, bool[] found, byte[] source, int at)
        {
            for (int i = 0; i < found.Length; i++)
            {
                if (found[i])
                {
                    continue;
                }
                int w = i * UuidText.ByteLength;
                int k = 0;
                while (k < UuidText.ByteLength && wanted[w + k] == source[at + k])
                {
                    k++;
                }
                if (k == UuidText.ByteLength)
                {
                    return i;
                }
            }
            return -1;
        }

        private void DequeueLocked(BufferedEvents into, int maxEvents)
        {
            TrimTail(true);
            long cursor = tailSlot;
            long cursorSequence = tailSequence;
            int removedSkipped = 0;
            while (into.Count < maxEvents && cursor < headSlot)
            {
                if (!TryReadEventHead(cursor, cursorSequence))
                {
                    break; // corrupt in mid-range: it is skipped and counted once it reaches the tail
                }
                int slots = SlotFormat.SlotsFor(header.TotalLength, recordSize);
                long sequence = header.Sequence;
                if (header.Kind == SlotKind.Removed)
                {
                    removedSkipped++;
                    cursor += slots;
                    cursorSequence = sequence + 1;
                    continue;
                }
                int total = header.TotalLength;
                if (!into.HasRoomFor(total))
                {
                    if (into.Count == 0)
                    {
                        throw new ArgumentException("BufferedEvents has room for " + (into.PayloadCapacity - into.PayloadUsed).ToString()
                            + " payload bytes but the oldest event has " + total.ToString() + "; give it at least MaxEventSize (" + maxEventSize.ToString() + ")", nameof(into));
                    }
                    break;
                }
                if (!CopyEvent(cursor, slots, into))
                {
                    if (cursor != tailSlot)
                    {
                        break;
                    }
                    SkipCorruptTailSlot();
                    TrimTail(true);
                    cursor = tailSlot;
                    cursorSequence = tailSequence;
                    continue;
                }
                cursor += slots;
                cursorSequence = sequence + 1;
                dequeueLastSequence = sequence;
                dequeueEndSlot = cursor;
                dequeueEndSequence = cursorSequence;
                dequeueRemovedSkipped = removedSkipped;
            }
            dequeueLive = into.Count;
            dequeueStartSlot = into.Count > 0 ? tailSlot : -1;
        }

        /// <summary>
        /// Copies the event whose first slot is in <see cref="slot"/> (decoded in <see cref="header"/>)
        /// into <paramref name="into"/>, reading and checking its continuation slots. False if any is
        /// corrupt; then <paramref name="into"/> is unchanged. With a null <paramref name="into"/> it only checks.
        /// </summary>
        private bool CopyEvent(long first, int slots, BufferedEvents? into)
        {
            long sequence = header.Sequence;
            int total = header.TotalLength;
            long capturedAt = header.CapturedAtUnixMicros;
            bool synced = header.ClockSynced;
            Array.Copy(slot, header.EventIdOffset, idStash, 0, UuidText.ByteLength);
            byte[]? destination = into == null ? null : into.Payload;
            int at = into == null ? 0 : into.PayloadUsed;
            int expected = total < SlotFormat.FirstCapacity(recordSize) ? total : SlotFormat.FirstCapacity(recordSize);
            if (header.ChunkLength != expected || (slots == 1) != header.IsLast)
            {
                return false;
            }
            if (destination != null)
            {
                Array.Copy(slot, header.ChunkOffset, destination, at, expected);
            }
            int done = expected;
            for (int part = 1; part < slots; part++)
            {
                ReadSlot(first + part);
                header.Decode(slot, 0, recordSize, regionId, maxEventSize);
                int remaining = total - done;
                int capacity = SlotFormat.ContinuationCapacity(recordSize);
                expected = remaining < capacity ? remaining : capacity;
                if ((header.Kind != SlotKind.Live && header.Kind != SlotKind.Removed) || header.IsFirst || header.Sequence != sequence
                    || header.PartIndex != part || header.TotalLength != total || header.ChunkLength != expected || header.IsLast != (part == slots - 1))
                {
                    return false;
                }
                if (destination != null)
                {
                    Array.Copy(slot, header.ChunkOffset, destination, at + done, expected);
                }
                done += expected;
            }
            if (into != null)
            {
                into.Reserve(total, idStash, 0, sequence, capturedAt, synced);
            }
            return true;
        }

        /// <summary>Drops what can never be delivered from the tail: corrupt slots, removed records, and (if asked) expired ones.</summary>
        private void TrimTail(bool expire)
        {
            bool canExpire = expire && clock.IsSynchronized;
            long now = canExpire ? Iso8601Utc.ToUnixMicros(clock.UtcNow) : 0;
            while (tailSlot < headSlot)
            {
                if (!TryReadEventHead(tailSlot, tailSequence))
                {
                    SkipCorruptTailSlot();
                    continue;
                }
                if (header.Kind == SlotKind.Removed)
                {
                    AdvanceTailPastHeader();
                    continue;
                }
                if (canExpire && header.ClockSynced && now - header.CapturedAtUnixMicros > maxAgeMicros)
                {
                    counters.Expired++;
                    AdvanceTailPastHeader();
                    continue;
                }
                break;
            }
            NormalizeEmptyTail();
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

        private void EvictTailEvent()
        {
            if (!TryReadEventHead(tailSlot, tailSequence))
            {
                SkipCorruptTailSlot();
            }
            else
            {
                if (header.Kind == SlotKind.Live)
                {
                    counters.Dropped++;
                }
                AdvanceTailPastHeader();
            }
            NormalizeEmptyTail();
        }

        private void SkipCorruptTailSlot()
        {
            tailSlot++;
            counters.Corrupt++;
            checkpointDirty = true;
        }

        private void AdvanceTailPastHeader()
        {
            tailSlot += SlotFormat.SlotsFor(header.TotalLength, recordSize);
            tailSequence = header.Sequence + 1;
            if (header.Kind == SlotKind.Removed && removedInRange > 0)
            {
                removedInRange--;
            }
            checkpointDirty = true;
        }

        private void NormalizeEmptyTail()
        {
            if (removedInRange < 0)
            {
                removedInRange = 0;
            }
            if (tailSlot >= headSlot)
            {
                tailSlot = headSlot;
                tailSequence = headSequence;
                removedInRange = 0;
            }
        }

        /// <summary>
        /// Reads the slot at <paramref name="absoluteSlot"/> and tells whether it starts an event in
        /// the written range with a sequence of at least <paramref name="minSequence"/>.
        /// </summary>
        private bool TryReadEventHead(long absoluteSlot, long minSequence)
        {
            ReadSlot(absoluteSlot);
            header.Decode(slot, 0, recordSize, regionId, maxEventSize);
            return (header.Kind == SlotKind.Live || header.Kind == SlotKind.Removed) && header.IsFirst
                && header.Sequence >= minSequence && header.Sequence < headSequence
                && absoluteSlot + SlotFormat.SlotsFor(header.TotalLength, recordSize) <= headSlot;
        }

        private void ReadSlot(long absoluteSlot)
        {
            if (readAheadStart >= 0)
            {
                if (absoluteSlot < readAheadStart || absoluteSlot >= readAheadStart + readAheadSlots)
                {
                    FillReadAhead(absoluteSlot);
                }
                Array.Copy(group, (int)(absoluteSlot - readAheadStart) * recordSize, slot, 0, recordSize);
                return;
            }
            int read = medium.Read(SlotPosition(absoluteSlot), slot, 0, recordSize);
            ZeroFrom(slot, read, recordSize);
        }

        /// <summary>
        /// Reads the run of slots starting at <paramref name="absoluteSlot"/> into the group buffer,
        /// as many as it holds, stopping at the ring's end. Only while mounting, when the group is empty.
        /// </summary>
        private void FillReadAhead(long absoluteSlot)
        {
            long untilRingEnd = slotCount - (absoluteSlot % slotCount);
            int run = untilRingEnd < groupCapacitySlots ? (int)untilRingEnd : groupCapacitySlots;
            int read = medium.Read(SlotPosition(absoluteSlot), group, 0, run * recordSize);
            ZeroFrom(group, read, run * recordSize);
            readAheadStart = absoluteSlot;
            readAheadSlots = run;
        }

        /// <summary>Zeroes what a short read left unfilled, so stale bytes never look like a slot.</summary>
        private static void ZeroFrom(byte[] buffer, int read, int end)
        {
            int from = read < 0 ? 0 : read;
            if (from < end)
            {
                Array.Clear(buffer, from, end - from);
            }
        }
    }
}
