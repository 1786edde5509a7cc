namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as gzip (RFC 1952) and the buffer's
    /// slot checksums use it. The 1 KB table is built once; updating allocates nothing.
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>The CRC of an empty input, the starting value for <see cref="Update"/>.</summary>
        public const uint Initial = 0;

        /// <summary>CRC-32 of buffer[offset .. offset+count).</summary>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            return Update(Initial, buffer, offset, count);
        }

        /// <summary>Continues a CRC over more bytes: Update(Update(0, a), b) == Compute(a ++ b).</summary>
        public static uint Update(uint crc, byte[] buffer, int offset, int count)
        {
            uint c = ~crc;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = Table[(c ^ buffer[i]) & 0xFF] ^ (c >> 8);
            }
            return ~c;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            return table;
        }
    }
}
