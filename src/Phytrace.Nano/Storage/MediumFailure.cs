namespace Phytrace.Nano.Storage
{
    /// <summary>Why a storage medium refused an operation.</summary>
    public enum MediumFailure
    {
        /// <summary>No failure.</summary>
        None = 0,

        /// <summary>The medium is gone (SD card pulled, not mounted, power lost).</summary>
        NotPresent = 1,

        /// <summary>No space left on the file system.</summary>
        Full = 2,

        /// <summary>The medium or file is read-only.</summary>
        ReadOnly = 3,

        /// <summary>Any other read or write error.</summary>
        IoError = 4,
    }
}
