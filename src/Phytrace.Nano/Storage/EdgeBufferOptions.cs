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
        /// read past the checkpoint) and costs one extra Write and Flush each time: with SyncEvery 8,
        /// 256 adds 1 sync point in 32 (3 %), where 64 added 1 in 8 (12.5 %) to an SD card's
        /// slowest operation and to the wear of the checkpoint sectors.
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
            if (problems.Length > 0)
            {
                throw new ArgumentException("invalid EdgeBufferOptions: " + problems.Substring(0, problems.Length - 2));
            }
        }
    }
}
