using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as gzip (RFC 1952) and the buffer's
    /// slot checksums use it. Slicing-by-4: four 256-entry tables (4 KB, built once) let the loop
    /// fold four bytes per step, about three times the byte-at-a-time speed; the buffer checksums
    /// every record, so this is on the enqueue path. Nothing here allocates.
    /// <para>
    /// On .NET, <see cref="Compute"/> hands the bytes to System.IO.Hashing's CRC-32 (the same
    /// polynomial, vectorised with carry-less multiplication, ~20x the tables' speed) so that on a
    /// host the checksum costs less than the file write it protects. On the device it hands them
    /// to the firmware's native CRC-32 once one is installed (<see cref="PlatformNatives"/>, about
    /// 30 times the interpreted tables' speed on 4 KB), except for runs too short to pay for the
    /// call. <see cref="Update"/> always uses the tables, which is how the tests hold the paths to
    /// the same results.
    /// </para>
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] Table0 = new uint[256];
        private static readonly uint[] Table1 = new uint[256];
        private static readonly uint[] Table2 = new uint[256];
        private static readonly uint[] Table3 = new uint[256];

        static Crc32()
        {
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }
                Table0[n] = c;
            }
            for (int n = 0; n < 256; n++)
            {
                uint c = Table0[n];
                c = Table0[c & 0xFF] ^ (c >> 8);
                Table1[n] = c;
                c = Table0[c & 0xFF] ^ (c >> 8);
                Table2[n] = c;
                c = Table0[c & 0xFF] ^ (c >> 8);
                Table3[n] = c;
            }
        }

        /// <summary>The CRC of an empty input, the starting value for <see cref="Update"/>.</summary>
        public const uint Initial = 0;

        /// <summary>
        /// Runs this long or longer go to an installed native; shorter ones cost less in the tables
        /// than the call (measured on nanoCLR: tools/Phytrace.Nano.Benchmarks, "device").
        /// </summary>
        public const int NativeFromBytes = 16;

        /// <summary>CRC-32 of buffer[offset .. offset+count).</summary>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
#if NANOFRAMEWORK_1_0
            INativeCrc32? native = PlatformNatives.InstalledCrc32;
            if (native != null && count >= NativeFromBytes)
            {
                return native.Compute(buffer, offset, count);
            }
            return Update(Initial, buffer, offset, count);
#else
            // Host only (the device build never sees this line); spans are banned in the core
            // because the device has none, so the ban is lifted for this call alone.
#pragma warning disable RS0030
            return System.IO.Hashing.Crc32.HashToUInt32(new System.ReadOnlySpan<byte>(buffer, offset, count));
#pragma warning restore RS0030
#endif
        }

        /// <summary>Continues a CRC over more bytes: Update(Update(0, a), b) == Compute(a ++ b).</summary>
        public static uint Update(uint crc, byte[] buffer, int offset, int count)
        {
            uint c = ~crc;
            int i = offset;
            int end = offset + count;
            int end4 = end - 3;
            while (i < end4)
            {
                c ^= (uint)(buffer[i] | (buffer[i + 1] << 8) | (buffer[i + 2] << 16) | (buffer[i + 3] << 24));
                c = Table3[c & 0xFF] ^ Table2[(c >> 8) & 0xFF] ^ Table1[(c >> 16) & 0xFF] ^ Table0[c >> 24];
                i += 4;
            }
            while (i < end)
            {
                c = Table0[(c ^ buffer[i]) & 0xFF] ^ (c >> 8);
                i++;
            }
            return ~c;
        }
    }
}
