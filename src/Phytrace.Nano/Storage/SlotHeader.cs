namespace Phytrace.Nano.Storage
{
    /// <summary>What a slot holds, as far as its bytes can be trusted.</summary>
    public enum SlotKind
    {
        /// <summary>Not a slot of this region: never written, padding, or left over from an earlier format.</summary>
        Foreign = 0,

        /// <summary>
        /// This region's slot failing its checks (torn write, bit flip): its magic or its region id
        /// matches (one flipped bit cannot break both), but not everything else.
        /// </summary>
        Corrupt = 1,

        /// <summary>A whole, valid slot of this region (whether its record is live is the checkpoint's business).</summary>
        Valid = 2,
    }

    /// <summary>A decoded slot header, reused between reads (no allocation per slot).</summary>
    public sealed class SlotHeader
    {
        // Whether BitConverter reads little-endian words, as on every nanoFramework target and .NET
        // host this runs on: then the read path takes 64-bit header fields with one native read
        // each. Read once, since on the device the property is a native call.
        internal static readonly bool WordReads = System.BitConverter.IsLittleEndian;

        // Word 0 of a header: magic, version, flags First, Last and Sealed (0x0B), chunk length.
        private const long FlagsChunkMask = 0x0000FFFF0BFFFFFFL;

        // Word 3 of a header: total length, part index.
        private const long TotalPartMask = 0x0000FFFFFFFFFFFFL;

        public SlotKind Kind;
        public long Sequence;
        public int TotalLength;
        public int PartIndex;
        public int ChunkLength;
        public bool IsFirst;
        public bool IsLast;
        public bool ClockSynced;

        /// <summary>The slot belongs to a sealed record (ciphertext and tag).</summary>
        public bool IsSealed;

        /// <summary>Slots of padding after this event (the rest of its group's last sector); first slots only.</summary>
        public int PaddingSlots;

        /// <summary>Slots the event occupies (SlotFormat.SlotsFor its total length); valid first slots only.</summary>
        public int Slots;

        public long CapturedAtUnixMicros;

        /// <summary>Offset of the event id inside the slot buffer (first slots only).</summary>
        public int EventIdOffset;

        /// <summary>Offset of the payload chunk inside the slot buffer.</summary>
        public int ChunkOffset;

        /// <summary>Decodes a slot of a plaintext region (see the overload).</summary>
        public void Decode(byte[] slot, int at, int recordSize, uint regionId, int maxEventSize)
        {
            Decode(slot, at, recordSize, regionId, maxEventSize, false);
        }

        /// <summary>
        /// Decodes the slot at slot[at .. at+recordSize). Never throws: anything inconsistent is
        /// <see cref="SlotKind.Corrupt"/>, another region's or blank slot is <see cref="SlotKind.Foreign"/>.
        /// <paramref name="maxStoredLength"/> is the largest stored event (MaxEventSize, plus the tag
        /// in a sealed region). A slot of this region whose sealed flag differs from
        /// <paramref name="sealedRegion"/> is Corrupt: a sealed region's records are never read as
        /// plaintext, nor a plaintext record as sealed.
        /// </summary>
        public void Decode(byte[] slot, int at, int recordSize, uint regionId, int maxStoredLength, bool sealedRegion)
        {
            // Every read of a record decodes each of its slots: the fields are read inline, not
            // through LittleEndian, because on the device each call costs more than the bytes.
            Kind = SlotKind.Foreign;
            bool magic = slot[at + SlotFormat.OffsetMagic] == SlotFormat.Magic0 && slot[at + SlotFormat.OffsetMagic + 1] == SlotFormat.Magic1;
            int r = at + SlotFormat.OffsetRegionId;
            bool ours = (uint)(slot[r] | (slot[r + 1] << 8) | (slot[r + 2] << 16) | (slot[r + 3] << 24)) == regionId;
            if (!magic && !ours)
            {
                return;
            }
            int flags = slot[at + SlotFormat.OffsetFlags];
            IsFirst = (flags & SlotFormat.FlagFirst) != 0;
            IsLast = (flags & SlotFormat.FlagLast) != 0;
            ClockSynced = (flags & SlotFormat.FlagClockUnsynced) == 0;
            IsSealed = (flags & SlotFormat.FlagSealed) != 0;
            int part = slot[at + SlotFormat.OffsetPartIndex] | (slot[at + SlotFormat.OffsetPartIndex + 1] << 8);
            int chunk = slot[at + SlotFormat.OffsetChunkLength] | (slot[at + SlotFormat.OffsetChunkLength + 1] << 8);
            PartIndex = part;
            ChunkLength = chunk;
            PaddingSlots = slot[at + SlotFormat.OffsetPadding] | (slot[at + SlotFormat.OffsetPadding + 1] << 8);
            int t = at + SlotFormat.OffsetTotalLength;
            int total = slot[t] | (slot[t + 1] << 8) | (slot[t + 2] << 16) | (slot[t + 3] << 24);
            TotalLength = total;
            int used = (part == 0 ? SlotFormat.FirstHeaderSize : SlotFormat.ContinuationHeaderSize) + chunk;
            // The CRC's padded run must fit the slot (it covers the header and the whole chunk).
            bool shaped = IsFirst == (part == 0) && total >= 0 && total <= maxStoredLength && ((used + 15) & ~15) <= recordSize;
            if (!shaped)
            {
                // Another region's stale slot of another shape is foreign; ours, or with the magic, damaged.
                Kind = ours ? SlotKind.Corrupt : SlotKind.Foreign;
                return;
            }
            int c = at + SlotFormat.OffsetCrc;
            uint storedCrc = WordReads ? System.BitConverter.ToUInt32(slot, c) : (uint)(slot[c] | (slot[c + 1] << 8) | (slot[c + 2] << 16) | (slot[c + 3] << 24));
            bool sealedRight = SlotFormat.CrcMatches(slot, at, used, storedCrc);
            if (!ours)
            {
                // Intact: another region's slot. Not intact, with our magic: ours with its region id flipped, or damaged stale data.
                Kind = sealedRight ? SlotKind.Foreign : SlotKind.Corrupt;
                return;
            }
            Kind = SlotKind.Corrupt;
            if (!sealedRight || !magic || slot[at + SlotFormat.OffsetVersion] != SlotFormat.Version || IsSealed != sealedRegion)
            {
                return;
            }
            Sequence = WordReads ? System.BitConverter.ToInt64(slot, at + SlotFormat.OffsetSequence) : ReadInt64(slot, at + SlotFormat.OffsetSequence);
            CapturedAtUnixMicros = 0;
            if (IsFirst)
            {
                CapturedAtUnixMicros = WordReads ? System.BitConverter.ToInt64(slot, at + SlotFormat.OffsetCapturedAt) : ReadInt64(slot, at + SlotFormat.OffsetCapturedAt);
                // SlotFormat.SlotsFor, inline: every reader of a record needs it next.
                int firstCapacity = recordSize - SlotFormat.FirstHeaderSize;
                int continuationCapacity = recordSize - SlotFormat.ContinuationHeaderSize;
                Slots = total <= firstCapacity ? 1 : 1 + ((total - firstCapacity + continuationCapacity - 1) / continuationCapacity);
            }
            EventIdOffset = at + SlotFormat.OffsetEventId;
            ChunkOffset = at + used - chunk;
            Kind = SlotKind.Valid;
        }
        // LittleEndian.ReadInt64 without its two calls (each a stack frame on the device).
        private static long ReadInt64(byte[] b, int at)
        {
            uint low = (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
            uint high = (uint)(b[at + 4] | (b[at + 5] << 8) | (b[at + 6] << 16) | (b[at + 7] << 24));
            return (long)low | ((long)high << 32);
        }

        /// <summary>
        /// True if slot[at .. at+recordSize) is, by the rules of <see cref="Decode(byte[], int, int, uint, int, bool)"/>,
        /// a <see cref="SlotKind.Valid"/> slot of this region (sealed or not as the region is) that is
        /// part <paramref name="part"/> (at least 1) of the event with this sequence and total length,
        /// last or not, holding <paramref name="chunkLength"/> bytes (at most the continuation's
        /// capacity; <paramref name="totalLength"/> is the first slot's, already held to the largest
        /// stored event). Exactly what decoding it and comparing the fields would say, read straight
        /// from the bytes: every record of more than one slot is checked this way on each read, and
        /// on the device storing a dozen decoded fields cost more than the comparisons.
        /// </summary>
        public static bool IsContinuation(byte[] slot, int at, uint regionId, bool sealedRegion, long sequence, int totalLength, int part, bool last, int chunkLength)
        {
            if (!WordReads)
            {
                return IsContinuationBytewise(slot, at, regionId, sealedRegion, sequence, totalLength, part, last, chunkLength);
            }
            long storedCrc = ContinuationCrc(slot, at, regionId, sealedRegion, sequence, totalLength, part, last, chunkLength);
            return storedCrc >= 0 && SlotFormat.CrcMatches(slot, at, SlotFormat.ContinuationHeaderSize + chunkLength, (uint)storedCrc);
        }

        /// <summary>
        /// <see cref="IsContinuation"/>'s header test where <see cref="WordReads"/> holds: the slot's
        /// stored CRC (0 to uint.MaxValue) if every field but the CRC is as expected, else -1. The
        /// caller checks the CRC.
        /// </summary>
        internal static long ContinuationCrc(byte[] slot, int at, uint regionId, bool sealedRegion, long sequence, int totalLength, int part, bool last, int chunkLength)
        {
            // The 32-byte header as four little-endian words, one native read each instead of a
            // byte load per byte. Word 0: magic, version, flags (First, Last and Sealed compared),
            // chunk length; the padding count is not compared. An expected chunk length or part
            // outside 16 bits lands in masked-out bits and never matches, as the bytewise test.
            long expected = SlotFormat.Magic0 | (SlotFormat.Magic1 << 8) | (SlotFormat.Version << 16)
                | ((long)((last ? SlotFormat.FlagLast : 0) | (sealedRegion ? SlotFormat.FlagSealed : 0)) << 24) | ((long)chunkLength << 32);
            if ((System.BitConverter.ToInt64(slot, at) & FlagsChunkMask) != expected)
            {
                return -1;
            }
            // Word 1: CRC, region id. Word 2: sequence. Word 3: total length, part index (the reserved bytes not compared).
            long crcAndRegion = System.BitConverter.ToInt64(slot, at + SlotFormat.OffsetCrc);
            if ((uint)(crcAndRegion >> 32) != regionId || System.BitConverter.ToInt64(slot, at + SlotFormat.OffsetSequence) != sequence
                || (System.BitConverter.ToInt64(slot, at + SlotFormat.OffsetTotalLength) & TotalPartMask) != ((uint)totalLength | ((long)part << 32)))
            {
                return -1;
            }
            return (uint)crcAndRegion;
        }

        /// <summary>
        /// <see cref="IsContinuation"/> a byte at a time, for a runtime whose BitConverter is not
        /// little-endian (IsContinuation calls it there); tests hold both forms to decoding.
        /// </summary>
        public static bool IsContinuationBytewise(byte[] slot, int at, uint regionId, bool sealedRegion, long sequence, int totalLength, int part, bool last, int chunkLength)
        {
            int flags = slot[at + SlotFormat.OffsetFlags] & (SlotFormat.FlagFirst | SlotFormat.FlagLast | SlotFormat.FlagSealed);
            int expectedFlags = (last ? SlotFormat.FlagLast : 0) | (sealedRegion ? SlotFormat.FlagSealed : 0);
            if (slot[at + SlotFormat.OffsetMagic] != SlotFormat.Magic0 || slot[at + SlotFormat.OffsetMagic + 1] != SlotFormat.Magic1
                || slot[at + SlotFormat.OffsetVersion] != SlotFormat.Version || flags != expectedFlags
                || (slot[at + SlotFormat.OffsetChunkLength] | (slot[at + SlotFormat.OffsetChunkLength + 1] << 8)) != chunkLength
                || (slot[at + SlotFormat.OffsetPartIndex] | (slot[at + SlotFormat.OffsetPartIndex + 1] << 8)) != part)
            {
                return false;
            }
            int r = at + SlotFormat.OffsetRegionId;
            int t = at + SlotFormat.OffsetTotalLength;
            int s = at + SlotFormat.OffsetSequence;
            if ((uint)(slot[r] | (slot[r + 1] << 8) | (slot[r + 2] << 16) | (slot[r + 3] << 24)) != regionId
                || (slot[t] | (slot[t + 1] << 8) | (slot[t + 2] << 16) | (slot[t + 3] << 24)) != totalLength
                || (uint)(slot[s] | (slot[s + 1] << 8) | (slot[s + 2] << 16) | (slot[s + 3] << 24)) != (uint)sequence
                || (uint)(slot[s + 4] | (slot[s + 5] << 8) | (slot[s + 6] << 16) | (slot[s + 7] << 24)) != (uint)(sequence >> 32))
            {
                return false;
            }
            int c = at + SlotFormat.OffsetCrc;
            uint storedCrc = (uint)(slot[c] | (slot[c + 1] << 8) | (slot[c + 2] << 16) | (slot[c + 3] << 24));
            return SlotFormat.CrcMatches(slot, at, SlotFormat.ContinuationHeaderSize + chunkLength, storedCrc);
        }
    }
}
