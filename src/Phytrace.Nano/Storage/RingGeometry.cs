namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// How records and sectors tile the slot area: a sync point's group starts on a sector
    /// boundary and is padded to one, so the ring is counted in alignment units (one sector when
    /// records are smaller, one record when they are larger) and its slot count is a whole number
    /// of units, so that slot 0 after a wrap is aligned too.
    /// </summary>
    public static class RingGeometry
    {
        public const int MinSectorSize = 16;

        /// <summary>The checkpoint places' stride: a larger sector would make two places share one.</summary>
        public const int MaxSectorSize = Checkpoint.Stride;

        /// <summary>True for a power of two from <see cref="MinSectorSize"/> to <see cref="MaxSectorSize"/>.</summary>
        public static bool IsSectorSize(int value)
        {
            return value >= MinSectorSize && value <= MaxSectorSize && (value & (value - 1)) == 0;
        }

        /// <summary>Slots per alignment unit (RecordSize divides SectorSize or is a multiple of it).</summary>
        public static int AlignmentSlots(int recordSize, int sectorSize)
        {
            return recordSize >= sectorSize ? 1 : sectorSize / recordSize;
        }

        /// <summary>Slots of <paramref name="recordSize"/> bytes a region of <paramref name="regionLength"/> bytes holds: whole units after the checkpoints.</summary>
        public static long SlotCountFor(long regionLength, int recordSize, int sectorSize)
        {
            long slots = (regionLength - Checkpoint.SlotsOffset) / recordSize;
            if (slots < 0)
            {
                return 0;
            }
            int unit = AlignmentSlots(recordSize, sectorSize);
            return slots / unit * unit;
        }

        /// <summary><paramref name="slots"/> rounded up to whole units of <paramref name="unit"/> slots.</summary>
        public static long AlignUp(long slots, int unit)
        {
            return (slots + unit - 1) / unit * unit;
        }
    }
}
