namespace Phytrace.Nano.Storage
{
    /// <summary>What a slot holds, as far as its bytes can be trusted.</summary>
    public enum SlotKind
    {
        /// <summary>Not a slot of this region: never written, or left over from an earlier format.</summary>
        Foreign = 0,

        /// <summary>Has this region's magic but fails its checks (torn write, bit flip).</summary>
        Corrupt = 1,

        /// <summary>A valid slot whose record is live.</summary>
        Live = 2,

        /// <summary>A valid slot whose record was removed out of order.</summary>
        Removed = 3,
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
            if (slot[at + SlotFormat.OffsetMagic] != SlotFormat.Magic0 || slot[at + SlotFormat.OffsetMagic + 1] != SlotFormat.Magic1)
            {
                return;
            }
            if (LittleEndian.ReadUInt32(slot, at + SlotFormat.OffsetRegionId) != regionId)
            {
                // A bit flip in the region id also lands here: the slot is skipped either way.
                return;
            }
            Kind = SlotKind.Corrupt;
            if (slot[at + SlotFormat.OffsetVersion] != SlotFormat.Version)
            {
                return;
            }
            int flags = slot[at + SlotFormat.OffsetFlags];
            IsFirst = (flags & SlotFormat.FlagFirst) != 0;
            IsLast = (flags & SlotFormat.FlagLast) != 0;
            ClockSynced = (flags & SlotFormat.FlagClockUnsynced) == 0;
            PartIndex = LittleEndian.ReadUInt16(slot, at + SlotFormat.OffsetPartIndex);
            ChunkLength = LittleEndian.ReadUInt16(slot, at + SlotFormat.OffsetChunkLength);
            TotalLength = (int)LittleEndian.ReadUInt32(slot, at + SlotFormat.OffsetTotalLength);
            if (IsFirst != (PartIndex == 0) || TotalLength < 0 || TotalLength > maxEventSize)
            {
                return;
            }
            int header = SlotFormat.HeaderSize(PartIndex);
            // The CRC's padded run must fit the slot (it covers the header and the whole chunk).
            if (SlotFormat.CoveredLength(header + ChunkLength) > recordSize)
            {
                return;
            }
            if (SlotFormat.ComputeCrc(slot, at, header + ChunkLength) != LittleEndian.ReadUInt32(slot, at + SlotFormat.OffsetCrc))
            {
                return;
            }
            int state = slot[at + SlotFormat.OffsetState];
            if (state != SlotFormat.StateLive && state != SlotFormat.StateRemoved)
            {
                return;
            }
            Sequence = LittleEndian.ReadInt64(slot, at + SlotFormat.OffsetSequence);
            CapturedAtUnixMicros = IsFirst ? LittleEndian.ReadInt64(slot, at + SlotFormat.OffsetCapturedAt) : 0;
            EventIdOffset = at + SlotFormat.OffsetEventId;
            ChunkOffset = at + header;
            Kind = state == SlotFormat.StateLive ? SlotKind.Live : SlotKind.Removed;
        }
    }
}
