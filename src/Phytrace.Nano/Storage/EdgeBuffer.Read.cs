using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>The consumer side's reading: Dequeue (peek), copying events out, reading slots.</summary>
    public sealed partial class EdgeBuffer
    {
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
                // With the group written, its buffer reads runs of slots: one medium read per
                // group's worth instead of one per slot (a seek and a read each on a file). A group
                // still waiting (its sync failed) keeps its buffer, and the read goes slot by slot.
                if (groupSlots == 0)
                {
                    readAheadStart = headSlot;
                    readAheadSlots = 0;
                }
                try
                {
                    DequeueLocked(into, maxEvents);
                }
                catch (StorageMediumException e)
                {
                    NoteMediumError(e);
                }
                finally
                {
                    readAheadStart = -1;
                }
                return into.Count;
            }
        }

        /// <summary>The seed's dequeue(max_events=100): allocates a BufferedEvents (for tools and tests).</summary>
        public BufferedEvents Dequeue(int maxEvents)
        {
            long room = (long)maxEvents * storedMaxSize;
            var events = new BufferedEvents(maxEvents < 1 ? 1 : maxEvents, room > 1048576 ? 1048576 : (int)room);
            Dequeue(events, maxEvents);
            return events;
        }

        private void DequeueLocked(BufferedEvents into, int maxEvents)
        {
            // The record at the tail, if TrimTail stopped at one, has just been read and checked whole:
            // it is taken without reading its slots or checking its continuations again.
            bool tailChecked = TrimTail(true);
            // The run those checks read (a later refill reads the slots again, and they are checked again).
            long checkedRun = readAheadStart;
            long cursor = tailSlot;
            long cursorSequence = tailSequence;
            // into.Count, kept here: on the device each property read is a call.
            int got = into.Count;
            // A plaintext region with nothing removed out of order: records read with their run take
            // the short way (TakeFromRun) when they are whole and exactly as expected.
            bool shortWay = ShortWayReads && sealer == null && SlotHeader.WordReads && removed.Count == 0;
            while (got < maxEvents && cursor < headSlot)
            {
                bool checkedWhole = tailChecked;
                tailChecked = false;
                int extent = 0;
                long sequence = 0;
                if (!checkedWhole && shortWay && readAheadStart >= 0)
                {
                    // Past the run: read the next one from here, as Inspect would (the same reads and
                    // retries; a slot that cannot be read is Inspect's Damaged verdict, which ends the read).
                    if ((cursor < readAheadStart || cursor >= readAheadStart + readAheadSlots) && !ReadSlotOrDamage(cursor, slot, true))
                    {
                        break;
                    }
                    extent = TakeFromRun(cursor, cursorSequence, into);
                    sequence = takenSequence;
                }
                if (extent == 0)
                {
                    SlotVerdict verdict = checkedWhole ? SlotVerdict.Record : Inspect(cursor, cursorSequence);
                    if (verdict == SlotVerdict.Skip)
                    {
                        cursor++;
                        continue;
                    }
                    if (verdict == SlotVerdict.Damaged)
                    {
                        break; // in mid-range: it is skipped and counted once it reaches the tail
                    }
                    int slots = header.Slots;
                    extent = slots + header.PaddingSlots;
                    sequence = header.Sequence;
                    if (removed.Contains(sequence))
                    {
                        cursor += extent;
                        cursorSequence = sequence + 1;
                        continue;
                    }
                    int total = header.TotalLength;
                    if (!into.HasRoomFor(total))
                    {
                        if (into.Count == 0)
                        {
                            throw new ArgumentException("BufferedEvents has room for " + (into.PayloadCapacity - into.PayloadUsed).ToString()
                                + " payload bytes but the oldest event has " + total.ToString() + "; give it at least " + storedMaxSize.ToString() + " bytes (MaxEventSize" + (sealer == null ? ")" : ", plus the tag of a sealed record)"), nameof(into));
                        }
                        break;
                    }
                    if (!CopyEvent(cursor, slots, into, checkedWhole ? checkedRun : -1))
                    {
                        if (sealRefused)
                        {
                            // Whole, but changed since it was sealed: no slot of it reads as damaged, so
                            // it is counted here, once, when it reaches the tail (records before it go first).
                            if (cursor != tailSlot)
                            {
                                break;
                            }
                            counters.Corrupt++;
                            liveCount--;
                            AdvanceTail(extent, sequence);
                            TrimTail(true);
                            cursor = tailSlot;
                            cursorSequence = tailSequence;
                            continue;
                        }
                        // Not whole (a later slot damaged, or a torn event's first slot left by a cut):
                        // never returned; step over its first slot, its damaged part is counted when reached.
                        cursor++;
                        continue;
                    }
                }
                got++;
                cursor += extent;
                cursorSequence = sequence + 1;
                dequeueLastSequence = sequence;
                dequeueEndSlot = cursor;
                dequeueEndSequence = cursorSequence;
            }
            dequeueLive = into.Count;
            dequeueStartSlot = into.Count > 0 ? tailSlot : -1;
        }

        // Set by CopyEvent when every slot of the event was whole but its seal did not open.
        private bool sealRefused;

        /// <summary>
        /// Copies the event whose first slot is in <see cref="slot"/> (decoded in <see cref="header"/>)
        /// into <paramref name="into"/>, reading and checking its continuation slots. False if any is
        /// corrupt; then <paramref name="into"/> is unchanged. With a null <paramref name="into"/> it only checks.
        /// When IsWholeEvent has just checked this event in the run starting at <paramref name="checkedRun"/>
        /// (else -1), continuations still in that same run are copied without checking them again.
        /// </summary>
        private bool CopyEvent(long first, int slots, BufferedEvents? into, long checkedRun)
        {
            sealRefused = false;
            long sequence = header.Sequence;
            int total = header.TotalLength;
            long capturedAt = header.CapturedAtUnixMicros;
            bool synced = header.ClockSynced;
            // The continuations are checked in probe or the group buffer: slot keeps the event id.
            int idAt = header.EventIdOffset;
            byte[]? destination = into == null ? null : into.Payload;
            int at = into == null ? 0 : into.PayloadUsed;
            // FirstChunkFits and the chunk lengths, inline: this runs for every record read.
            int done = total < firstCapacity ? total : firstCapacity;
            if (header.ChunkLength != done || (slots == 1) != header.IsLast)
            {
                return false;
            }
            if (destination != null)
            {
                Array.Copy(slot, header.ChunkOffset, destination, at, done);
            }
            bool sealedRegion = sealer != null;
            for (int part = 1; part < slots; part++)
            {
                int expected = total - done < continuationCapacity ? total - done : continuationCapacity;
                long absolute = first + part;
                byte[]? source;
                int sourceAt;
                if (readAheadStart >= 0 && absolute >= readAheadStart && absolute < readAheadStart + readAheadSlots)
                {
                    // ContinuationAt's common case inline (read with its run: checked in place): one call less per slot.
                    sourceAt = (int)(absolute - readAheadStart) * recordSize;
                    source = (checkedRun >= 0 && checkedRun == readAheadStart) || SlotHeader.IsContinuation(group, sourceAt, regionId, sealedRegion, sequence, total, part, part == slots - 1, expected) ? group : null;
                }
                else
                {
                    source = ContinuationAt(absolute, sequence, total, part, part == slots - 1, expected);
                    sourceAt = continuationAt;
                }
                if (source == null)
                {
                    return false;
                }
                if (destination != null)
                {
                    Array.Copy(source, sourceAt + SlotFormat.ContinuationHeaderSize, destination, at + done, expected);
                }
                done += expected;
            }
            if (into != null)
            {
                // A sealed record is stored with its tag: opened in place, or damage if anything
                // about it (bytes, sequence, capture time, id) changed since it was sealed.
                if (sealer != null && !sealer.Open(sequence, capturedAt, slot, idAt, synced, destination!, at, total))
                {
                    sealRefused = true;
                    return false;
                }
                // In the run of vetted sequences (EdgeBuffer.Vetting.cs), tested here: a call per record costs more on the device.
                // DequeueLocked asked HasRoomFor(total) before the copy: the stored length, at least this.
                into.AddRead(sealer == null ? total : total - RecordSealer.TagSize, slot, idAt, sequence, capturedAt, synced,
                    vettedFrom >= 0 && sequence >= vettedFrom && sequence <= vettedThrough);
            }
            return true;
        }

        /// <summary>
        /// True if the event whose first slot is decoded in <see cref="header"/> (at absolute slot
        /// <paramref name="first"/>) is whole: every later slot valid and its own. Reads into
        /// <see cref="probe"/>, so <see cref="slot"/> and <see cref="header"/> stay as they are.
        /// </summary>
        private bool IsWholeEvent(long first, int slots)
        {
            if (!FirstChunkFits(header, slots))
            {
                return false;
            }
            long sequence = header.Sequence;
            int total = header.TotalLength;
            int done = FirstChunk(total);
            for (int part = 1; part < slots; part++)
            {
                int expected = ContinuationChunk(total - done);
                if (ContinuationAt(first + part, sequence, total, part, part == slots - 1, expected) == null)
                {
                    return false;
                }
                done += expected;
            }
            return true;
        }

        private int FirstChunk(int total)
        {
            return total < firstCapacity ? total : firstCapacity;
        }

        private int ContinuationChunk(int remaining)
        {
            return remaining < continuationCapacity ? remaining : continuationCapacity;
        }

        private bool FirstChunkFits(SlotHeader first, int slots)
        {
            int total = first.TotalLength;
            return first.ChunkLength == (total < firstCapacity ? total : firstCapacity) && (slots == 1) == first.IsLast;
        }

        // Where ContinuationAt left the slot it checked: its offset in the buffer it returned.
        private int continuationAt;

        /// <summary>
        /// Reads slot <paramref name="absoluteSlot"/>, part <paramref name="part"/> of the event with
        /// this sequence and total length, and returns the buffer holding it (the slot starting at
        /// <see cref="continuationAt"/>) if it is that event's continuation with the chunk length
        /// expected there; null if it is anything else, or damaged, or unreadable. While Dequeue or
        /// a mount reads runs of slots into the group buffer, the slot is checked where it lies
        /// there, without a copy; otherwise it is read into <see cref="probe"/>. Either way
        /// <see cref="slot"/> and <see cref="header"/> (the event's first slot) stay as they are.
        /// </summary>
        private byte[]? ContinuationAt(long absoluteSlot, long sequence, int total, int part, bool last, int expected)
        {
            // Read with its run already (most continuations of a Dequeue): no call needed to get it.
            bool inRun = readAheadStart >= 0 && absoluteSlot >= readAheadStart && absoluteSlot < readAheadStart + readAheadSlots;
            if (!inRun && !ReadSlotOrDamage(absoluteSlot, probe, true))
            {
                return null;
            }
            byte[] source = probe;
            int at = 0;
            if (readAheadStart >= 0)
            {
                source = group;
                at = (int)(absoluteSlot - readAheadStart) * recordSize;
            }
            continuationAt = at;
            return SlotHeader.IsContinuation(source, at, regionId, sealer != null, sequence, total, part, last, expected) ? source : null;
        }

        /// <summary>
        /// Reads a slot; false if it cannot be read, again when retried, while the medium itself
        /// can (its checkpoint places): a bad sector, such as the one an SD card was writing when
        /// power went. Such a slot is damage, skipped and counted, so it never blocks the records
        /// after it. Throws StorageMediumException if the medium is gone (nothing reads).
        /// </summary>
        private bool ReadSlotOrDamage(long absoluteSlot, byte[] into)
        {
            return ReadSlotOrDamage(absoluteSlot, into, false);
        }

        /// <summary>
        /// As <see cref="ReadSlotOrDamage(long, byte[])"/>; with <paramref name="inPlace"/>, while
        /// runs of slots are read into the group buffer, the slot is only brought into that buffer
        /// (not copied to <paramref name="into"/>): the caller reads it there.
        /// </summary>
        private bool ReadSlotOrDamage(long absoluteSlot, byte[] into, bool inPlace)
        {
            if (readAheadStart >= 0 && absoluteSlot >= readAheadStart && absoluteSlot < readAheadStart + readAheadSlots)
            {
                // Already read with its run (most slots of a Dequeue): no call, nothing to fail.
                if (!inPlace)
                {
                    Array.Copy(group, (int)(absoluteSlot - readAheadStart) * recordSize, into, 0, recordSize);
                }
                return true;
            }
            try
            {
                ReadSlot(absoluteSlot, into, inPlace);
                return true;
            }
            catch (StorageMediumException)
            {
                // A glitch passes: read once more.
            }
            try
            {
                ReadSlot(absoluteSlot, into, inPlace);
                return true;
            }
            catch (StorageMediumException e)
            {
                if (!MediumAlive())
                {
                    throw;
                }
                NoteMediumError(e);
                return false;
            }
        }

        private void ReadSlot(long absoluteSlot, byte[] into, bool inPlace)
        {
            if (readAheadStart >= 0)
            {
                if (absoluteSlot < readAheadStart || absoluteSlot >= readAheadStart + readAheadSlots)
                {
                    FillReadAhead(absoluteSlot);
                }
                if (!inPlace)
                {
                    Array.Copy(group, (int)(absoluteSlot - readAheadStart) * recordSize, into, 0, recordSize);
                }
                return;
            }
            int read = medium.Read(SlotPosition(absoluteSlot), into, 0, recordSize);
            ZeroFrom(into, read, recordSize);
        }

        /// <summary>
        /// Reads the run of slots starting at <paramref name="absoluteSlot"/> into the group buffer,
        /// as many as it holds, stopping at the ring's end. Only while mounting or dequeuing, when
        /// the group is empty. If a sector of the run cannot be read, the slots before it are read one by one;
        /// throws if the first cannot.
        /// </summary>
        private void FillReadAhead(long absoluteSlot)
        {
            long untilRingEnd = slotCount - (absoluteSlot % slotCount);
            int capacity = group.Length / recordSize;
            int run = untilRingEnd < capacity ? (int)untilRingEnd : capacity;
            readAheadStart = absoluteSlot;
            readAheadSlots = 0;
            try
            {
                int read = medium.Read(SlotPosition(absoluteSlot), group, 0, run * recordSize);
                ZeroFrom(group, read, run * recordSize);
                readAheadSlots = run;
                return;
            }
            catch (StorageMediumException)
            {
                // fall through: find the slot whose sector is unreadable
            }
            for (int i = 0; i < run; i++)
            {
                int read;
                try
                {
                    read = medium.Read(SlotPosition(absoluteSlot + i), group, i * recordSize, recordSize);
                }
                catch (StorageMediumException)
                {
                    if (i == 0)
                    {
                        throw;
                    }
                    return;
                }
                ZeroFrom(group, (i * recordSize) + (read < 0 ? 0 : read), (i + 1) * recordSize);
                readAheadSlots = i + 1;
            }
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
