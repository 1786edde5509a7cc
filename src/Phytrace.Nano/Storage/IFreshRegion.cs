namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// Implemented by a medium that knows its region was just created, so that what it holds is
    /// whatever the storage had there before: FatFs extends a file with clusters it does not clear,
    /// and those may hold random bytes or a deleted ring's valid checkpoints and records (of another
    /// size, another format version, or records already sent). The buffer formats such a region
    /// instead of mounting what it would find there.
    /// </summary>
    public interface IFreshRegion
    {
        /// <summary>True from the region's creation until <see cref="Formatted"/> is called.</summary>
        bool IsFresh { get; }

        /// <summary>Called by the buffer once its format is written (and flushed) to the region.</summary>
        void Formatted();
    }
}
