using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// The on-medium layout of one slot (see FORMAT.md). Every slot describes itself: magic,
    /// version, flags, chunk length, the padding that follows its event, CRC-32, region id,
    /// 64-bit event sequence, total event length and part index; the first slot of an event adds
    /// capture time and event id. The CRC covers the header and the chunk, zero-padded to a
    /// multiple of 16 bytes, with the CRC field read as zero, so a torn or bit-flipped slot is
    /// detected. One contiguous run of whole 16-byte blocks is what a vectorised CRC does fastest.
    /// Slots are written once per lap and never modified in place: removals live in the checkpoint.
    /// </summary>
    public static class SlotFormat
    {
        public const int Magic0 = 0x50; // 'P'
        public const int Magic1 = 0x4E; // 'N'

        /// <summary>Slot format version; 2 had a state byte that Remove rewrote in place, 1 a pre-release CRC rule.</summary>
        public const int Version = 3;

        public const int FlagFirst = 0x01;
        public const int FlagLast = 0x02;
        public const int FlagClockUnsynced = 0x04;

        /// <summary>
        /// A slot of a sealed record (encryption at rest): the event's stored bytes are ciphertext
        /// followed by a 16-byte authentication tag (see FORMAT.md, Encryption). Every slot of a
        /// sealed region carries it and no slot of a plaintext region does.
        /// </summary>
        public const int FlagSealed = 0x08;

        public const int OffsetMagic = 0;
        public const int OffsetVersion = 2;
        public const int OffsetFlags = 3;
        public const int OffsetChunkLength = 4;
        public const int OffsetPadding = 6;
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
        /// Writes slot <paramref name="part"/> of an event at slot[at]: header (with no padding
        /// after it: see <see cref="SetPadding"/>), chunk, zero padding to a multiple of 16 bytes
        /// and CRC. Returns the bytes used (header + chunk); the slot must have room for the
        /// padding (record sizes are multiples of 16), and nothing after it is touched.
        /// </summary>
        public static int Encode(byte[] slot, int at, uint regionId, long sequence, int totalLength, int part, bool last,
            long capturedAtUnixMicros, bool clockSynced, byte[] eventId, int eventIdOffset, byte[] payload, int payloadOffset, int chunkLength)
        {
            int header = EncodeHeader(slot, at, regionId, sequence, totalLength, part, last, capturedAtUnixMicros, clockSynced, false, eventId, eventIdOffset, chunkLength);
            System.Array.Copy(payload, payloadOffset, slot, at + header, chunkLength);
            return Finish(slot, at, header + chunkLength);
        }

        /// <summary>
        /// Writes the header of slot <paramref name="part"/> at slot[at] (CRC field zero) and
        /// returns its size; the caller puts the chunk after it and then calls <see cref="Finish"/>.
        /// The sealed path writes its chunks this way, encrypting them in place before the CRC.
        /// </summary>
        public static int EncodeHeader(byte[] slot, int at, uint regionId, long sequence, int totalLength, int part, bool last,
            long capturedAtUnixMicros, bool clockSynced, bool sealedRecord, byte[] eventId, int eventIdOffset, int chunkLength)
        {
            int header = HeaderSize(part);
            int flags = (part == 0 ? FlagFirst : 0) | (last ? FlagLast : 0) | (clockSynced ? 0 : FlagClockUnsynced) | (sealedRecord ? FlagSealed : 0);
            slot[at + OffsetMagic] = Magic0;
            slot[at + OffsetMagic + 1] = Magic1;
            slot[at + OffsetVersion] = Version;
            slot[at + OffsetFlags] = (byte)flags;
            // Two 16-bit fields and a zero one in each 32-bit write (chunk length with the padding,
            // 0; part index with the reserved 0): every slot of every Enqueue is written here, and
            // on the device each write is a call.
            LittleEndian.WriteUInt32(slot, at + OffsetChunkLength, (uint)chunkLength);
            LittleEndian.WriteUInt32(slot, at + OffsetCrc, 0);
            LittleEndian.WriteUInt32(slot, at + OffsetRegionId, regionId);
            LittleEndian.WriteInt64(slot, at + OffsetSequence, sequence);
            LittleEndian.WriteUInt32(slot, at + OffsetTotalLength, (uint)totalLength);
            LittleEndian.WriteUInt32(slot, at + OffsetPartIndex, (uint)part);
            if (part == 0)
            {
                LittleEndian.WriteInt64(slot, at + OffsetCapturedAt, capturedAtUnixMicros);
                System.Array.Copy(eventId, eventIdOffset, slot, at + OffsetEventId, 16);
            }
            return header;
        }

        /// <summary>
        /// Pads the slot's <paramref name="used"/> bytes (header and chunk) with zeros to a
        /// multiple of 16 and writes the CRC over them; returns <paramref name="used"/>.
        /// </summary>
        public static int Finish(byte[] slot, int at, int used)
        {
            int covered = CoveredLength(used);
            if (covered > used)
            {
                System.Array.Clear(slot, at + used, covered - used);
            }
            LittleEndian.WriteUInt32(slot, at + OffsetCrc, Crc32.Compute(slot, at, covered));
            return used;
        }

        /// <summary>Bytes of <see cref="WriteTemplate"/>'s output: a continuation header.</summary>
        public const int TemplateLength = ContinuationHeaderSize;

        /// <summary>
        /// Writes the header bytes every slot of region <paramref name="regionId"/> starts with into
        /// template[0 .. <see cref="TemplateLength"/>): magic, version and region id, every other
        /// field zero. <see cref="EncodeEvent"/> starts each record from it.
        /// </summary>
        public static void WriteTemplate(byte[] template, uint regionId)
        {
            System.Array.Clear(template, 0, TemplateLength);
            template[OffsetMagic] = Magic0;
            template[OffsetMagic + 1] = Magic1;
            template[OffsetVersion] = Version;
            LittleEndian.WriteUInt32(template, OffsetRegionId, regionId);
        }

        /// <summary>
        /// Writes a whole plaintext event of <paramref name="slots"/> slots at group[at ..], each
        /// slot <paramref name="recordSize"/> bytes: the same bytes as <see cref="Encode"/> part by
        /// part with each slot's tail zeroed past its CRC padding, held to it on both runtimes
        /// (tests: EventEncodingCheck). Built for the interpreter, where Enqueue spends most of its
        /// time writing headers: the first header starts as a copy of the region's
        /// <paramref name="template"/> (<see cref="WriteTemplate"/>) and takes the event's fields
        /// inline, and each continuation header is a copy of the first's 32 bytes with its flags,
        /// chunk length and part index changed, instead of eleven field writes per slot.
        /// </summary>
        public static void EncodeEvent(byte[] group, int at, int recordSize, byte[] template, long sequence, int totalLength, int slots,
            long capturedAtUnixMicros, bool clockSynced, byte[] eventId, int eventIdOffset, byte[] payload, int payloadOffset)
        {
            System.Array.Copy(template, 0, group, at, TemplateLength);
            int firstCapacity = recordSize - FirstHeaderSize;
            int firstChunk = totalLength < firstCapacity ? totalLength : firstCapacity;
            int unsynced = clockSynced ? 0 : FlagClockUnsynced;
            group[at + OffsetFlags] = (byte)(FlagFirst | (slots == 1 ? FlagLast : 0) | unsynced);
            group[at + OffsetChunkLength] = (byte)firstChunk;
            group[at + OffsetChunkLength + 1] = (byte)(firstChunk >> 8);
            // The 64-bit fields in two 32-bit halves: on the device a 64-bit shift per byte costs more.
            int f = at + OffsetSequence;
            uint half = (uint)sequence;
            group[f] = (byte)half;
            group[f + 1] = (byte)(half >> 8);
            group[f + 2] = (byte)(half >> 16);
            group[f + 3] = (byte)(half >> 24);
            // The template's zeros stand for the high bytes of a sequence below 2^32 and a length
            // below 2^16 (every event of a typical ring): each store skipped is 400-500 instructions on the device.
            half = (uint)(sequence >> 32);
            if (half != 0)
            {
                group[f + 4] = (byte)half;
                group[f + 5] = (byte)(half >> 8);
                group[f + 6] = (byte)(half >> 16);
                group[f + 7] = (byte)(half >> 24);
            }
            f = at + OffsetTotalLength;
            group[f] = (byte)totalLength;
            group[f + 1] = (byte)(totalLength >> 8);
            if ((totalLength >> 16) != 0)
            {
                group[f + 2] = (byte)(totalLength >> 16);
                group[f + 3] = (byte)(totalLength >> 24);
            }
            f = at + OffsetCapturedAt;
            half = (uint)capturedAtUnixMicros;
            group[f] = (byte)half;
            group[f + 1] = (byte)(half >> 8);
            group[f + 2] = (byte)(half >> 16);
            group[f + 3] = (byte)(half >> 24);
            half = (uint)(capturedAtUnixMicros >> 32);
            group[f + 4] = (byte)half;
            group[f + 5] = (byte)(half >> 8);
            group[f + 6] = (byte)(half >> 16);
            group[f + 7] = (byte)(half >> 24);
            System.Array.Copy(eventId, eventIdOffset, group, at + OffsetEventId, 16);
            // The continuations copy the first header while its CRC field is still zero: it is sealed last.
            int capacity = recordSize - ContinuationHeaderSize;
            int done = firstChunk;
            for (int part = 1; part < slots; part++)
            {
                int p = at + (part * recordSize);
                int chunk = totalLength - done < capacity ? totalLength - done : capacity;
                System.Array.Copy(group, at, group, p, ContinuationHeaderSize);
                group[p + OffsetFlags] = (byte)((part == slots - 1 ? FlagLast : 0) | unsynced);
                group[p + OffsetChunkLength] = (byte)chunk;
                group[p + OffsetChunkLength + 1] = (byte)(chunk >> 8);
                group[p + OffsetPartIndex] = (byte)part;
                group[p + OffsetPartIndex + 1] = (byte)(part >> 8);
                System.Array.Copy(payload, payloadOffset + done, group, p + ContinuationHeaderSize, chunk);
                Seal(group, p, ContinuationHeaderSize + chunk, recordSize);
                done += chunk;
            }
            System.Array.Copy(payload, payloadOffset, group, at + FirstHeaderSize, firstChunk);
            Seal(group, at, FirstHeaderSize + firstChunk, recordSize);
        }

        // Zeroes the slot past its used bytes (the CRC's padding and the rest) and writes the CRC.
        private static void Seal(byte[] slot, int at, int used, int recordSize)
        {
            if (used < recordSize)
            {
                System.Array.Clear(slot, at + used, recordSize - used);
            }
            uint crc = Crc32.Compute(slot, at, (used + 15) & ~15);
            int c = at + OffsetCrc;
            slot[c] = (byte)crc;
            slot[c + 1] = (byte)(crc >> 8);
            slot[c + 2] = (byte)(crc >> 16);
            slot[c + 3] = (byte)(crc >> 24);
        }

        /// <summary>
        /// Records in an event's first slot how many slots of padding follow the event (the rest of
        /// its group's last sector), so readers step over them without reading; re-seals the CRC.
        /// </summary>
        public static void SetPadding(byte[] slot, int at, int paddingSlots)
        {
            int used = HeaderSize(0) + LittleEndian.ReadUInt16(slot, at + OffsetChunkLength);
            LittleEndian.WriteUInt16(slot, at + OffsetPadding, paddingSlots);
            LittleEndian.WriteUInt32(slot, at + OffsetCrc, 0);
            LittleEndian.WriteUInt32(slot, at + OffsetCrc, Crc32.Compute(slot, at, CoveredLength(used)));
        }

        /// <summary>Bytes the CRC covers for a slot using <paramref name="used"/> bytes: rounded up to 16.</summary>
        public static int CoveredLength(int used)
        {
            return (used + 15) & ~15;
        }

        // Four zero bytes, never written: CrcMatches zeroes the CRC field with one copy (a native call
        // costs less than four byte stores on the device).
        private static readonly byte[] ZeroCrcField = new byte[4];

        /// <summary>
        /// True if <paramref name="storedCrc"/>, the value the caller read from the slot's CRC
        /// field, is the CRC of slot[at .. at + CoveredLength(used)) with that field read as zero:
        /// <see cref="ComputeCrc"/> without reading the field again. The field is zeroed for the
        /// computation and <paramref name="storedCrc"/> written back, so the slot is unchanged.
        /// </summary>
        public static bool CrcMatches(byte[] slot, int at, int used, uint storedCrc)
        {
            int c = at + OffsetCrc;
            System.Array.Copy(ZeroCrcField, 0, slot, c, 4);
            uint crc = Crc32.Compute(slot, at, (used + 15) & ~15);
            slot[c] = (byte)storedCrc;
            slot[c + 1] = (byte)(storedCrc >> 8);
            slot[c + 2] = (byte)(storedCrc >> 16);
            slot[c + 3] = (byte)(storedCrc >> 24);
            return crc == storedCrc;
        }

        /// <summary>
        /// <see cref="CrcMatches"/> for a reader that drops the slot's bytes once it took them
        /// (Dequeue's short way): when the CRC matches, the field is left zero instead of written
        /// back; when it does not, it is written back and the slot is unchanged. The caller gives
        /// the field its value again with <see cref="Reseal"/> if it keeps the bytes after all.
        /// </summary>
        internal static bool CrcMatchesLeavingZero(byte[] slot, int at, int used, uint storedCrc)
        {
            int c = at + OffsetCrc;
            System.Array.Copy(ZeroCrcField, 0, slot, c, 4);
            if (Crc32.Compute(slot, at, (used + 15) & ~15) == storedCrc)
            {
                return true;
            }
            slot[c] = (byte)storedCrc;
            slot[c + 1] = (byte)(storedCrc >> 8);
            slot[c + 2] = (byte)(storedCrc >> 16);
            slot[c + 3] = (byte)(storedCrc >> 24);
            return false;
        }

        /// <summary>
        /// Writes the CRC field of a slot whose field <see cref="CrcMatchesLeavingZero"/> left zero:
        /// the CRC that matched is the CRC of these bytes, so the slot is as it was before.
        /// </summary>
        internal static void Reseal(byte[] slot, int at, int used)
        {
            // Seal with nothing past the used bytes to clear: the slot's bytes stay as they are.
            Seal(slot, at, used, used);
        }

        /// <summary>
        /// CRC of slot[at .. at + CoveredLength(used)) with the CRC field read as zero. The field
        /// is zeroed for the computation and put back, so the slot is unchanged. Every slot of every
        /// write and read passes here, so the bytes are saved and restored inline: on the device
        /// each call costs more than the four bytes.
        /// </summary>
        public static uint ComputeCrc(byte[] slot, int at, int used)
        {
            int c = at + OffsetCrc;
            byte b0 = slot[c];
            byte b1 = slot[c + 1];
            byte b2 = slot[c + 2];
            byte b3 = slot[c + 3];
            slot[c] = 0;
            slot[c + 1] = 0;
            slot[c + 2] = 0;
            slot[c + 3] = 0;
            uint crc = Crc32.Compute(slot, at, (used + 15) & ~15);
            slot[c] = b0;
            slot[c + 1] = b1;
            slot[c + 2] = b2;
            slot[c + 3] = b3;
            return crc;
        }
    }
}
