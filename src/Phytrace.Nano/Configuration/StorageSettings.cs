using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Where and how the EdgeBuffer keeps events: a preallocated ring file on the SD card (D:\) or
    /// on internal flash (I:\), cut into fixed-size records, synced every few records.
    /// </summary>
    public sealed class StorageSettings
    {
        /// <summary>SD card, slot 0 (FatFs: every Write is followed by a sync, so writes are grouped).</summary>
        public const string SdCardDrive = "D:\\";

        /// <summary>SD card, slot 1.</summary>
        public const string SecondSdCardDrive = "E:\\";

        /// <summary>Internal flash (LittleFS: data in a file left open can be lost on reset).</summary>
        public const string InternalFlashDrive = "I:\\";

        /// <summary>When full, Enqueue returns false and the event is counted as dropped (the seed's behaviour).</summary>
        public const string OverflowReject = "reject";

        /// <summary>When full, the oldest records are evicted (and counted) to make room.</summary>
        public const string OverflowDropOldest = "drop_oldest";

        /// <summary>Smallest and largest record (slot) size, in bytes.</summary>
        public const int MinRecordSize = 64;
        public const int MaxRecordSize = 8192;

        /// <summary>Drive holding the ring file: <see cref="SdCardDrive"/> or <see cref="InternalFlashDrive"/>.</summary>
        public string Drive = SdCardDrive;

        /// <summary>Full path of the ring file, on <see cref="Drive"/>.</summary>
        public string FilePath = "D:\\phytrace\\events.ring";

        /// <summary>Size of the ring file in MB (the seed's max_size_mb); preallocated, never grows.</summary>
        public int MaxSizeMb = 1000;

        /// <summary>Records older than this are expired once the wall clock is valid (the seed's max_age_hours).</summary>
        public int MaxAgeHours = 168;

        /// <summary>Size of one record slot in bytes: a multiple of 16 (ESP32 flash encryption writes 16-byte blocks).</summary>
        public int RecordSize = 256;

        /// <summary>Group commit: the buffer syncs after this many records...</summary>
        public int SyncEveryRecords = 16;

        /// <summary>...or after this many milliseconds with unsynced records, whichever comes first.</summary>
        public int SyncIntervalMs = 1000;

        /// <summary>
        /// A checkpoint (two small writes) at least every this many records; acknowledgements write
        /// one anyway. Bounds how far a mount scans after a power cut, and how many sequence
        /// numbers it skips (FORMAT.md); fewer costs more writes and checkpoint wear.
        /// </summary>
        public int CheckpointEveryRecords = 256;

        /// <summary>
        /// The medium's sector in bytes: each sync point's records start on one and fill whole ones,
        /// so a power cut that lands an SD card's sectors out of order never touches synced records.
        /// 512 for SD cards; on internal flash (LittleFS commits a file whole at each sync) 16 packs
        /// records without padding. A power of two from 16 to 4096 that record_size divides or is a
        /// multiple of.
        /// </summary>
        public int SectorSizeBytes = 512;

        /// <summary><see cref="OverflowReject"/> (default) or <see cref="OverflowDropOldest"/>.</summary>
        public string OverflowPolicy = OverflowReject;

        /// <summary>True when the ring lives on an SD card (and so needs the SD wiring).</summary>
        public bool IsOnSdCard
        {
            get { return Drive == SdCardDrive || Drive == SecondSdCardDrive; }
        }

        /// <summary>Ring size in bytes.</summary>
        public long MaxSizeBytes
        {
            get { return (long)MaxSizeMb * 1024L * 1024L; }
        }

        /// <summary>
        /// True on internal flash: LittleFS keeps written data in the C library's buffer until the
        /// file is closed, so the ring file is closed (and reopened) at every sync point there.
        /// </summary>
        public bool ReopenAtSyncPoints
        {
            get { return Drive == InternalFlashDrive; }
        }

        /// <summary>
        /// The folders between the drive and the ring file, outermost first ("D:\a", "D:\a\b" for
        /// "D:\a\b\events.ring"): nanoFramework's Directory.CreateDirectory makes one level at a time.
        /// </summary>
        public string[] FoldersOfFilePath()
        {
            int count = 0;
            for (int i = Drive.Length; i < FilePath.Length; i++)
            {
                if (TextChars.OutsideSurrogates(FilePath, i) == '\\') // a surrogate is no separator either way
                {
                    count++;
                }
            }
            var folders = new string[count];
            int next = 0;
            for (int i = Drive.Length; i < FilePath.Length; i++)
            {
                if (TextChars.OutsideSurrogates(FilePath, i) == '\\')
                {
                    folders[next++] = FilePath.Substring(0, i);
                }
            }
            return folders;
        }

        internal void Validate(ConfigProblems problems)
        {
            bool knownDrive = Drive == SdCardDrive || Drive == SecondSdCardDrive || Drive == InternalFlashDrive;
            if (!knownDrive)
            {
                problems.Add(ConfigText.Problem("storage.drive", ConfigText.Quote(Drive), "\"D:\\\" (SD card), \"E:\\\" (second SD slot) or \"I:\\\" (internal flash)"));
            }
            if (FilePath == null || Drive == null || !FilePath.StartsWith(Drive) || FilePath.Length <= Drive.Length)
            {
                problems.Add(ConfigText.Problem("storage.file_path", ConfigText.Quote(FilePath), "a file on storage.drive " + ConfigText.Quote(Drive) + ", such as " + ConfigText.Quote((Drive ?? SdCardDrive) + "phytrace\\events.ring")));
            }
            if (MaxSizeMb < 1 || MaxSizeMb > 65536)
            {
                problems.Add(ConfigText.Problem("storage.max_size_mb", MaxSizeMb.ToString(), "1 to 65536 MB"));
            }
            if (MaxAgeHours < 1 || MaxAgeHours > 87600)
            {
                problems.Add(ConfigText.Problem("storage.max_age_hours", MaxAgeHours.ToString(), "1 to 87600 hours (ten years)"));
            }
            bool recordSizeValid = RecordSize >= MinRecordSize && RecordSize <= MaxRecordSize && RecordSize % 16 == 0;
            if (!recordSizeValid)
            {
                problems.Add(ConfigText.Problem("storage.record_size", RecordSize.ToString() + " bytes", "a multiple of 16 from 64 to 8192 bytes"));
            }
            if (SyncEveryRecords < 1 || SyncEveryRecords > 4096)
            {
                problems.Add(ConfigText.Problem("storage.sync_every_records", SyncEveryRecords.ToString(), "1 to 4096 records per sync"));
            }
            if (CheckpointEveryRecords < 1 || CheckpointEveryRecords > 65536)
            {
                problems.Add(ConfigText.Problem("storage.checkpoint_every_records", CheckpointEveryRecords.ToString(), "1 to 65536 records per checkpoint"));
            }
            if (!RingGeometry.IsSectorSize(SectorSizeBytes))
            {
                problems.Add(ConfigText.Problem("storage.sector_size_bytes", SectorSizeBytes.ToString(), "a power of two from 16 to 4096 bytes (512 for SD cards)"));
            }
            else if (recordSizeValid && RecordSize % SectorSizeBytes != 0 && SectorSizeBytes % RecordSize != 0)
            {
                problems.Add(ConfigText.Problem("storage.sector_size_bytes", SectorSizeBytes.ToString() + " with storage.record_size " + RecordSize.ToString(),
                    "a sector that record_size divides or is a multiple of (records tile sectors), such as " + (RecordSize < 512 ? "a record_size of 64, 128 or 256 with 512" : "512")));
            }
            if (SyncIntervalMs < 0 || SyncIntervalMs > 600000)
            {
                problems.Add(ConfigText.Problem("storage.sync_interval_ms", SyncIntervalMs.ToString(), "0 to 600000 ms"));
            }
            if (OverflowPolicy != OverflowReject && OverflowPolicy != OverflowDropOldest)
            {
                problems.Add(ConfigText.Problem("storage.overflow_policy", ConfigText.Quote(OverflowPolicy), "\"reject\" or \"drop_oldest\""));
            }
        }
    }
}
