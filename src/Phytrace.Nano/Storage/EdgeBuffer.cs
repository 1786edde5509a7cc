using System;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// The durable FIFO of events (the seed's EdgeBuffer): a ring of fixed-size, CRC-checked,
    /// self-describing slots in one preallocated region of a storage medium, with rotating
    /// checkpoints for a bounded mount. See FORMAT.md for the bytes and the recovery rules.
    /// Safe for one producer thread (Enqueue) and one consumer thread (Dequeue, Remove,
    /// AcknowledgeThrough, Flush) at once. The buffer owns the medium and disposes it.
    /// </summary>
    public sealed partial class EdgeBuffer : IDisposable
    {
#if NANOFRAMEWORK_1_0
        private readonly object gate = new object();
#else
        // .NET 9+: `lock` on a Lock object takes half the time of Monitor on an object, and the
        // producer takes this lock once per Enqueue. The device has no Lock type.
        private readonly System.Threading.Lock gate = new System.Threading.Lock();
#endif
        private readonly IStorageMedium medium;
        private readonly IWallClock clock;
        private readonly int recordSize;
        private readonly int sectorSize;
        private readonly int alignSlots;
        private readonly long slotCount;
        private readonly int maxEventSize;
        private readonly int maxEventSlots;
        private readonly int firstCapacity;
        private readonly int continuationCapacity;
        private readonly OverflowPolicy overflow;
        private readonly int syncEvery;
        private readonly int checkpointEvery;
        private readonly long maxAgeMicros;
        private readonly long sequenceReserve;
        private readonly long scanWindowSlots;

        // Encryption at rest (FORMAT.md, Encryption): null for plaintext records. A stored record is
        // its payload, sealed, plus the tag, so slots hold up to storedMaxSize bytes of it.
        private readonly RecordSealer? sealer;
        private readonly IRandomSource? saltSource;
        private readonly int storedMaxSize;
        private long keySalt;

        private readonly byte[] slot;
        private readonly byte[] probe;
        // The region's constant header bytes, where each Enqueue starts its first slot (SlotFormat.EncodeEvent).
        private readonly byte[] slotTemplate = new byte[SlotFormat.TemplateLength];
        private readonly byte[] group;
        private readonly int groupCapacitySlots;
        private readonly byte[] checkpointBytes;
        private readonly Checkpoint checkpoint = new Checkpoint();
        private readonly Checkpoint candidate = new Checkpoint();
        private readonly SlotHeader header = new SlotHeader();
        private readonly BufferStats counters = new BufferStats();
        private readonly RemovedSequences removed = new RemovedSequences();

        private uint regionId;
        private long generation;

        // Written and flushed records lie in [tail, head) (absolute slot numbers; head is aligned).
        // Sequences grow with every record ever handed out and are never reused: nextSequence is
        // the next one, sequenceLimit is the durable bound no written record reaches (FORMAT.md).
        private long headSlot;
        private long nextSequence;
        private long sequenceLimit;
        private long tailSequence;
        private long tailSlot;
        private long durableTailSlot;
        private long liveCount;
        private long newestCapturedAt;
        private bool newestClockSynced;
        private bool hasNewest;

        // The group of records waiting for their sync point (group commit).
        private int groupEvents;
        private int groupSlots;
        private long groupFirstSequence;
        private int groupLastEventSlot;
        private int sinceCheckpoint;
        private bool evictedSinceCheckpoint;

        // While mounting or dequeuing: the absolute slot at group[0] and how many slots were read there (-1: off).
        private long readAheadStart = -1;
        private int readAheadSlots;

        // Where the last Dequeue ended, so acknowledging it needs no reads.
        private long dequeueStartSlot = -1;
        private long dequeueLastSequence = -1;
        private long dequeueEndSlot;
        private long dequeueEndSequence;
        private int dequeueLive;

        private bool disposed;
        private EnqueueFailure lastEnqueueFailure;
        private MediumFailure lastMediumFailure;

        /// <summary>
        /// Opens (mounts) the buffer in <paramref name="medium"/>, formatting it if it holds no
        /// valid checkpoint. The region is the medium's whole length; options.MaxSizeMb sizes the
        /// file a file medium preallocates. With options.EncryptionKey every record is sealed
        /// (ChaCha20-Poly1305). Throws ArgumentException for bad options, InvalidOperationException
        /// if the region was formatted with another geometry or format version, or sealed under
        /// another key, or sealed while no key is given, or plaintext while a key is given;
        /// StorageMediumException if the medium cannot be read.
        /// </summary>
        public EdgeBuffer(IStorageMedium medium, EdgeBufferOptions options, IWallClock clock)
        {
            if (medium == null)
            {
                throw new ArgumentNullException(nameof(medium));
            }
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }
            options.Validate();
            this.medium = medium;
            this.clock = clock;
            recordSize = options.RecordSize;
            sectorSize = options.SectorSize;
            alignSlots = RingGeometry.AlignmentSlots(recordSize, sectorSize);
            maxEventSize = options.MaxEventSize;
            sealer = options.EncryptionKey == null ? null : new RecordSealer(options.EncryptionKey);
            saltSource = options.Random;
            storedMaxSize = sealer == null ? maxEventSize : maxEventSize + RecordSealer.TagSize;
            maxEventSlots = SlotFormat.SlotsFor(storedMaxSize, recordSize);
            firstCapacity = SlotFormat.FirstCapacity(recordSize);
            continuationCapacity = SlotFormat.ContinuationCapacity(recordSize);
            overflow = options.Overflow;
            syncEvery = options.SyncEvery;
            checkpointEvery = options.CheckpointEvery;
            maxAgeMicros = (long)options.MaxAgeHours * 3600L * 1000000L;
            slotCount = RingGeometry.SlotCountFor(medium.Length, recordSize, sectorSize);
            long leastSlots = RingGeometry.AlignUp(maxEventSlots, alignSlots) + alignSlots;
            if (slotCount < leastSlots)
            {
                throw new ArgumentException("medium of " + medium.Length.ToString() + " bytes holds " + slotCount.ToString() + " slots of " + recordSize.ToString()
                    + " bytes in whole sectors of " + sectorSize.ToString() + "; MaxEventSize " + maxEventSize.ToString() + " needs at least "
                    + leastSlots.ToString() + " slots plus " + Checkpoint.SlotsOffset.ToString() + " bytes of checkpoints", nameof(medium));
            }
            slot = new byte[recordSize];
            probe = new byte[recordSize];
            // A group holds SyncEvery records or one largest event, and leaves at least one unit of the ring free.
            int wanted = syncEvery > maxEventSlots ? syncEvery : maxEventSlots;
            groupCapacitySlots = wanted < slotCount - alignSlots ? wanted : (int)(slotCount - alignSlots);
            group = new byte[(int)RingGeometry.AlignUp(groupCapacitySlots, alignSlots) * recordSize];
            checkpointBytes = new byte[(int)RingGeometry.AlignUp(Checkpoint.MaxSize, sectorSize)];
            // Sequences a checkpoint reserves: more than are handed out before the next one is due.
            sequenceReserve = checkpointEvery + groupCapacitySlots + 1;
            // Past the last record found, the next one of the log lies beyond at most one damaged
            // event, its padding and the group that was being written (FORMAT.md, Mount).
            scanWindowSlots = maxEventSlots + RingGeometry.AlignUp(groupCapacitySlots, alignSlots) + alignSlots;
            Mount();
        }

        /// <summary>Bytes per slot.</summary>
        public int RecordSize
        {
            get { return recordSize; }
        }

        /// <summary>Slots in the ring.</summary>
        public long SlotCount
        {
            get { return slotCount; }
        }

        /// <summary>Largest event accepted, in bytes.</summary>
        public int MaxEventSize
        {
            get { return maxEventSize; }
        }

        /// <summary>True when every record is sealed (an EncryptionKey was given and the region is sealed under it).</summary>
        public bool IsSealed
        {
            get { return sealer != null; }
        }

        /// <summary>Bytes of the sector each sync point's records start on and fill.</summary>
        public int SectorSize
        {
            get { return sectorSize; }
        }

        /// <summary>
        /// Live events, including those waiting for their sync point. Exact, except that a record
        /// damaged after it was written (bit rot) counts until a read reaches it, and an empty
        /// buffer counts 0 (FORMAT.md).
        /// </summary>
        public long Count
        {
            get
            {
                lock (gate)
                {
                    return CountLocked();
                }
            }
        }

        /// <summary>Why the last Enqueue returned false (<see cref="EnqueueFailure.None"/> after a success).</summary>
        public EnqueueFailure LastEnqueueFailure
        {
            get { return lastEnqueueFailure; }
        }

        /// <summary>The kind of the last medium error met.</summary>
        public MediumFailure LastMediumFailure
        {
            get { return lastMediumFailure; }
        }

        /// <summary>
        /// Every event with a sequence below this has passed its sync point (written and flushed);
        /// a power cut cannot lose it.
        /// </summary>
        public long SyncedThroughSequence
        {
            get
            {
                lock (gate)
                {
                    return SyncedBound();
                }
            }
        }

        /// <summary>
        /// The sequence the next accepted Enqueue will carry: greater than every sequence ever
        /// written to this region, including records lost in a power cut, and never lower after a
        /// mount than before it. A mount after a cut skips the sequences the last checkpoint had
        /// reserved (at most CheckpointEvery + SyncEvery); a clean Dispose reserves none.
        /// </summary>
        public long NextSequence
        {
            get
            {
                lock (gate)
                {
                    return nextSequence;
                }
            }
        }

        /// <summary>Writes the records waiting for their sync point now; false on a medium error.</summary>
        public bool Sync()
        {
            lock (gate)
            {
                return !disposed && SyncLocked();
            }
        }

        /// <summary>Empties the buffer, durably (the seed's clear). Sequences keep counting up.</summary>
        public void Clear()
        {
            lock (gate)
            {
                ThrowIfDisposed();
                // The waiting group is dropped unwritten; its sequences stay used.
                groupEvents = 0;
                groupSlots = 0;
                tailSlot = headSlot;
                tailSequence = nextSequence;
                liveCount = 0;
                removed.Clear();
                dequeueStartSlot = -1;
                TryWriteCheckpoint(false);
            }
        }

        /// <summary>Fills <paramref name="into"/> with the counters and the region's state. Allocates nothing.</summary>
        public void GetStats(BufferStats into)
        {
            lock (gate)
            {
                TryTrimTail(true);
                into.Count = CountLocked();
                into.BytesUsed = (headSlot + RingGeometry.AlignUp(groupSlots, alignSlots) - tailSlot) * recordSize;
                into.CapacityBytes = slotCount * recordSize;
                into.Enqueued = counters.Enqueued;
                into.Removed = counters.Removed;
                into.Dropped = counters.Dropped;
                into.Rejected = counters.Rejected;
                into.Expired = counters.Expired;
                into.RefusedExpired = counters.RefusedExpired;
                into.Corrupt = counters.Corrupt;
                into.MediumErrors = counters.MediumErrors;
                into.OldestAgeMs = -1;
                into.NewestAgeMs = -1;
                if (into.Count == 0 || !clock.IsSynchronized)
                {
                    return;
                }
                long now = Iso8601Utc.ToUnixMicros(clock.UtcNow);
                if (hasNewest && newestClockSynced)
                {
                    into.NewestAgeMs = (now - newestCapturedAt) / 1000;
                }
                if (tailSlot < headSlot && Inspect(tailSlot, tailSequence) == SlotVerdict.Record && header.ClockSynced)
                {
                    into.OldestAgeMs = (now - header.CapturedAtUnixMicros) / 1000;
                }
                else if (tailSlot == headSlot && groupEvents > 0 && hasNewest && newestClockSynced)
                {
                    into.OldestAgeMs = into.NewestAgeMs;
                }
            }
        }

        /// <summary>The seed's get_stats (allocates the result).</summary>
        public BufferStats GetStats()
        {
            var stats = new BufferStats();
            GetStats(stats);
            return stats;
        }

        /// <summary>Writes the waiting group and the checkpoint, then disposes the medium.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }
                // A clean close reserves no sequences: the next mount continues without a gap.
                if (SyncLocked())
                {
                    TryWriteCheckpoint(true);
                }
                disposed = true;
                medium.Dispose();
            }
        }

        private long CountLocked()
        {
            return liveCount + groupEvents;
        }

        /// <summary>Every record with a sequence below this is written and flushed (or was consumed).</summary>
        private long SyncedBound()
        {
            return groupEvents > 0 ? groupFirstSequence : nextSequence;
        }

        private void ThrowIfDisposed()
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(EdgeBuffer));
            }
        }

        private void NoteMediumError(StorageMediumException e)
        {
            counters.MediumErrors++;
            lastMediumFailure = e.Failure;
        }

        /// <summary>Decodes <see cref="slot"/> into <see cref="header"/> by this region's rules (id, largest stored event, sealed or not).</summary>
        private void DecodeSlot()
        {
            header.Decode(slot, 0, recordSize, regionId, storedMaxSize, sealer != null);
        }

        private long SlotPosition(long absoluteSlot)
        {
            return Checkpoint.SlotsOffset + ((absoluteSlot % slotCount) * recordSize);
        }
    }
}
