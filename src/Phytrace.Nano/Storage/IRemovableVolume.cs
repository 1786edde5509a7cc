namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// A volume that can be mounted again after it failed: an SD card pulled and pushed back in.
    /// Without a card-detect pin nothing announces either event; the card shows only as I/O errors,
    /// and the file system must be mounted anew before the card is usable again.
    /// </summary>
    public interface IRemovableVolume
    {
        /// <summary>
        /// Makes the volume usable again: drops what is left of the old mount and mounts anew.
        /// Returns false (never throws) when there is no card or it cannot be read; see <see cref="LastError"/>.
        /// </summary>
        bool Remount();

        /// <summary>Why the last mount failed (the driver's message), or empty.</summary>
        string LastError { get; }
    }
}
