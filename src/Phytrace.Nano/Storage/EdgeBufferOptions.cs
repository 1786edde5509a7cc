using System;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// EdgeBuffer settings with the seed's defaults (max_size_mb 1000, max_age_hours 168,
    /// encryption_key None). <see cref="Validate"/> names every bad field and what was expected.
    /// </summary>
    public sealed class EdgeBufferOptions
    {
        /// <summary>Size of the region a file medium preallocates, in MiB (seed: max_size_mb = 1000).</summary>
        public int MaxSizeMb = 1000;

        /// <summary>Records older than this are expired when the wall clock is synchronised (seed: max_age_hours = 168).</summary>
        public int MaxAgeHours = 168;

        /// <summary>Bytes per slot: a multiple of 16 (flash encryption writes 16-byte blocks), at least 64.</summary>
        public int RecordSize = 256;

        /// <summary>Largest event accepted, in bytes; larger ones are refused with ArgumentException.</summary>
        public int MaxEventSize = 16384;

        /// <summary>
        /// The medium's sector (or page) in bytes: the unit an SD card may land out of order, or
        /// lose whole, at a power cut. Each sync point's records start on a sector boundary and
        /// fill whole sectors (zero padding), so a sector holding synced records is never written
        /// again until the ring wraps around to it. 512 for SD cards and most files; a power of two
        /// from 16 to 4096, and RecordSize must divide it or be a multiple of it. Smaller values pack
        /// records tighter but void that guarantee on media whose sectors are larger (LittleFS
        /// commits whole files at a sync, so 16 is safe there). See FORMAT.md for what the padding costs.
        /// </summary>
        public int SectorSize = 512;

        /// <summary>What happens when the region is full.</summary>
        public OverflowPolicy Overflow = OverflowPolicy.Reject;

        /// <summary>
        /// Records per sync point. 1: every Enqueue is durable when it returns. N: records are
        /// grouped in RAM and written with one Write call and one Flush (group commit); a power cut
        /// can lose the group not yet written. Dequeue, Sync and Dispose write the group early.
        /// </summary>
        public int SyncEvery = 1;

        /// <summary>
        /// A checkpoint is written at least every this many records; acknowledge, Remove and Clear
        /// write one at once. It bounds the mount scan (at most CheckpointEvery + SyncEvery records
        /// read past the checkpoint) and the sequence numbers skipped by a mount after a power cut,
        /// and costs two extra Writes (two copies) and a Flush each time: with SyncEvery 8, 256 adds
        /// 1 checkpoint per 32 sync points, where 64 added 1 in 8 to an SD card's slowest operation
        /// and to the wear of the checkpoint sectors.
        /// </summary>
        public int CheckpointEvery = 256;

        /// <summary>Seed's encryption_key: not implemented yet, a non-null key is refused.</summary>
        public byte[]? EncryptionKey;

        /// <summary>Region size in bytes implied by <see cref="MaxSizeMb"/>.</summary>
        public long RegionBytes
        {
            get { return (long)MaxSizeMb * 1024L * 1024L; }
        }

        /// <summary>Throws ArgumentException naming every bad field, or NotSupportedException for an encryption key.</summary>
        public void Validate()
        {
            if (EncryptionKey != null)
            {
                throw new NotSupportedException("EdgeBufferOptions.EncryptionKey: encryption at rest is not implemented yet; pass null (events would otherwise be stored in plaintext)");
            }
            string problems = string.Empty;
            if (MaxSizeMb < 1)
            {
                problems += "MaxSizeMb must be at least 1, got " + MaxSizeMb.ToString() + "; ";
            }
            if (MaxAgeHours < 1)
            {
                problems += "MaxAgeHours must be at least 1, got " + MaxAgeHours.ToString() + "; ";
            }
            if (RecordSize < SlotFormat.MinimumRecordSize || RecordSize % 16 != 0 || RecordSize > 65536)
            {
                problems += "RecordSize must be a multiple of 16 between 64 and 65536, got " + RecordSize.ToString() + "; ";
            }
            if (MaxEventSize < 1)
            {
                problems += "MaxEventSize must be at least 1, got " + MaxEventSize.ToString() + "; ";
            }
            if (SyncEvery < 1)
            {
                problems += "SyncEvery must be at least 1, got " + SyncEvery.ToString() + "; ";
            }
            if (CheckpointEvery < 1)
            {
                problems += "CheckpointEvery must be at least 1, got " + CheckpointEvery.ToString() + "; ";
            }
            if (!RingGeometry.IsSectorSize(SectorSize))
            {
                problems += "SectorSize must be a power of two from " + RingGeometry.MinSectorSize.ToString() + " to " + RingGeometry.MaxSectorSize.ToString()
                    + " bytes, got " + SectorSize.ToString() + "; ";
            }
            else if (RecordSize > 0 && RecordSize % SectorSize != 0 && SectorSize % RecordSize != 0)
            {
                problems += "RecordSize must divide SectorSize or be a multiple of it (records must tile sectors), got RecordSize "
                    + RecordSize.ToString() + " with SectorSize " + SectorSize.ToString() + "; ";
            }
            if (problems.Length > 0)
            {
                throw new ArgumentException("invalid EdgeBufferOptions: " + problems.Substring(0, problems.Length - 2));
            }
        }
    }
}
