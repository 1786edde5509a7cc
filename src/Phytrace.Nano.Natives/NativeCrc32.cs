using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Natives
{
    /// <summary>
    /// The firmware's CRC-32 (nanoFramework.System.IO.Hashing; the ESP32 ROM routine on a board)
    /// for the core's slot and gzip checksums. The span wraps the caller's array; nothing is copied
    /// or allocated.
    /// </summary>
    public sealed class NativeCrc32 : INativeCrc32
    {
        /// <inheritdoc />
        public uint Compute(byte[] buffer, int offset, int count)
        {
            // On the ESP32 the native returns 0xFFFFFFFF for an empty span instead of the running
            // value; the CRC of nothing is 0 whatever the firmware does.
            if (count == 0)
            {
                return 0;
            }
            return System.IO.Hashing.Crc32.HashToUInt32(new SpanByte(buffer, offset, count));
        }
    }
}
