namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// A snapshot of the buffer (the seed's BufferStats). Counters count since this EdgeBuffer
    /// instance was opened; Count, bytes and ages describe the region.
    /// </summary>
    public sealed class BufferStats
    {
        /// <summary>Live events (including the group not yet written).</summary>
        public long Count;

        /// <summary>Bytes of slots holding live events.</summary>
        public long BytesUsed;

        /// <summary>Bytes of all slots.</summary>
        public long CapacityBytes;

        /// <summary>Age of the oldest live event in ms; -1 if empty or not computable (clock or record unsynced).</summary>
        public long OldestAgeMs;

        /// <summary>Age of the newest live event in ms; -1 if empty or not computable.</summary>
        public long NewestAgeMs;

        public long Enqueued;

        /// <summary>Events removed or acknowledged as delivered.</summary>
        public long Removed;

        /// <summary>Events evicted by <see cref="OverflowPolicy.DropOldest"/>.</summary>
        public long Dropped;

        /// <summary>Events refused because the region was full (<see cref="OverflowPolicy.Reject"/>).</summary>
        public long Rejected;

        /// <summary>Events expired in the buffer (older than max_age_hours), dropped from its tail.</summary>
        public long Expired;

        /// <summary>Events refused at Enqueue because they were already older than max_age_hours (<see cref="EnqueueFailure.Expired"/>).</summary>
        public long RefusedExpired;

        /// <summary>Slots skipped because they failed their checks (torn writes, bit flips).</summary>
        public long Corrupt;

        public long MediumErrors;
    }
}
