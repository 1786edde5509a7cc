using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Helpers
{
    /// <summary>
    /// Holds the device's outputs of a golden set (Support/Golden) to the CRC-32s the .NET build
    /// produced (Golden/*.g.cs, written by tools/Phytrace.Nano.DeviceGolden). A set is checked in
    /// chunks, one data row each; a failure names the item, its input, what the device wrote and the
    /// command that shows what .NET wrote.
    /// </summary>
    public static class GoldenAssert
    {
        private static readonly byte[] Output = new byte[80 * 1024];

        /// <summary>Checks chunk <paramref name="chunk"/> of <paramref name="chunks"/> (together they cover the whole set).</summary>
        public static void Chunk(IGoldenSet set, uint[] expected, int chunk, int chunks)
        {
            Assert.AreEqual(set.Count, expected.Length, set.Name + ": the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            int first = (int)((long)set.Count * chunk / chunks);
            int end = (int)((long)set.Count * (chunk + 1) / chunks);
            Assert.IsTrue(first < end, set.Name + ": chunk " + chunk.ToString() + " of " + chunks.ToString() + " holds items");
            for (int i = first; i < end; i++)
            {
                Item(set, expected[i], i);
            }
        }

        /// <summary>The output of the item checked last (valid until the next check).</summary>
        public static byte[] LastOutput
        {
            get { return Output; }
        }

        /// <summary>Checks item <paramref name="index"/> alone; returns the length of its output, left in <see cref="LastOutput"/>.</summary>
        public static int Item(IGoldenSet set, uint expected, int index)
        {
            int length;
            try
            {
                length = set.Produce(index, Output);
            }
            catch (Exception e)
            {
                Assert.IsTrue(false, set.Describe(index) + ": threw " + e.GetType().Name + " (" + e.Message + ") on the device; " + ShowCommand(set, index));
                return 0;
            }
            uint crc = Crc32.Compute(Output, 0, length);
            if (crc != expected)
            {
                Assert.IsTrue(false, set.Describe(index) + ": the device wrote " + length.ToString() + " bytes [" + Printable(Output, length)
                    + "] (CRC-32 0x" + GoldenInputs.Hex(crc, 8) + "), unlike the .NET build (CRC-32 0x" + GoldenInputs.Hex(expected, 8) + "); " + ShowCommand(set, index));
            }
            return length;
        }

        /// <summary>The output as text: printable ASCII as is, other bytes as \xNN, cut after 400 bytes.</summary>
        public static string Printable(byte[] bytes, int length)
        {
            int shown = length < 400 ? length : 400;
            var text = new char[shown * 4];
            int n = 0;
            for (int i = 0; i < shown; i++)
            {
                int b = bytes[i];
                if (b >= 0x20 && b < 0x7F && b != '\\')
                {
                    text[n++] = (char)b;
                }
                else
                {
                    text[n++] = '\\';
                    text[n++] = 'x';
                    text[n++] = GoldenInputs.Hex(b >> 4, 1).ToCharArray()[0];
                    text[n++] = GoldenInputs.Hex(b, 1).ToCharArray()[0];
                }
            }
            return new string(text, 0, n) + (length > shown ? "..." : string.Empty);
        }

        private static string ShowCommand(IGoldenSet set, int index)
        {
            return ".NET's output: dotnet run --project tools/Phytrace.Nano.DeviceGolden -- show " + set.Name + " " + index.ToString();
        }
    }
}
