using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// JSON string escaping and UTF-8 (JsonWriter, property names and values): first one string per
    /// escape class and boundary character, then random strings mixing every class: printable ASCII,
    /// quote, backslash, the controls U+0001-U+001F, DEL and C1 controls, two- and three-byte
    /// characters (with U+2028, U+2029, U+FEFF, U+FFFD, U+FFFF), and characters outside the BMP as
    /// surrogate pairs. No U+0000 and no lone surrogate: a nanoCLR string cannot hold them.
    /// On .NET the tool checks that System.Text.Json reads every output back to the same strings.
    /// </summary>
    public sealed class JsonStringSet : IGoldenSet
    {
        public const int Random = 700;
        private const int Seed = 23;

        // One per class or boundary; each becomes a string of its own.
        private static readonly int[] Singles =
        {
            0x22, 0x5C, 0x2F, 0x7F, 0x80, 0x9F, 0xA0, 0xFF, 0x7FF, 0x800, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF,
            0xD7FF, 0xE000, 0x10000, 0x1F600, 0x10FFFF, 0x20, 0x7E,
        };

        public string Name
        {
            get { return "strings"; }
        }

        public int Count
        {
            get { return 31 + Singles.Length + Random; }
        }

        /// <summary>Item <paramref name="index"/>'s property name and value, as UTF-16 units.</summary>
        public void Input(int index, out char[] name, out char[] value)
        {
            if (index < 31)
            {
                // The control characters U+0001-U+001F, each between letters.
                name = new char[] { 'c' };
                value = new char[] { 'a', (char)(index + 1), 'b' };
                return;
            }
            if (index < 31 + Singles.Length)
            {
                name = Chars(Singles[index - 31], 0);
                value = Chars(Singles[index - 31], 2);
                return;
            }
            XorShiftRandom random = GoldenInputs.ForItem(Seed, index);
            name = RandomText(random, 1 + random.NextInt(6));
            value = RandomText(random, random.NextInt(25));
        }

        public int Produce(int index, byte[] output)
        {
            char[] name;
            char[] value;
            Input(index, out name, out value);
            var writer = new JsonWriter();
            writer.Reset(output, 0, output.Length);
            writer.WriteStartObject();
            writer.WriteString(new string(name), new string(value));
            writer.WriteEndObject();
            return writer.Length;
        }

        public string Describe(int index)
        {
            char[] name;
            char[] value;
            Input(index, out name, out value);
            return "string #" + index.ToString() + " (name " + GoldenInputs.CodePoints(name) + "; value " + GoldenInputs.CodePoints(value) + ")";
        }

        /// <summary>Random text of <paramref name="length"/> code points drawn over every class.</summary>
        public static char[] RandomText(XorShiftRandom random, int length)
        {
            var units = new char[2 * length];
            int n = 0;
            for (int i = 0; i < length; i++)
            {
                int c;
                switch (random.NextInt(9))
                {
                    case 0:
                    case 1:
                        c = 0x20 + random.NextInt(0x5F);
                        break;
                    case 2:
                        c = random.NextInt(2) == 0 ? 0x22 : 0x5C;
                        break;
                    case 3:
                        c = 1 + random.NextInt(0x1F);
                        break;
                    case 4:
                        c = 0x7F + random.NextInt(0x21);
                        break;
                    case 5:
                        c = 0xA0 + random.NextInt(0x800 - 0xA0);
                        break;
                    case 6:
                        c = 0x800 + random.NextInt(0xD800 - 0x800);
                        break;
                    case 7:
                        c = 0xE000 + random.NextInt(0x10000 - 0xE000);
                        break;
                    default:
                        c = 0x10000 + random.NextInt(0x100000);
                        break;
                }
                n += Put(c, units, n);
            }
            var text = new char[n];
            System.Array.Copy(units, text, n);
            return text;
        }

        // The code point c alone, or between letters when padded.
        private static char[] Chars(int c, int padding)
        {
            var units = new char[4];
            int n = 0;
            if (padding > 0)
            {
                units[n++] = 'x';
            }
            n += Put(c, units, n);
            if (padding > 0)
            {
                units[n++] = 'y';
            }
            var text = new char[n];
            System.Array.Copy(units, text, n);
            return text;
        }

        private static int Put(int c, char[] units, int at)
        {
            if (c < 0x10000)
            {
                units[at] = (char)c;
                return 1;
            }
            int v = c - 0x10000;
            units[at] = (char)(0xD800 + (v >> 10));
            units[at + 1] = (char)(0xDC00 + (v & 0x3FF));
            return 2;
        }
    }
}
