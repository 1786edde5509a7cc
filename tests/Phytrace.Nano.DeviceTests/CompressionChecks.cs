using Phytrace.Nano.Compression;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Checks of the gzip encoder on the device's runtime: framing (header, CRC-32 and ISIZE
    /// trailer), stored blocks decoded by a tiny inflater of stored blocks, the size bound and
    /// that compressible input shrinks.
    /// </summary>
    public static class CompressionChecks
    {
        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Compression");
            r.Run("HeaderAndTrailer", delegate
            {
                byte[] input = new byte[] { (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9' };
                var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
                int n = new GzipEncoder(6).Compress(input, 0, input.Length, output, 0, output.Length);
                Expect.Equal(0x1F, output[0], "ID1");
                Expect.Equal(0x8B, output[1], "ID2");
                Expect.Equal(8, output[2], "CM deflate");
                Expect.True(ReadUInt32(output, n - 8) == 0xCBF43926u, "trailer CRC-32 of \"123456789\"");
                Expect.Equal(9, ReadUInt32(output, n - 4), "trailer ISIZE");
            });
            r.Run("StoredLevelRoundTrips", delegate
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
                Expect.Equal(input.Length, got, "inflated length");
                Expect.BytesEqual(input, 0, back, 0, input.Length, "stored round trip");
                Expect.True(ReadUInt32(output, n - 8) == Crc32.Compute(input, 0, input.Length), "trailer CRC-32");
            });
            r.Run("RepetitiveInputShrinks", delegate
            {
                var input = new byte[20000];
                for (int i = 0; i < input.Length; i++)
                {
                    input[i] = (byte)("{\"soc_pct\":78.4},"[i % 17]);
                }
                var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
                int n = new GzipEncoder(6).Compress(input, 0, input.Length, output, 0, output.Length);
                Expect.True(n < 400, "20000 repetitive bytes compress below 400 bytes, got " + n.ToString());
                Expect.Equal(input.Length, ReadUInt32(output, n - 4), "ISIZE");
            });
            r.Run("NoisyInputStaysInsideTheBound", delegate
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
                Expect.True(n <= input.Length + 18 + 5 + 1, "grew only by stored-block overhead: " + n.ToString());
            });
            r.Run("WorkingMemoryWithinBudget", delegate
            {
                Expect.True(new GzipEncoder(6).WorkingMemoryBytes <= 16384, "default level within 16 KB");
            });
            r.Run("TooSmallOutputIsAnError", delegate
            {
                var input = new byte[1000];
                var output = new byte[10];
                Expect.Throws(delegate { new GzipEncoder(1).Compress(input, 0, input.Length, output, 0, output.Length); }, "10-byte output");
            });
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
                Expect.Equal(0, (header >> 1) & 3, "BTYPE stored");
                int len = data[at] | (data[at + 1] << 8);
                int nlen = data[at + 2] | (data[at + 3] << 8);
                Expect.Equal(0xFFFF, len ^ nlen, "NLEN is the complement of LEN");
                at += 4;
                System.Array.Copy(data, at, output, written, len);
                at += len;
                written += len;
            }
            Expect.Equal(end, at, "stored blocks end where the trailer starts");
            return written;
        }
    }
}
