namespace Phytrace.Nano.Formats
{
    /// <summary>UTF-8 encoding of one code point (RFC 3629), shared so the byte layout is written in one place.</summary>
    public static class Utf8Text
    {
        /// <summary>
        /// Writes <paramref name="codePoint"/> (U+0000 to U+10FFFF, not a surrogate) as 1 to 4 bytes
        /// at into[at..]; returns the index past them. The caller leaves room for 4 bytes.
        /// </summary>
        public static int Write(int codePoint, byte[] into, int at)
        {
            if (codePoint < 0x80)
            {
                into[at] = (byte)codePoint;
                return at + 1;
            }
            if (codePoint < 0x800)
            {
                into[at] = (byte)(0xC0 | (codePoint >> 6));
                into[at + 1] = (byte)(0x80 | (codePoint & 0x3F));
                return at + 2;
            }
            if (codePoint < 0x10000)
            {
                into[at] = (byte)(0xE0 | (codePoint >> 12));
                into[at + 1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                into[at + 2] = (byte)(0x80 | (codePoint & 0x3F));
                return at + 3;
            }
            into[at] = (byte)(0xF0 | (codePoint >> 18));
            into[at + 1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
            into[at + 2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            into[at + 3] = (byte)(0x80 | (codePoint & 0x3F));
            return at + 4;
        }
    }
}
