using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>Input-making helpers shared by the golden sets: per-item random sources and hex text.</summary>
    public static class GoldenInputs
    {
        /// <summary>The random source of item <paramref name="index"/> of the set seeded <paramref name="setSeed"/>.</summary>
        public static XorShiftRandom ForItem(int setSeed, int index)
        {
            long seed = ((long)setSeed * 1000003L) + index + 1;
            return new XorShiftRandom((ulong)seed);
        }

        /// <summary><paramref name="value"/> as <paramref name="digits"/> lowercase hex digits.</summary>
        public static string Hex(long value, int digits)
        {
            var text = new char[digits];
            for (int i = digits - 1; i >= 0; i--)
            {
                int nibble = (int)(value & 0xF);
                text[i] = (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
                value >>= 4;
            }
            return new string(text);
        }

        /// <summary>The code points of <paramref name="chars"/>, printable ASCII as itself, the rest as U+XXXX.</summary>
        public static string CodePoints(char[] chars)
        {
            string text = string.Empty;
            for (int i = 0; i < chars.Length; i++)
            {
                int c = chars[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chars.Length)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                    i++;
                }
                text += c > 0x20 && c < 0x7F ? new string((char)c, 1) + " " : "U+" + Hex(c, c > 0xFFFF ? 6 : 4) + " ";
            }
            return text;
        }

        /// <summary>Writes <paramref name="text"/> (ASCII) to <paramref name="output"/>; returns the byte count.</summary>
        public static int Ascii(string text, byte[] output)
        {
            return Ascii(text, output, 0);
        }

        /// <summary>Writes <paramref name="text"/> (ASCII) to output[at..]; returns the byte count.</summary>
        public static int Ascii(string text, byte[] output, int at)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                output[at + i] = (byte)chars[i];
            }
            return chars.Length;
        }
    }
}
