namespace Phytrace.Nano.Storage
{
    /// <summary>Why the last Enqueue returned false.</summary>
    public enum EnqueueFailure
    {
        /// <summary>The last Enqueue succeeded.</summary>
        None = 0,

        /// <summary>The region is full and the policy is <see cref="OverflowPolicy.Reject"/>.</summary>
        Full = 1,

        /// <summary>The medium failed (card pulled, disk full, read-only, I/O error); see LastMediumFailure.</summary>
        MediumError = 2,

        /// <summary>The buffer was disposed.</summary>
        Closed = 3,

        /// <summary>
        /// The event was already older than max_age_hours when it arrived (its capture time and the
        /// wall clock both synchronised): storing it would only expire it. Counted in BufferStats.RefusedExpired.
        /// </summary>
        Expired = 4,
    }
}
