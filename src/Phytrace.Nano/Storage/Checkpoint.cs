using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// The buffer's durable state at one moment: where the oldest live record is (tail) and where
    /// the next record goes (head), as 64-bit event sequences and absolute slot numbers (slot index
    /// = absolute number modulo slot count); the live count, the records removed out of order, and
    /// the sequence limit (no record with a sequence at or above it was ever written). Each
    /// generation is written to two of <see cref="Places"/> places a page apart, so one damaged
    /// copy never takes the buffer back to an older generation, and a torn write leaves the
    /// previous generations intact.
    /// </summary>
    public sealed class Checkpoint
    {
        /// <summary>Places for checkpoints: generation g goes to places 2(g mod 4) and 2(g mod 4) + 1.</summary>
        public const int Places = 8;

        /// <summary>Places per generation: one flipped bit leaves the other.</summary>
        public const int CopiesPerGeneration = 2;

        /// <summary>
        /// Distance between places: one 4 KiB page each (the SPI flash sector, the OS page, eight SD
        /// sectors), so a torn or unreadable checkpoint write cannot touch another place, and slot 0
        /// starts 32 KiB in, sector- and page-aligned.
        /// </summary>
        public const int Stride = 4096;

        /// <summary>Where slot 0 starts: after the checkpoint places.</summary>
        public const int SlotsOffset = Places * Stride;

        /// <summary>Bytes before the removed sequences (a multiple of 16).</summary>
        public const int FixedSize = 112;

        /// <summary>Bytes of a place read first: a checkpoint without removed sequences (and a version-2 one, 96 bytes).</summary>
        public const int FirstRead = ((FixedSize + 4 + 15) / 16) * 16;

        /// <summary>Largest encoded checkpoint: all removed sequences held (a multiple of 16).</summary>
        public const int MaxSize = ((FixedSize + (RemovedSequences.Capacity * 8) + 4 + 15) / 16) * 16;

        private const uint MagicValue = 0x4B43_4E50; // "PNCK" little-endian

        /// <summary>
        /// Region layout version. 2 marked removals in the slots and kept one copy per generation,
        /// 1 was pre-release; a region of another version is refused, never reformatted.
        /// </summary>
        public const int Version = 3;

        private const int FlagNewestClockSynced = 1;

        public uint RegionId;
        public int RecordSize;
        public long SlotCount;
        public int SectorSize;
        public long Generation;
        public long TailSequence;
        public long TailSlot;
        public long HeadSequence;
        public long HeadSlot;
        public long SequenceLimit;
        public long LiveCount;
        public long NewestCapturedAtUnixMicros;
        public bool NewestClockSynced;

        /// <summary>
        /// Slots past the last record found that a mount looks through after damage: the writer's
        /// largest event, group buffer and one alignment unit (its options may differ from the next
        /// mount's, and it is its group that was in flight).
        /// </summary>
        public int ScanWindowSlots;

        /// <summary>
        /// Id of the key the region's records are sealed under (KeyDerivation.KeyId), or 0 for a
        /// region of plaintext records. Fixed when the region is formatted.
        /// </summary>
        public uint KeyId;

        /// <summary>
        /// Random salt of a sealed region, drawn when it is formatted: with the region id, the
        /// context its record key is derived under (FORMAT.md, Encryption). 0 in a plaintext region.
        /// </summary>
        public long KeySalt;

        public readonly RemovedSequences Removed = new RemovedSequences();

        /// <summary>Medium position of copy <paramref name="copy"/> (0 or 1) of generation <paramref name="generation"/>.</summary>
        public static long PlaceOf(long generation, int copy)
        {
            return (((generation % (Places / CopiesPerGeneration)) * CopiesPerGeneration) + copy) * Stride;
        }

        /// <summary>Bytes this checkpoint encodes to (a multiple of 16).</summary>
        public int EncodedLength
        {
            get { return EncodedLengthFor(Removed.Count); }
        }

        private static int EncodedLengthFor(int removed)
        {
            return ((FixedSize + (removed * 8) + 4 + 15) / 16) * 16;
        }

        public void CopyFrom(Checkpoint other)
        {
            RegionId = other.RegionId;
            RecordSize = other.RecordSize;
            SlotCount = other.SlotCount;
            SectorSize = other.SectorSize;
            Generation = other.Generation;
            TailSequence = other.TailSequence;
            TailSlot = other.TailSlot;
            HeadSequence = other.HeadSequence;
            HeadSlot = other.HeadSlot;
            SequenceLimit = other.SequenceLimit;
            LiveCount = other.LiveCount;
            NewestCapturedAtUnixMicros = other.NewestCapturedAtUnixMicros;
            NewestClockSynced = other.NewestClockSynced;
            ScanWindowSlots = other.ScanWindowSlots;
            KeyId = other.KeyId;
            KeySalt = other.KeySalt;
            Removed.CopyFrom(other.Removed);
        }

        /// <summary>
        /// Encodes into b[0 .. <paramref name="writeLength"/>): the checkpoint, then zeros up to
        /// writeLength (a whole number of sectors, so a write never leaves part of a sector to the
        /// medium's read-modify-write). Returns the encoded length.
        /// </summary>
        public int Encode(byte[] b, int writeLength)
        {
            int length = EncodedLength;
            System.Array.Clear(b, 0, writeLength);
            LittleEndian.WriteUInt32(b, 0, MagicValue);
            b[4] = Version;
            b[5] = NewestClockSynced ? (byte)FlagNewestClockSynced : (byte)0;
            LittleEndian.WriteUInt16(b, 6, length);
            LittleEndian.WriteUInt32(b, 8, RegionId);
            LittleEndian.WriteUInt32(b, 12, (uint)RecordSize);
            LittleEndian.WriteInt64(b, 16, SlotCount);
            LittleEndian.WriteInt64(b, 24, Generation);
            LittleEndian.WriteInt64(b, 32, TailSequence);
            LittleEndian.WriteInt64(b, 40, TailSlot);
            LittleEndian.WriteInt64(b, 48, HeadSequence);
            LittleEndian.WriteInt64(b, 56, HeadSlot);
            LittleEndian.WriteInt64(b, 64, SequenceLimit);
            LittleEndian.WriteInt64(b, 72, LiveCount);
            LittleEndian.WriteInt64(b, 80, NewestCapturedAtUnixMicros);
            LittleEndian.WriteUInt32(b, 88, (uint)SectorSize);
            LittleEndian.WriteUInt16(b, 92, Removed.Count);
            LittleEndian.WriteUInt32(b, 96, (uint)ScanWindowSlots);
            LittleEndian.WriteUInt32(b, 100, KeyId);
            LittleEndian.WriteInt64(b, 104, KeySalt);
            // 94..95 stay zero: reserved.
            for (int i = 0; i < Removed.Count; i++)
            {
                LittleEndian.WriteInt64(b, FixedSize + (i * 8), Removed[i]);
            }
            LittleEndian.WriteUInt32(b, length - 4, Crc32.Compute(b, 0, length - 4));
            return length;
        }

        /// <summary>Has the checkpoint magic (valid or not): tells a damaged place from a blank one.</summary>
        public static bool HasMagic(byte[] b)
        {
            return LittleEndian.ReadUInt32(b, 0) == MagicValue;
        }

        /// <summary>The encoded length b claims, if it is one a checkpoint can have; else 0.</summary>
        private static int ClaimedLength(byte[] b)
        {
            int length = LittleEndian.ReadUInt16(b, 6);
            return length >= EncodedLengthFor(0) && length <= MaxSize && length % 16 == 0 ? length : 0;
        }

        private static bool HasValidCrc(byte[] b)
        {
            int length = ClaimedLength(b);
            return length > 0 && Crc32.Compute(b, 0, length - 4) == LittleEndian.ReadUInt32(b, length - 4);
        }

        /// <summary>Decodes b[0..its encoded length); false (and this unchanged) if it is not a valid checkpoint of this version.</summary>
        public bool TryDecode(byte[] b)
        {
            if (!HasMagic(b) || b[4] != Version || !HasValidCrc(b))
            {
                return false;
            }
            int length = ClaimedLength(b);
            int removed = LittleEndian.ReadUInt16(b, 92);
            long slotCount = LittleEndian.ReadInt64(b, 16);
            long tailSeq = LittleEndian.ReadInt64(b, 32);
            long tailSlot = LittleEndian.ReadInt64(b, 40);
            long headSeq = LittleEndian.ReadInt64(b, 48);
            long headSlot = LittleEndian.ReadInt64(b, 56);
            long limit = LittleEndian.ReadInt64(b, 64);
            long live = LittleEndian.ReadInt64(b, 72);
            long window = LittleEndian.ReadUInt32(b, 96);
            if (window < 1 || window > slotCount + 1 || removed > RemovedSequences.Capacity || EncodedLengthFor(removed) != length || slotCount < 1 || tailSeq < 0 || tailSlot < 0
                || headSeq < tailSeq || headSlot < tailSlot || headSlot - tailSlot > slotCount || limit < headSeq || live < 0 || live > headSlot - tailSlot)
            {
                return false;
            }
            long previous = tailSeq - 1;
            for (int i = 0; i < removed; i++)
            {
                long sequence = LittleEndian.ReadInt64(b, FixedSize + (i * 8));
                if (sequence <= previous || sequence >= headSeq)
                {
                    return false;
                }
                previous = sequence;
            }
            RegionId = LittleEndian.ReadUInt32(b, 8);
            RecordSize = (int)LittleEndian.ReadUInt32(b, 12);
            SlotCount = slotCount;
            SectorSize = (int)LittleEndian.ReadUInt32(b, 88);
            Generation = LittleEndian.ReadInt64(b, 24);
            TailSequence = tailSeq;
            TailSlot = tailSlot;
            HeadSequence = headSeq;
            HeadSlot = headSlot;
            SequenceLimit = limit;
            LiveCount = live;
            NewestCapturedAtUnixMicros = LittleEndian.ReadInt64(b, 80);
            NewestClockSynced = (b[5] & FlagNewestClockSynced) != 0;
            ScanWindowSlots = (int)window;
            KeyId = LittleEndian.ReadUInt32(b, 100);
            KeySalt = LittleEndian.ReadInt64(b, 104);
            Removed.Clear();
            for (int i = 0; i < removed; i++)
            {
                Removed.Add(LittleEndian.ReadInt64(b, FixedSize + (i * 8)));
            }
            return true;
        }

        /// <summary>
        /// Reads every place and keeps the valid checkpoint with the highest generation in
        /// <paramref name="best"/>. Returns how many places held one; <paramref name="bestCopies"/>
        /// is how many of them hold the best generation; <paramref name="damaged"/> counts places
        /// with the magic but failing checks, or unreadable (a sector lost to a cut);
        /// <paramref name="otherVersion"/> is the version of an intact checkpoint of another
        /// format version (0 if none). <see cref="Places"/> reads, whatever the region size.
        /// Throws StorageMediumException if the medium is gone (every place unreadable).
        /// </summary>
        public static int ReadBest(IStorageMedium medium, byte[] scratch, Checkpoint candidate, Checkpoint best,
            out int bestCopies, out int damaged, out int otherVersion)
        {
            int found = 0;
            int unreadable = 0;
            StorageMediumException? lastError = null;
            bestCopies = 0;
            damaged = 0;
            otherVersion = 0;
            for (int place = 0; place < Places; place++)
            {
                long position = (long)place * Stride;
                if (position + MaxSize > medium.Length)
                {
                    break;
                }
                try
                {
                    // The header first; the removed sequences after it only if there are any, so a
                    // place's later sectors matter only when it holds a long checkpoint.
                    ReadInto(medium, position, scratch, 0, FirstRead);
                    int length = HasMagic(scratch) ? ClaimedLength(scratch) : 0;
                    if (length > FirstRead)
                    {
                        ReadInto(medium, position + FirstRead, scratch, FirstRead, length - FirstRead);
                    }
                }
                catch (StorageMediumException e)
                {
                    // One place's sector may be unreadable after a cut; the others decide.
                    unreadable++;
                    lastError = e;
                    continue;
                }
                if (candidate.TryDecode(scratch))
                {
                    if (found == 0 || candidate.Generation > best.Generation)
                    {
                        best.CopyFrom(candidate);
                        bestCopies = 1;
                    }
                    else if (candidate.Generation == best.Generation)
                    {
                        bestCopies++;
                    }
                    found++;
                }
                else if (HasMagic(scratch) && scratch[4] != Version && IsIntactOtherVersion(scratch))
                {
                    otherVersion = scratch[4];
                }
                else if (HasMagic(scratch) || IsDamagedCheckpoint(scratch))
                {
                    damaged++;
                }
            }
            if (lastError != null && unreadable == Places)
            {
                throw lastError;
            }
            damaged += unreadable;
            return found;
        }

        /// <summary>Reads count bytes; what a short read leaves is zeroed.</summary>
        private static void ReadInto(IStorageMedium medium, long position, byte[] b, int offset, int count)
        {
            int read = medium.Read(position, b, offset, count);
            for (int i = offset + (read < 0 ? 0 : read); i < offset + count; i++)
            {
                b[i] = 0;
            }
        }

        /// <summary>
        /// A checkpoint of another format version that passes that version's CRC (version 1 and 2
        /// checkpoints were 96 bytes with the CRC at 92; later versions carry their length at 6).
        /// </summary>
        private static bool IsIntactOtherVersion(byte[] b)
        {
            if (b[4] < Version)
            {
                return Crc32.Compute(b, 0, 92) == LittleEndian.ReadUInt32(b, 92);
            }
            return HasValidCrc(b);
        }

        /// <summary>A place whose magic was hit but whose body still reads as this version's checkpoint header.</summary>
        private static bool IsDamagedCheckpoint(byte[] b)
        {
            return b[4] == Version && ClaimedLength(b) > 0 && LittleEndian.ReadUInt32(b, 12) != 0;
        }
    }
}
