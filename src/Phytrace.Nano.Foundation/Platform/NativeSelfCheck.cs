using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// The checks <see cref="PlatformNatives.Use"/> runs before installing a native: the native must
    /// give the portable form's results on known inputs (the standard CRC check value, an offset
    /// range, one byte; one to four-byte UTF-8 sequences). Each returns an empty string or the problem.
    /// </summary>
    internal static class NativeSelfCheck
    {
        // "a", e acute, the euro sign and U+1F600 (a surrogate pair): 1, 2, 3 and 4-byte UTF-8.
        private const string Utf8Sample = "a\u00E9\u20AC\uD83D\uDE00";

        private static readonly byte[] Utf8Expected = { 0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80 };

        public static string Crc32Problem(INativeCrc32 native)
        {
            // The CRC-32 check value: "123456789" gives 0xCBF43926.
            byte[] check = { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            uint got = native.Compute(check, 0, check.Length);
            if (got != 0xCBF43926u)
            {
                return "CRC-32 of \"123456789\" is " + got.ToString() + ", expected " + 0xCBF43926u.ToString();
            }
            var data = new byte[300];
            uint x = 2463534242u;
            for (int i = 0; i < data.Length; i++)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                data[i] = (byte)x;
            }
            got = native.Compute(data, 7, 293);
            uint expected = Crc32.Update(Crc32.Initial, data, 7, 293);
            if (got != expected)
            {
                return "CRC-32 of 293 bytes at offset 7 is " + got.ToString() + ", expected " + expected.ToString();
            }
            got = native.Compute(data, 299, 1);
            expected = Crc32.Update(Crc32.Initial, data, 299, 1);
            if (got != expected)
            {
                return "CRC-32 of the last byte is " + got.ToString() + ", expected " + expected.ToString();
            }
            return string.Empty;
        }

        public static string Utf8Problem(INativeUtf8 native)
        {
            var target = new byte[3 * Utf8Sample.Length + 2];
            target[0] = 0xAA;
            int count = native.Encode(Utf8Sample, target, 1);
            if (count != Utf8Expected.Length)
            {
                return "UTF-8 of a 1 to 4-byte sample gave " + count.ToString() + " bytes, expected " + Utf8Expected.Length.ToString();
            }
            if (target[0] != 0xAA)
            {
                return "UTF-8 wrote before the offset it was given";
            }
            for (int i = 0; i < count; i++)
            {
                if (target[1 + i] != Utf8Expected[i])
                {
                    return "UTF-8 byte " + i.ToString() + " of a 1 to 4-byte sample is " + target[1 + i].ToString() + ", expected " + Utf8Expected[i].ToString();
                }
            }
            return string.Empty;
        }
    }
}
