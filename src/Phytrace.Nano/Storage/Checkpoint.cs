using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// The buffer's durable state at one moment: where the oldest live record is (tail) and where
    /// the next record goes (head), as 64-bit event sequences and absolute slot numbers (slot index
    /// = absolute number modulo slot count). Written to one of <see cref="Copies"/> rotating places
    /// at the start of the region, so a torn checkpoint write leaves the previous one intact and no
    /// single sector takes every checkpoint.
    /// </summary>
    public sealed class Checkpoint
    {
        /// <summary>Places for checkpoints; generation g goes to place g mod Copies.</summary>
        public const int Copies = 8;

        /// <summary>
        /// Distance between places: one 4 KiB page each (the SPI flash sector and the OS page), so a
        /// torn checkpoint write cannot touch another place, and slot 0 starts 32 KiB in, aligned
        /// for group writes of up to 32 KiB (unaligned 8 KiB writes cost a third more on Linux).
        /// </summary>
        public const int Stride = 4096;

        /// <summary>Encoded size (a multiple of 16 for flash encryption).</summary>
        public const int Size = 96;

        /// <summary>Where slot 0 starts: after the checkpoint places.</summary>
        public const int SlotsOffset = Copies * Stride;

        private const uint MagicValue = 0x4B43_4E50; // "PNCK" little-endian

        /// <summary>
        /// Region layout version. 1 was pre-release (places 512 bytes apart, slot version 1); a
        /// region of another version is refused, never reformatted.
        /// </summary>
        public const int Version = 2;

        public uint RegionId;
        public int RecordSize;
        public long SlotCount;
        public long Generation;
        public long TailSequence;
        public long TailSlot;
        public long HeadSequence;
        public long HeadSlot;
        public int RemovedInRange;
        public long NewestCapturedAtUnixMicros;
        public bool NewestClockSynced;

        /// <summary>Medium position of the place for generation <paramref name="generation"/>.</summary>
        public static long PlaceOf(long generation)
        {
            return (generation % Copies) * Stride;
        }

        public void CopyFrom(Checkpoint other)
        {
            RegionId = other.RegionId;
            RecordSize = other.RecordSize;
            SlotCount = other.SlotCount;
            Generation = other.Generation;
            TailSequence = other.TailSequence;
            TailSlot = other.TailSlot;
            HeadSequence = other.HeadSequence;
            HeadSlot = other.HeadSlot;
            RemovedInRange = other.RemovedInRange;
            NewestCapturedAtUnixMicros = other.NewestCapturedAtUnixMicros;
            NewestClockSynced = other.NewestClockSynced;
        }

        public void Encode(byte[] b)
        {
            for (int i = 0; i < Size; i++)
            {
                b[i] = 0;
            }
            LittleEndian.WriteUInt32(b, 0, MagicValue);
            b[4] = Version;
            b[5] = NewestClockSynced ? (byte)1 : (byte)0;
            LittleEndian.WriteUInt32(b, 8, RegionId);
            LittleEndian.WriteUInt32(b, 12, (uint)RecordSize);
            LittleEndian.WriteInt64(b, 16, SlotCount);
            LittleEndian.WriteInt64(b, 24, Generation);
            LittleEndian.WriteInt64(b, 32, TailSequence);
            LittleEndian.WriteInt64(b, 40, TailSlot);
            LittleEndian.WriteInt64(b, 48, HeadSequence);
            LittleEndian.WriteInt64(b, 56, HeadSlot);
            LittleEndian.WriteUInt32(b, 64, (uint)RemovedInRange);
            LittleEndian.WriteInt64(b, 68, NewestCapturedAtUnixMicros);
            LittleEndian.WriteUInt32(b, Size - 4, Crc32.Compute(b, 0, Size - 4));
        }

        /// <summary>Has the checkpoint magic (valid or not): tells a damaged region from a blank one.</summary>
        public static bool HasMagic(byte[] b)
        {
            return LittleEndian.ReadUInt32(b, 0) == MagicValue;
        }

        private static bool HasValidCrc(byte[] b)
        {
            return Crc32.Compute(b, 0, Size - 4) == LittleEndian.ReadUInt32(b, Size - 4);
        }

        /// <summary>Decodes b[0..Size); false (and this unchanged) if it is not a valid checkpoint.</summary>
        public bool TryDecode(byte[] b)
        {
            if (!HasMagic(b) || b[4] != Version || !HasValidCrc(b))
            {
                return false;
            }
            long slotCount = LittleEndian.ReadInt64(b, 16);
            long tailSeq = LittleEndian.ReadInt64(b, 32);
            long tailSlot = LittleEndian.ReadInt64(b, 40);
            long headSeq = LittleEndian.ReadInt64(b, 48);
            long headSlot = LittleEndian.ReadInt64(b, 56);
            if (slotCount < 1 || tailSeq < 0 || tailSlot < 0 || headSeq < tailSeq || headSlot < tailSlot || headSlot - tailSlot > slotCount)
            {
                return false;
            }
            RegionId = LittleEndian.ReadUInt32(b, 8);
            RecordSize = (int)LittleEndian.ReadUInt32(b, 12);
            SlotCount = slotCount;
            Generation = LittleEndian.ReadInt64(b, 24);
            TailSequence = tailSeq;
            TailSlot = tailSlot;
            HeadSequence = headSeq;
            HeadSlot = headSlot;
            RemovedInRange = (int)LittleEndian.ReadUInt32(b, 64);
            NewestCapturedAtUnixMicros = LittleEndian.ReadInt64(b, 68);
            NewestClockSynced = b[5] == 1;
            return true;
        }

        /// <summary>
        /// Reads every place and keeps the valid checkpoint with the highest generation in
        /// <paramref name="best"/>. Returns how many places held one; <paramref name="damaged"/>
        /// counts places with the magic but failing checks; <paramref name="otherVersion"/> is the
        /// version of an intact checkpoint of another format version (0 if none). Places past the
        /// medium's end count as empty. <see cref="Copies"/> reads, whatever the region size.
        /// </summary>
        public static int ReadBest(IStorageMedium medium, byte[] scratch, Checkpoint candidate, Checkpoint best, out int damaged, out int otherVersion)
        {
            int found = 0;
            damaged = 0;
            otherVersion = 0;
            for (int place = 0; place < Copies; place++)
            {
                long position = (long)place * Stride;
                if (position + Size > medium.Length)
                {
                    break;
                }
                medium.Read(position, scratch, 0, Size);
                if (candidate.TryDecode(scratch))
                {
                    if (found == 0 || candidate.Generation > best.Generation)
                    {
                        best.CopyFrom(candidate);
                    }
                    found++;
                }
                else if (HasMagic(scratch) && scratch[4] != Version && HasValidCrc(scratch))
                {
                    otherVersion = scratch[4];
                }
                else if (HasMagic(scratch))
                {
                    damaged++;
                }
            }
            return found;
        }
    }
}
