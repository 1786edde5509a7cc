using System;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// Read-only view of a buffer image for tools (the CLI): geometry, the newest checkpoint, and
    /// slot-by-slot decoding. Never writes. Live records are the events in [TailSlot, HeadSlot)
    /// whose first slot decodes as <see cref="SlotKind.Valid"/> with a sequence at or after
    /// TailSequence and not in the checkpoint's removed sequences (plus the whole records past
    /// HeadSlot that a mount would recover: sequences from HeadSequence up, below SequenceLimit).
    /// </summary>
    public sealed class BufferInspector
    {
        private readonly IStorageMedium medium;
        private readonly Checkpoint checkpoint = new Checkpoint();
        private readonly byte[] slot;
        private readonly int validCheckpoints;
        private readonly int damagedCheckpoints;

        private BufferInspector(IStorageMedium medium, Checkpoint best, int valid, int damaged)
        {
            this.medium = medium;
            checkpoint.CopyFrom(best);
            validCheckpoints = valid;
            damagedCheckpoints = damaged;
            slot = new byte[best.RecordSize];
        }

        /// <summary>Reads the checkpoints of <paramref name="medium"/>; throws InvalidOperationException if none is valid.</summary>
        public static BufferInspector Open(IStorageMedium medium)
        {
            if (medium == null)
            {
                throw new ArgumentNullException(nameof(medium));
            }
            var best = new Checkpoint();
            int copies;
            int damaged;
            int otherVersion;
            int valid = Checkpoint.ReadBest(medium, new byte[Checkpoint.MaxSize], new Checkpoint(), best, out copies, out damaged, out otherVersion);
            if (valid == 0 && otherVersion != 0)
            {
                throw new InvalidOperationException("a Phytrace.Nano buffer of format version " + otherVersion.ToString()
                    + "; this inspector reads version " + Checkpoint.Version.ToString());
            }
            if (valid == 0 || best.RecordSize < SlotFormat.MinimumRecordSize || !RingGeometry.IsSectorSize(best.SectorSize))
            {
                throw new InvalidOperationException("no valid checkpoint in the first " + Checkpoint.SlotsOffset.ToString()
                    + " bytes: not a Phytrace.Nano buffer image, or every checkpoint is damaged (" + damaged.ToString() + " damaged)");
            }
            return new BufferInspector(medium, best, valid, damaged);
        }

        /// <summary>The newest valid checkpoint (geometry, tail, head).</summary>
        public Checkpoint Checkpoint
        {
            get { return checkpoint; }
        }

        public int RecordSize
        {
            get { return checkpoint.RecordSize; }
        }

        public long SlotCount
        {
            get { return checkpoint.SlotCount; }
        }

        public int ValidCheckpoints
        {
            get { return validCheckpoints; }
        }

        public int DamagedCheckpoints
        {
            get { return damagedCheckpoints; }
        }

        /// <summary>Slots per alignment unit: where a new group may start (see <see cref="RingGeometry"/>).</summary>
        public int AlignmentSlots
        {
            get { return RingGeometry.AlignmentSlots(checkpoint.RecordSize, checkpoint.SectorSize); }
        }

        /// <summary>The bytes of the slot read last (header at 0, chunk at header.ChunkOffset).</summary>
        public byte[] SlotBytes
        {
            get { return slot; }
        }

        /// <summary>Slot index (0 .. SlotCount-1) of an absolute slot number as the checkpoint stores them.</summary>
        public long IndexOf(long absoluteSlot)
        {
            return absoluteSlot % checkpoint.SlotCount;
        }

        /// <summary>Reads and decodes slot <paramref name="index"/> into <paramref name="header"/>; returns its kind.</summary>
        public SlotKind ReadSlot(long index, SlotHeader header)
        {
            if (index < 0 || index >= checkpoint.SlotCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index), "slot index must be in [0, " + checkpoint.SlotCount.ToString() + "), got " + index.ToString());
            }
            medium.Read(Checkpoint.SlotsOffset + (index * checkpoint.RecordSize), slot, 0, checkpoint.RecordSize);
            header.Decode(slot, 0, checkpoint.RecordSize, checkpoint.RegionId, int.MaxValue);
            return header.Kind;
        }
    }
}
