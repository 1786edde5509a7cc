using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// CRC-32 and UUID text: items 0-63 take the CRC-32 of random buffers of 0 to 5,000 bytes, in
    /// one go and chained through Update at a random split; items 64-159 write random UUIDs as text
    /// (ToString and Write) and read texts back (TryParse), upper and lower case, and refuse broken
    /// ones. On .NET the tool checks the CRCs with System.IO.Hashing and the texts with Guid.
    /// </summary>
    public sealed class FormatsSet : IGoldenSet
    {
        public const int Crcs = 64;
        public const int Uuids = 96;
        private const int Seed = 101;

        public string Name
        {
            get { return "formats"; }
        }

        public int Count
        {
            get { return Crcs + Uuids; }
        }

        /// <summary>Item <paramref name="index"/>'s bytes: a buffer to checksum, or 16 bytes of a UUID.</summary>
        public byte[] Bytes(int index)
        {
            XorShiftRandom r = GoldenInputs.ForItem(Seed, index);
            int length = index >= Crcs ? 16 : (index < 4 ? index : r.NextInt(5001));
            var bytes = new byte[length];
            r.NextBytes(bytes, 0, length);
            return bytes;
        }

        /// <summary>For a UUID item, how its text is broken before reading (0: not broken).</summary>
        public static int Breakage(int index)
        {
            return index % 4 == 0 ? 1 + (index / 4 % 6) : 0;
        }

        public int Produce(int index, byte[] output)
        {
            byte[] bytes = Bytes(index);
            if (index < Crcs)
            {
                uint whole = Crc32.Compute(bytes, 0, bytes.Length);
                int split = bytes.Length == 0 ? 0 : GoldenInputs.ForItem(Seed + 1, index).NextInt(bytes.Length + 1);
                uint first = Crc32.Compute(bytes, 0, split);
                uint chained = Crc32.Update(first, bytes, split, bytes.Length - split);
                long a = whole;
                long b = chained;
                return GoldenInputs.Ascii(GoldenInputs.Hex(a, 8) + " " + GoldenInputs.Hex(b, 8), output);
            }
            string text = UuidText.ToString(bytes, 0);
            var written = new byte[40];
            int length = UuidText.Write(bytes, 0, written, 2);
            string read = Break(index % 2 == 0 ? text : Upper(text), Breakage(index));
            var back = new byte[18];
            bool ok = UuidText.TryParse(read, back, 1);
            int n = GoldenInputs.Ascii(text + " " + length.ToString() + " ", output);
            System.Array.Copy(written, 2, output, n, length);
            n += length;
            n += GoldenInputs.Ascii(" " + read + " " + (ok ? "read " : "refused "), output, n);
            for (int i = 0; ok && i < 16; i++)
            {
                n += GoldenInputs.Ascii(GoldenInputs.Hex(back[1 + i], 2), output, n);
            }
            return n;
        }

        public string Describe(int index)
        {
            return index < Crcs ? "CRC-32 #" + index.ToString() + " (" + Bytes(index).Length.ToString() + " bytes)" : "UUID text #" + index.ToString() + (Breakage(index) > 0 ? " (broken way " + Breakage(index).ToString() + ")" : string.Empty);
        }

        public static string Upper(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= 'a' && chars[i] <= 'f')
                {
                    chars[i] = (char)(chars[i] - 32);
                }
            }
            return new string(chars);
        }

        // Breaks a UUID's text: a bad digit, a dash moved, one digit short, one too many, braces, empty.
        public static string Break(string text, int way)
        {
            char[] chars = text.ToCharArray();
            switch (way)
            {
                case 1: chars[3] = 'g'; return new string(chars);
                case 2: chars[8] = chars[9]; chars[9] = '-'; return new string(chars);
                case 3: return text.Substring(0, 35);
                case 4: return text + "0";
                case 5: return "{" + text + "}";
                case 6: return string.Empty;
                default: return text;
            }
        }
    }
}
