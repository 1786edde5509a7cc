using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// The on-medium layout of one slot (see FORMAT.md). Every slot describes itself: magic,
    /// version, flags, a state byte, chunk length, CRC-32, region id, 64-bit event sequence, total
    /// event length and part index; the first slot of an event adds capture time and event id.
    /// The CRC covers the header (without the CRC and state bytes) and the chunk, so a torn or
    /// bit-flipped slot is detected. The state byte is left out so Remove can mark a record removed
    /// with a one-byte write; its two legal values differ in every bit, any other value is corrupt.
    /// </summary>
    public static class SlotFormat
    {
        public const int Magic0 = 0x50; // 'P'
        public const int Magic1 = 0x4E; // 'N'
        public const int Version = 1;

        public const int FlagFirst = 0x01;
        public const int FlagLast = 0x02;
        public const int FlagClockUnsynced = 0x04;

        public const int StateLive = 0x3C;
        public const int StateRemoved = 0xC3;

        public const int OffsetMagic = 0;
        public const int OffsetVersion = 2;
        public const int OffsetFlags = 3;
        public const int OffsetState = 4;
        public const int OffsetChunkLength = 6;
        public const int OffsetCrc = 8;
        public const int OffsetRegionId = 12;
        public const int OffsetSequence = 16;
        public const int OffsetTotalLength = 24;
        public const int OffsetPartIndex = 28;
        public const int OffsetCapturedAt = 32;
        public const int OffsetEventId = 40;

        /// <summary>Header of a continuation slot.</summary>
        public const int ContinuationHeaderSize = 32;

        /// <summary>Header of an event's first slot (adds capture time and event id).</summary>
        public const int FirstHeaderSize = 56;

        /// <summary>Smallest record size accepted (room for a first header and some payload).</summary>
        public const int MinimumRecordSize = 64;

        /// <summary>Payload bytes in an event's first slot.</summary>
        public static int FirstCapacity(int recordSize)
        {
            return recordSize - FirstHeaderSize;
        }

        /// <summary>Payload bytes in a continuation slot.</summary>
        public static int ContinuationCapacity(int recordSize)
        {
            return recordSize - ContinuationHeaderSize;
        }

        /// <summary>Slots an event of <paramref name="length"/> bytes occupies.</summary>
        public static int SlotsFor(int length, int recordSize)
        {
            int first = FirstCapacity(recordSize);
            if (length <= first)
            {
                return 1;
            }
            int cont = ContinuationCapacity(recordSize);
            return 1 + ((length - first + cont - 1) / cont);
        }

        /// <summary>Header bytes of the slot holding part <paramref name="part"/>.</summary>
        public static int HeaderSize(int part)
        {
            return part == 0 ? FirstHeaderSize : ContinuationHeaderSize;
        }

        /// <summary>
        /// Writes slot <paramref name="part"/> of an event at slot[at]: header, chunk, CRC and the
        /// live state. Returns the bytes used (header + chunk); the rest of the slot is not touched.
        /// </summary>
        public static int Encode(byte[] slot, int at, uint regionId, long sequence, int totalLength, int part, bool last,
            long capturedAtUnixMicros, bool clockSynced, byte[] eventId, int eventIdOffset, byte[] payload, int payloadOffset, int chunkLength)
        {
            int header = HeaderSize(part);
            int flags = (part == 0 ? FlagFirst : 0) | (last ? FlagLast : 0) | (clockSynced ? 0 : FlagClockUnsynced);
            slot[at + OffsetMagic] = Magic0;
            slot[at + OffsetMagic + 1] = Magic1;
            slot[at + OffsetVersion] = Version;
            slot[at + OffsetFlags] = (byte)flags;
            slot[at + OffsetState] = StateLive;
            slot[at + 5] = 0;
            LittleEndian.WriteUInt16(slot, at + OffsetChunkLength, chunkLength);
            LittleEndian.WriteUInt32(slot, at + OffsetRegionId, regionId);
            LittleEndian.WriteInt64(slot, at + OffsetSequence, sequence);
            LittleEndian.WriteUInt32(slot, at + OffsetTotalLength, (uint)totalLength);
            LittleEndian.WriteUInt16(slot, at + OffsetPartIndex, part);
            slot[at + 30] = 0;
            slot[at + 31] = 0;
            if (part == 0)
            {
                LittleEndian.WriteInt64(slot, at + OffsetCapturedAt, capturedAtUnixMicros);
                System.Array.Copy(eventId, eventIdOffset, slot, at + OffsetEventId, 16);
            }
            System.Array.Copy(payload, payloadOffset, slot, at + header, chunkLength);
            LittleEndian.WriteUInt32(slot, at + OffsetCrc, ComputeCrc(slot, at, header + chunkLength));
            return header + chunkLength;
        }

        /// <summary>CRC of a slot's first <paramref name="used"/> bytes, skipping the state byte and the CRC field.</summary>
        public static uint ComputeCrc(byte[] slot, int at, int used)
        {
            uint crc = Crc32.Update(Crc32.Initial, slot, at, OffsetState);
            crc = Crc32.Update(crc, slot, at + OffsetState + 1, OffsetCrc - OffsetState - 1);
            return Crc32.Update(crc, slot, at + OffsetRegionId, used - OffsetRegionId);
        }
    }
}
