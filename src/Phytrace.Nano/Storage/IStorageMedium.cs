using System;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// One preallocated region of bytes addressed by position: a file on SD card or flash, or RAM.
    /// It never grows. Failures (card pulled, disk full, read-only, I/O error) are reported as
    /// <see cref="StorageMediumException"/> so the buffer can count them and recover later.
    /// </summary>
    public interface IStorageMedium : IDisposable
    {
        /// <summary>Size of the region in bytes.</summary>
        long Length { get; }

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns the bytes read.</summary>
        int Read(long position, byte[] buffer, int offset, int count);

        /// <summary>Writes <paramref name="count"/> bytes at <paramref name="position"/> (inside the region).</summary>
        void Write(long position, byte[] buffer, int offset, int count);

        /// <summary>Makes every completed Write durable (a sync point).</summary>
        void Flush();
    }
}
