using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// A set of events held in arrays allocated once: their encoded UDM JSON back to back in
    /// <see cref="Payload"/>, and per event its offset, length, buffer sequence number, event id
    /// (16 bytes), capture time and whether the clock was synchronised. EdgeBuffer.Dequeue fills it,
    /// the batch builder and transports read it; reusing one instance allocates nothing.
    /// </summary>
    public sealed class BufferedEvents
    {
        // Internal, not private: the uplink's per-event loops (BatchBuilder.Build, SendableCheck)
        // read them directly, since on the device each accessor is two calls (itself and CheckIndex).
        internal readonly int[] offsets;
        internal readonly int[] lengths;
        private readonly long[] sequences;
        internal readonly long[] capturedAt;
        private readonly bool[] clockSynced;
        internal readonly bool[] vetted;
        private readonly byte[] eventIds;
        internal readonly byte[] payload;
        internal int count;
        internal int payloadUsed;

        /// <summary>Room for <paramref name="maxEvents"/> events totalling <paramref name="maxPayloadBytes"/> bytes.</summary>
        public BufferedEvents(int maxEvents, int maxPayloadBytes)
        {
            if (maxEvents < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxEvents), "maxEvents must be at least 1");
            }
            if (maxPayloadBytes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPayloadBytes), "maxPayloadBytes must be at least 1");
            }
            offsets = new int[maxEvents];
            lengths = new int[maxEvents];
            sequences = new long[maxEvents];
            capturedAt = new long[maxEvents];
            clockSynced = new bool[maxEvents];
            vetted = new bool[maxEvents];
            eventIds = new byte[maxEvents * UuidText.ByteLength];
            payload = new byte[maxPayloadBytes];
        }

        /// <summary>Events held.</summary>
        public int Count
        {
            get { return count; }
        }

        /// <summary>Most events this set can hold.</summary>
        public int Capacity
        {
            get { return offsets.Length; }
        }

        /// <summary>Bytes of payload space in all.</summary>
        public int PayloadCapacity
        {
            get { return payload.Length; }
        }

        /// <summary>Bytes of payload used.</summary>
        public int PayloadUsed
        {
            get { return payloadUsed; }
        }

        /// <summary>The payload bytes of all events; event i is Payload[PayloadOffset(i) .. +PayloadLength(i)).</summary>
        public byte[] Payload
        {
            get { return payload; }
        }

        /// <summary>Empties the set (keeps its arrays).</summary>
        public void Clear()
        {
            count = 0;
            payloadUsed = 0;
        }

        /// <summary>Keeps only the first <paramref name="keep"/> events (the uplink sends those before a record it sets aside).</summary>
        public void Truncate(int keep)
        {
            if (keep < 0 || keep > count)
            {
                throw new ArgumentOutOfRangeException(nameof(keep), "keep must be in [0, Count]");
            }
            count = keep;
            payloadUsed = keep == 0 ? 0 : offsets[keep - 1] + lengths[keep - 1];
        }

        /// <summary>True if one more event of <paramref name="length"/> bytes fits.</summary>
        public bool HasRoomFor(int length)
        {
            return count < offsets.Length && length <= payload.Length - payloadUsed;
        }

        /// <summary>
        /// Reserves room for an event of <paramref name="length"/> bytes and records its metadata;
        /// returns the offset in <see cref="Payload"/> where the caller writes the bytes, or -1 if it
        /// does not fit.
        /// </summary>
        public int Reserve(int length, byte[] eventId, int eventIdOffset, long sequence, long capturedAtUnixMicros, bool isClockSynced)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "length must not be negative");
            }
            if (!HasRoomFor(length))
            {
                return -1;
            }
            int at = payloadUsed;
            AddRead(length, eventId, eventIdOffset, sequence, capturedAtUnixMicros, isClockSynced, false);
            return at;
        }

        /// <summary>Adds an event, copying its bytes; false if it does not fit.</summary>
        public bool TryAdd(byte[] source, int offset, int length, byte[] eventId, int eventIdOffset, long sequence, long capturedAtUnixMicros, bool isClockSynced)
        {
            int at = Reserve(length, eventId, eventIdOffset, sequence, capturedAtUnixMicros, isClockSynced);
            if (at < 0)
            {
                return false;
            }
            Array.Copy(source, offset, payload, at, length);
            return true;
        }

        public int PayloadOffset(int index)
        {
            CheckIndex(index);
            return offsets[index];
        }

        public int PayloadLength(int index)
        {
            CheckIndex(index);
            return lengths[index];
        }

        /// <summary>The buffer's sequence number of event <paramref name="index"/> (acknowledge through it).</summary>
        public long Sequence(int index)
        {
            CheckIndex(index);
            return sequences[index];
        }

        /// <summary>Capture time, microseconds since the Unix epoch.</summary>
        public long CapturedAtUnixMicros(int index)
        {
            CheckIndex(index);
            return capturedAt[index];
        }

        /// <summary>False if the capture time came from an unsynchronised clock.</summary>
        public bool IsClockSynced(int index)
        {
            CheckIndex(index);
            return clockSynced[index];
        }

        /// <summary>
        /// True if event <paramref name="index"/> was enqueued in this mount through
        /// EdgeBuffer.EnqueueVetted (its producer held it to the send-time rules) and read back
        /// whole: the uplink checks its shape but does not scan it again. False for everything else.
        /// </summary>
        public bool IsVetted(int index)
        {
            CheckIndex(index);
            return vetted[index];
        }

        /// <summary>
        /// <see cref="Reserve"/> without its checks, for EdgeBuffer.Dequeue, which has already asked
        /// <see cref="HasRoomFor"/> and written the event's bytes at <see cref="PayloadUsed"/>: records
        /// the event's metadata and whether it is vetted (its record's checks held) without checking
        /// again. Every event a Dequeue returns passes here; on the device each check is a call.
        /// </summary>
        internal void AddRead(int length, byte[] eventId, int eventIdOffset, long sequence, long capturedAtUnixMicros, bool isClockSynced, bool isVetted)
        {
            int index = count;
            int at = payloadUsed;
            offsets[index] = at;
            lengths[index] = length;
            sequences[index] = sequence;
            capturedAt[index] = capturedAtUnixMicros;
            clockSynced[index] = isClockSynced;
            vetted[index] = isVetted;
            Array.Copy(eventId, eventIdOffset, eventIds, index * UuidText.ByteLength, UuidText.ByteLength);
            payloadUsed = at + length;
            count = index + 1;
        }

        /// <summary>Copies event <paramref name="index"/>'s 16-byte id to destination[destinationOffset].</summary>
        public void CopyEventId(int index, byte[] destination, int destinationOffset)
        {
            CheckIndex(index);
            Array.Copy(eventIds, index * UuidText.ByteLength, destination, destinationOffset, UuidText.ByteLength);
        }

        /// <summary>Event id text (allocates; for tools, logs and the seed-shaped API).</summary>
        public string EventIdString(int index)
        {
            CheckIndex(index);
            return UuidText.ToString(eventIds, index * UuidText.ByteLength);
        }

        /// <summary>The raw id array: event i's id is at [i*16 .. i*16+16).</summary>
        public byte[] EventIdBytes
        {
            get { return eventIds; }
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), "index must be in [0, Count)");
            }
        }
    }
}
