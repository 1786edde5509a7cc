using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>The consumer side's removals: AcknowledgeThrough and Remove, each durable on return.</summary>
    public sealed partial class EdgeBuffer
    {
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
                if (sequence >= SyncedBound())
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
                        removed.DropBelow(tailSequence);
                        liveCount -= dequeueLive;
                        acknowledged = dequeueLive;
                    }
                    else
                    {
                        acknowledged = AcknowledgeByReading(sequence);
                    }
                }
                catch (StorageMediumException e)
                {
                    NoteMediumError(e);
                }
                dequeueStartSlot = -1;
                NormalizeEmptyTail();
                counters.Removed += acknowledged;
                TryWriteCheckpoint(false);
                return acknowledged;
            }
        }

        private int AcknowledgeByReading(long sequence)
        {
            int acknowledged = 0;
            while (TailAtRecord())
            {
                if (header.Sequence > sequence)
                {
                    break;
                }
                if (!removed.Contains(header.Sequence))
                {
                    acknowledged++;
                    liveCount--;
                }
                AdvanceTailPastHeader();
            }
            return acknowledged;
        }

        /// <summary>
        /// The seed's remove(event_ids): consumes the live events with these event_ids, wherever
        /// they are; returns how many were found. An id is any non-empty string, matched by its
        /// 16-byte key (<see cref="EventIdKey"/>: a canonical UUID's own bytes, else a derived one).
        /// Events at the tail are consumed by moving the tail; others are recorded in the checkpoint as removed out of order (slots
        /// are never rewritten). Durable on return. Walks the live records until every id is found
        /// (reads grow with the buffer's depth; the uplink uses AcknowledgeThrough instead).
        /// Throws InvalidOperationException, changing nothing, if more than
        /// <see cref="RemovedSequences.Capacity"/> records would wait behind the tail removed out of order.
        /// </summary>
        public int Remove(string[] eventIds)
        {
            if (eventIds == null)
            {
                throw new ArgumentNullException(nameof(eventIds));
            }
            var wanted = new byte[eventIds.Length * UuidText.ByteLength];
            var found = new bool[eventIds.Length];
            var outOfOrder = new long[eventIds.Length];
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
                int matched = 0;
                int marked = 0;
                long newTail = tailSlot;
                long newTailSequence = tailSequence;
                try
                {
                    // One read-only pass: which records match, and how far the tail can move
                    // (over the run of matched, removed, padding and stale slots at its front).
                    bool atFront = true;
                    long cursor = tailSlot;
                    long cursorSequence = tailSequence;
                    while (cursor < headSlot && matched < eventIds.Length)
                    {
                        SlotVerdict verdict = Inspect(cursor, cursorSequence);
                        if (verdict == SlotVerdict.Record && !IsWholeEvent(cursor, header.Slots))
                        {
                            verdict = SlotVerdict.Skip; // a first slot whose event is not whole: no record to remove
                        }
                        if (verdict != SlotVerdict.Record)
                        {
                            // Damaged slots at the front are left for TrimTail to count.
                            atFront = atFront && verdict == SlotVerdict.Skip;
                            cursor++;
                            newTail = atFront ? cursor : newTail;
                            continue;
                        }
                        long sequence = header.Sequence;
                        long next = cursor + header.Slots + header.PaddingSlots;
                        bool gone = removed.Contains(sequence);
                        int match = gone ? -1 : FindId(wanted, found, slot, header.EventIdOffset);
                        if (match >= 0)
                        {
                            found[match] = true;
                            matched++;
                            if (!atFront)
                            {
                                outOfOrder[marked++] = sequence;
                            }
                        }
                        atFront = atFront && (gone || match >= 0);
                        if (atFront)
                        {
                            newTail = next;
                            newTailSequence = sequence + 1;
                        }
                        cursor = next;
                        cursorSequence = sequence + 1;
                    }
                }
                catch (StorageMediumException e)
                {
                    NoteMediumError(e);
                    return 0;
                }
                int waiting = removed.Count - removed.CountBelow(newTailSequence) + marked;
                if (waiting > RemovedSequences.Capacity)
                {
                    throw new InvalidOperationException("Remove would leave " + waiting.ToString() + " records removed out of order behind the tail; at most "
                        + RemovedSequences.Capacity.ToString() + " can wait (the checkpoint keeps them): acknowledge or remove the older records first. Nothing was removed");
                }
                tailSlot = newTail;
                tailSequence = newTailSequence;
                removed.DropBelow(tailSequence);
                for (int i = 0; i < marked; i++)
                {
                    removed.Add(outOfOrder[i]);
                }
                liveCount -= matched;
                NormalizeEmptyTail();
                counters.Removed += matched;
                TryWriteCheckpoint(false);
                return matched;
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
    }
}
