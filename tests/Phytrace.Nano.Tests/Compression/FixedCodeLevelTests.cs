using System.IO.Compression;
using CsCheck;
using Phytrace.Nano.Compression;

namespace Phytrace.Nano.Tests.Compression;

/// <summary>
/// Level 1's single pass (MatchFinder.ParseFixedCodes, GzipEncoder.DeflateFixed): symbols written
/// as found with the fixed Huffman code, each block on trial and stored instead when that is
/// smaller, literals a later match covers taken back out of the bit stream (8- and 9-bit codes,
/// across byte boundaries), blocks ending inside a match or exactly at the input's end. Every
/// output must inflate back with .NET's zlib.
/// </summary>
public class FixedCodeLevelTests
{
    // 256 symbols make 512-byte fixed blocks: many block ends inside matches and skips.
    private static readonly int[] BlockSizes = { 256, 300, GzipEncoder.DefaultBlockSymbols, 3072 };

    private static byte[] Compress(byte[] input, int blockSymbols)
    {
        var encoder = new GzipEncoder(1, GzipEncoder.DefaultWindowBits, GzipEncoder.DefaultHashBits, blockSymbols);
        var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
        int n = encoder.Compress(input, 0, input.Length, output, 0, output.Length);
        return output.AsSpan(0, n).ToArray();
    }

    private static void AssertRoundTrip(byte[] input, string what)
    {
        foreach (int blockSymbols in BlockSizes)
        {
            byte[] back = GzipTestData.Gunzip(Compress(input, blockSymbols));
            Assert.True(back.AsSpan().SequenceEqual(input), $"{what}, {blockSymbols} symbols per block: inflated {back.Length} bytes differ from the {input.Length} input bytes");
        }
    }

    // BTYPE of the first block (RFC 1951 3.2.3): the bits after BFINAL in the byte after the 10-byte gzip header.
    private static int FirstBlockType(byte[] gzip) => (gzip[10] >> 1) & 3;

    [Fact]
    public void Telemetry_goes_out_in_fixed_code_blocks_and_noise_in_stored_ones()
    {
        byte[] batch = GzipTestData.UdmBatchJson(32);
        byte[] gzip = Compress(batch, 3072);
        Assert.Equal(1, FirstBlockType(gzip));
        Assert.Equal(batch, GzipTestData.Gunzip(gzip));

        byte[] noise = GzipTestData.Random(5000, 3);
        byte[] stored = Compress(noise, 256);
        Assert.Equal(0, FirstBlockType(stored));
        // Ten 512-byte blocks that all lost to storing form one stored run: 5 bytes of header, not 50.
        Assert.Equal(noise.Length + 5 + GzipEncoder.GzipFramingBytes, stored.Length);
        Assert.Equal(noise, GzipTestData.Gunzip(stored));
    }

    [Fact]
    public void Level_1_keeps_at_least_85_percent_of_zlib_6s_size_reduction_on_a_udm_batch()
    {
        byte[] batch = GzipTestData.UdmBatchJson(32);
        var zlib = new MemoryStream();
        using (var gzip = new GZipStream(zlib, CompressionLevel.Optimal, true))
        {
            gzip.Write(batch);
        }
        int ours = Compress(batch, 3072).Length;
        double share = (double)(batch.Length - ours) / (batch.Length - zlib.Length);
        Assert.True(share >= 0.85, $"{batch.Length} bytes -> {ours} at level 1, {zlib.Length} with zlib: {share:P1} of zlib's reduction");
    }

    [Fact]
    public void Zeros_are_all_longest_matches()
    {
        // A 258-byte match is not followed by an unsearched literal: 200 KB of zeros is about 13 bits per 258 bytes.
        var zeros = new byte[200_000];
        byte[] gzip = Compress(zeros, GzipEncoder.DefaultBlockSymbols);
        Assert.True(gzip.Length < 1500, $"{gzip.Length} bytes for 200 KB of zeros");
        Assert.Equal(zeros, GzipTestData.Gunzip(gzip));
    }

    [Fact]
    public void Every_length_around_the_block_ends_round_trips()
    {
        // Near repeats and long runs whose matches cross the 512-byte block ends, end exactly at
        // the input's end (an empty final block follows) or stop short of it by 0-3 bytes.
        byte[] pattern = "{\"soc_pct\":78.43,\"v\":48.2},"u8.ToArray();
        var near = new byte[1600];
        for (int i = 0; i < near.Length; i++)
        {
            near[i] = (i % 97) == 5 ? (byte)('0' + (i % 10)) : pattern[i % pattern.Length];
        }
        var run = new byte[1600];
        Array.Fill(run, (byte)0xE7);
        for (int length = 490; length <= 1560; length += length % 512 > 480 || length % 512 < 30 ? 1 : 23)
        {
            AssertRoundTrip(near.AsSpan(0, length).ToArray(), $"{length} bytes of near repeats");
            AssertRoundTrip(run.AsSpan(0, length).ToArray(), $"{length} bytes of one value");
        }
    }

    // PHYTRACE_LONG_TESTS=1 runs 10,000 cases instead of 500.
    [Fact]
    public void Generated_repeats_of_high_and_low_bytes_round_trip()
    {
        // Pieces of any byte value (literals of 8 and 9 bits) repeated with changes and noise in
        // between: misses long enough to skip ahead, then matches that take literals back.
        int iterations = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1" ? 10_000 : 500;
        var gen = Gen.Select(Gen.Byte.Array[4, 120].Array[1, 4], Gen.Int[1, 40], Gen.Int[0, 80], Gen.Int[0, 5]);
        gen.Sample((pieces, copies, noise, changes) =>
        {
            var random = new Random(copies * 131 + noise);
            var input = new List<byte>();
            for (int c = 0; c < copies; c++)
            {
                byte[] copy = (byte[])pieces[random.Next(pieces.Length)].Clone();
                for (int k = 0; k < changes; k++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }
                input.AddRange(copy);
                for (int k = random.Next(noise + 1); k > 0; k--)
                {
                    input.Add((byte)random.Next(256));
                }
            }
            byte[] bytes = input.ToArray();
            foreach (int blockSymbols in BlockSizes)
            {
                if (!GzipTestData.Gunzip(Compress(bytes, blockSymbols)).AsSpan().SequenceEqual(bytes))
                {
                    return false;
                }
            }
            return true;
        }, iter: iterations);
    }
}
