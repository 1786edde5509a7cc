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
        public SlotKind Kind;
        public long Sequence;
        public int TotalLength;
        public int PartIndex;
        public int ChunkLength;
        public bool IsFirst;
        public bool IsLast;
        public bool ClockSynced;

        /// <summary>Slots of padding after this event (the rest of its group's last sector); first slots only.</summary>
        public int PaddingSlots;

        public long CapturedAtUnixMicros;

        /// <summary>Offset of the event id inside the slot buffer (first slots only).</summary>
        public int EventIdOffset;

        /// <summary>Offset of the payload chunk inside the slot buffer.</summary>
        public int ChunkOffset;

        /// <summary>
        /// Decodes the slot at slot[at .. at+recordSize). Never throws: anything inconsistent is
        /// <see cref="SlotKind.Corrupt"/>, another region's or blank slot is <see cref="SlotKind.Foreign"/>.
        /// </summary>
        public void Decode(byte[] slot, int at, int recordSize, uint regionId, int maxEventSize)
        {
            Kind = SlotKind.Foreign;
            bool magic = slot[at + SlotFormat.OffsetMagic] == SlotFormat.Magic0 && slot[at + SlotFormat.OffsetMagic + 1] == SlotFormat.Magic1;
            bool ours = LittleEndian.ReadUInt32(slot, at + SlotFormat.OffsetRegionId) == regionId;
            if (!magic && !ours)
            {
                return;
            }
            int flags = slot[at + SlotFormat.OffsetFlags];
            IsFirst = (flags & SlotFormat.FlagFirst) != 0;
            IsLast = (flags & SlotFormat.FlagLast) != 0;
            ClockSynced = (flags & SlotFormat.FlagClockUnsynced) == 0;
            PartIndex = LittleEndian.ReadUInt16(slot, at + SlotFormat.OffsetPartIndex);
            ChunkLength = LittleEndian.ReadUInt16(slot, at + SlotFormat.OffsetChunkLength);
            PaddingSlots = LittleEndian.ReadUInt16(slot, at + SlotFormat.OffsetPadding);
            TotalLength = (int)LittleEndian.ReadUInt32(slot, at + SlotFormat.OffsetTotalLength);
            int header = SlotFormat.HeaderSize(PartIndex);
            // The CRC's padded run must fit the slot (it covers the header and the whole chunk).
            bool shaped = IsFirst == (PartIndex == 0) && TotalLength >= 0 && TotalLength <= maxEventSize
                && SlotFormat.CoveredLength(header + ChunkLength) <= recordSize;
            if (!shaped)
            {
                // Another region's stale slot of another shape is foreign; ours, or with the magic, damaged.
                Kind = ours ? SlotKind.Corrupt : SlotKind.Foreign;
                return;
            }
            bool sealedRight = SlotFormat.ComputeCrc(slot, at, header + ChunkLength) == LittleEndian.ReadUInt32(slot, at + SlotFormat.OffsetCrc);
            if (!ours)
            {
                // Intact: another region's slot. Not intact, with our magic: ours with its region id flipped, or damaged stale data.
                Kind = sealedRight ? SlotKind.Foreign : SlotKind.Corrupt;
                return;
            }
            Kind = SlotKind.Corrupt;
            if (!sealedRight || !magic || slot[at + SlotFormat.OffsetVersion] != SlotFormat.Version)
            {
                return;
            }
            Sequence = LittleEndian.ReadInt64(slot, at + SlotFormat.OffsetSequence);
            CapturedAtUnixMicros = IsFirst ? LittleEndian.ReadInt64(slot, at + SlotFormat.OffsetCapturedAt) : 0;
            EventIdOffset = at + SlotFormat.OffsetEventId;
            ChunkOffset = at + header;
            Kind = SlotKind.Valid;
        }
    }
}
