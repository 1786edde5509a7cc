using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Compression;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Compression
{
    /// <summary>
    /// The gzip encoder on the device's runtime: framing (header, CRC-32 and ISIZE trailer), stored
    /// blocks decoded by a tiny inflater of stored blocks, the size bound and that compressible
    /// input shrinks.
    /// </summary>
    [TestClass]
    public class GzipEncoderTests
    {
        [TestMethod]
        public void HeaderAndTrailer()
        {
            byte[] input = AsciiText.ToBytes("123456789");
            var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
            int n = new GzipEncoder(6).Compress(input, 0, input.Length, output, 0, output.Length);
            Assert.AreEqual(0x1F, (int)output[0], "ID1");
            Assert.AreEqual(0x8B, (int)output[1], "ID2");
            Assert.AreEqual(8, (int)output[2], "CM deflate");
            Assert.AreEqual(0xCBF43926L, ReadUInt32(output, n - 8), "trailer CRC-32 of \"123456789\"");
            Assert.AreEqual(9L, ReadUInt32(output, n - 4), "trailer ISIZE");
        }

        [TestMethod]
        public void StoredLevelRoundTrips()
        {
            // Two stored blocks: 65535 bytes and the rest.
            var input = new byte[70000];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (byte)((i * 7) + (i >> 8));
            }
            var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
            int n = new GzipEncoder(0).Compress(input, 0, input.Length, output, 0, output.Length);
            var back = new byte[input.Length];
            int got = InflateStored(output, 10, n - 8, back);
            Assert.AreEqual(input.Length, got, "inflated length");
            BytesAssert.AreEqual(input, 0, back, 0, input.Length, "stored round trip");
            long crc = Crc32.Compute(input, 0, input.Length);
            Assert.AreEqual(crc, ReadUInt32(output, n - 8), "trailer CRC-32");
        }

        [TestMethod]
        public void RepetitiveInputShrinks()
        {
            byte[] pattern = AsciiText.ToBytes("{\"soc_pct\":78.4},");
            var input = new byte[20000];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = pattern[i % pattern.Length];
            }
            var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
            int n = new GzipEncoder(6).Compress(input, 0, input.Length, output, 0, output.Length);
            Assert.IsTrue(n < 400, "20000 repetitive bytes compress below 400 bytes, got " + n.ToString());
            Assert.AreEqual((long)input.Length, ReadUInt32(output, n - 4), "ISIZE");
        }

        [TestMethod]
        public void NoisyInputStaysInsideTheBound()
        {
            var input = new byte[10000];
            uint x = 12345;
            for (int i = 0; i < input.Length; i++)
            {
                x = (x * 1103515245u) + 12345u;
                input[i] = (byte)(x >> 23);
            }
            var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
            int n = new GzipEncoder(9).Compress(input, 0, input.Length, output, 0, output.Length);
            Assert.IsTrue(n <= input.Length + 18 + 5 + 1, "grew only by stored-block overhead: " + n.ToString());
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void NearRepeatsInflateBackAtTheGreedyLevels(int level)
        {
            // Records that differ in a digit or two and in a random id: the greedy levels' fast
            // paths (the literal after a match, the same distance tried again, the skip over
            // misses and the literals it takes back), with a 256-symbol block filling inside them.
            byte[] record = AsciiText.ToBytes("{\"id\":\"0123456789abcdef01234567\",\"v\":78.43,\"t\":31.5},");
            var input = new byte[6000];
            uint x = (uint)level;
            for (int i = 0; i < input.Length; i++)
            {
                x = (x * 1103515245u) + 12345u;
                int k = i % record.Length;
                bool id = k >= 7 && k < 31;
                input[i] = id || (x >> 28) == 0 ? (byte)('0' + ((x >> 24) % 10)) : record[k];
            }
            var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
            var back = new byte[input.Length];
            int[] blockSymbols = { 256, 3072 };
            for (int b = 0; b < blockSymbols.Length; b++)
            {
                var encoder = new GzipEncoder(level, GzipEncoder.DefaultWindowBits, GzipEncoder.DefaultHashBits, blockSymbols[b]);
                int n = encoder.Compress(input, 0, input.Length, output, 0, output.Length);
                string what = "level " + level.ToString() + ", " + blockSymbols[b].ToString() + " symbols per block";
                Assert.AreEqual(input.Length, new Inflater().Gunzip(output, 0, n, back), what + ": inflated length");
                BytesAssert.AreEqual(input, 0, back, 0, input.Length, what + ": inflates back");
                // Level 1's fixed code spends 8 bits on every digit that dynamic codes spend about 4 on.
                int limit = level == 1 ? (input.Length * 2) / 3 : input.Length / 2;
                Assert.IsTrue(n < limit, what + ": 6000 bytes of near repeats shrink below " + limit.ToString() + " bytes, got " + n.ToString());
            }
        }

        [TestMethod]
        public void LevelOneFixedCodeBlocksInflateBack()
        {
            // Level 1 writes fixed-code blocks in one pass (512 bytes each with 256 symbols):
            // near repeats whose matches cross block ends, a run of one value (longest matches,
            // literals of 9 bits taken back), and noise between them that goes out stored.
            byte[] record = AsciiText.ToBytes("{\"soc_pct\":78.43,\"v\":48.2},");
            var input = new byte[5000];
            uint x = 7;
            for (int i = 0; i < input.Length; i++)
            {
                x = (x * 1103515245u) + 12345u;
                input[i] = i < 1500 ? ((i % 97) == 5 ? (byte)('0' + (i % 10)) : record[i % record.Length])
                    : i < 2300 ? (byte)0xE7
                    : i < 3500 ? (byte)(x >> 24)
                    : record[i % record.Length];
            }
            var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
            var back = new byte[input.Length];
            int[] lengths = { 0, 3, 511, 512, 513, 1500, 2300, 3500, 5000 };
            for (int k = 0; k < lengths.Length; k++)
            {
                var encoder = new GzipEncoder(1, GzipEncoder.DefaultWindowBits, GzipEncoder.DefaultHashBits, 256);
                int n = encoder.Compress(input, 0, lengths[k], output, 0, output.Length);
                string what = "level 1, " + lengths[k].ToString() + " bytes";
                Assert.AreEqual(lengths[k], new Inflater().Gunzip(output, 0, n, back), what + ": inflated length");
                BytesAssert.AreEqual(input, 0, back, 0, lengths[k], what + ": inflates back");
                if (lengths[k] >= 511 && lengths[k] <= 1500)
                {
                    Assert.AreEqual(1, (output[10] >> 1) & 3, what + ": the first block has fixed codes");
                }
            }
        }

        [TestMethod]
        public void WorkingMemoryWithinBudget()
        {
            Assert.IsTrue(new GzipEncoder(6).WorkingMemoryBytes <= 16384, "default level within 16 KB");
            Assert.IsTrue(new GzipEncoder(1, GzipEncoder.DefaultWindowBits, GzipEncoder.DefaultHashBits, 3072).WorkingMemoryBytes <= 16384, "level 1 as the node makes it, within 16 KB");
        }

        [TestMethod]
        public void TooSmallOutputIsAnError()
        {
            var input = new byte[1000];
            var output = new byte[10];
            ExceptionAssert.Catch(delegate { new GzipEncoder(1).Compress(input, 0, input.Length, output, 0, output.Length); }, "10-byte output");
        }

        private static long ReadUInt32(byte[] b, int at)
        {
            return (long)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + ((long)b[at + 3] << 24);
        }

        // Decodes DEFLATE made only of stored blocks (RFC 1951 3.2.4); returns the bytes written.
        private static int InflateStored(byte[] data, int at, int end, byte[] output)
        {
            int written = 0;
            bool final = false;
            while (!final)
            {
                int header = data[at++];
                final = (header & 1) != 0;
                Assert.AreEqual(0, (header >> 1) & 3, "BTYPE stored");
                int len = data[at] | (data[at + 1] << 8);
                int nlen = data[at + 2] | (data[at + 3] << 8);
                Assert.AreEqual(0xFFFF, len ^ nlen, "NLEN is the complement of LEN");
                at += 4;
                Array.Copy(data, at, output, written, len);
                at += len;
                written += len;
            }
            Assert.AreEqual(end, at, "stored blocks end where the trailer starts");
            return written;
        }
    }
}
