using System.Text;
using CsCheck;
using Phytrace.Nano.Compression;

namespace Phytrace.Nano.Tests.Compression;

/// <summary>
/// The fast paths of the greedy levels (1-3, MatchFinder.ParseGreedy): 4-byte reads near the end
/// of the input, the unsearched literal after a match and the retry at the same distance, the
/// skip-ahead over runs of misses, and a symbol buffer that fills in the middle of each of them.
/// Each input is built to reach one of those paths; every output must inflate back with zlib.
/// </summary>
public class GreedyParseTests
{
    public static TheoryData<int> GreedyLevels => new() { 1, 2, 3 };

    // The smallest block (256 symbols) makes the buffer fill inside literal runs and right after matches.
    private static readonly int[] BlockSizes = { 256, 257, GzipEncoder.DefaultBlockSymbols, 3072 };

    private static void AssertRoundTrip(byte[] input, int level, string what)
    {
        foreach (int blockSymbols in BlockSizes)
        {
            var encoder = new GzipEncoder(level, GzipEncoder.DefaultWindowBits, GzipEncoder.DefaultHashBits, blockSymbols);
            var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
            int n = encoder.Compress(input, 0, input.Length, output, 0, output.Length);
            byte[] back = GzipTestData.Gunzip(output.AsSpan(0, n).ToArray());
            Assert.True(back.AsSpan().SequenceEqual(input), $"{what}, level {level}, {blockSymbols} symbols per block: inflated {back.Length} bytes differ from the {input.Length} input bytes");
        }
    }

    // Records that differ in one digit (the literal after a match, then the same distance again),
    // in the length of a number (the same distance fails one byte later), and in a random id (skip-ahead).
    private static byte[] TelemetryLike(int records, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int i = 0; i < records; i++)
        {
            text.Append("{\"id\":\"");
            for (int k = 0; k < 24; k++)
            {
                text.Append("0123456789abcdef"[random.Next(16)]);
            }
            text.Append("\",\"seq\":").Append(i).Append(",\"v\":").Append(78.4 + (random.Next(3) * 0.01));
            text.Append(",\"t\":").Append(random.Next(2) == 0 ? "31.5" : "31.55").Append("},");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    [Theory]
    [MemberData(nameof(GreedyLevels))]
    public void Telemetry_like_records_round_trip_and_shrink(int level)
    {
        byte[] input = TelemetryLike(400, level);
        AssertRoundTrip(input, level, "telemetry-like records");
        byte[] gzip = GzipTestData.Compress(input, level);
        Assert.True(gzip.Length < input.Length / 2, $"{input.Length} bytes of records -> {gzip.Length} at level {level}");
    }

    [Theory]
    [MemberData(nameof(GreedyLevels))]
    public void Every_short_length_of_repeats_and_near_repeats_round_trips(int level)
    {
        // Lengths 0..300 end a match, a literal or a skip at every offset from the end, where the
        // last three bytes are never read four at a time.
        byte[] pattern = Encoding.ASCII.GetBytes("abcdXabcdYabcdZ");
        byte[] records = TelemetryLike(4, 7);
        for (int length = 0; length <= 300; length++)
        {
            var periodic = new byte[length];
            for (int i = 0; i < length; i++)
            {
                periodic[i] = pattern[i % pattern.Length];
            }
            AssertRoundTrip(periodic, level, $"{length} bytes of a near repeat");
            AssertRoundTrip(records.AsSpan(0, Math.Min(length, records.Length)).ToArray(), level, $"{length} bytes of records");
        }
    }

    [Theory]
    [MemberData(nameof(GreedyLevels))]
    public void Adversarial_inputs_round_trip(int level)
    {
        // Random bytes with repeats planted at the window's edge, a long miss run ending in a
        // match, one-byte differences every few bytes, and runs longer than the 258-byte match limit.
        var random = new Random(level);
        var input = new byte[70_000];
        random.NextBytes(input);
        Array.Copy(input, 0, input, 4095, 300);
        Array.Copy(input, 5000, input, 5000 + 4096, 300);
        Array.Fill(input, (byte)'x', 20_000, 1000);
        for (int i = 30_000; i < 40_000; i++)
        {
            input[i] = (i % 5) == 0 ? (byte)random.Next(256) : input[i - 611];
        }
        Array.Copy(input, 40_000, input, 60_000, 5000);
        AssertRoundTrip(input, level, "adversarial input");
    }

    // PHYTRACE_LONG_TESTS=1 runs 10,000 cases instead of 400.
    [Fact]
    public void Generated_near_repeats_round_trip_at_the_greedy_levels()
    {
        int iterations = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1" ? 10_000 : 400;
        // A seed string repeated with a few bytes changed per copy: matches at one distance
        // broken by literals, which is what the fast paths are for.
        var gen = Gen.Select(Gen.Byte[(byte)'0', (byte)'9'].Array[1, 80], Gen.Int[1, 60], Gen.Int[0, 9], Gen.Int[1, 3]);
        gen.Sample((seed, copies, changes, level) =>
        {
            var random = new Random(seed.Length * 31 + copies);
            var input = new List<byte>();
            for (int c = 0; c < copies; c++)
            {
                byte[] copy = (byte[])seed.Clone();
                for (int k = 0; k < changes; k++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }
                input.AddRange(copy);
            }
            byte[] bytes = input.ToArray();
            var encoder = new GzipEncoder(level, GzipEncoder.DefaultWindowBits, GzipEncoder.DefaultHashBits, 256);
            var output = new byte[GzipEncoder.MaxCompressedSize(bytes.Length)];
            int n = encoder.Compress(bytes, 0, bytes.Length, output, 0, output.Length);
            return GzipTestData.Gunzip(output.AsSpan(0, n).ToArray()).AsSpan().SequenceEqual(bytes);
        }, iter: iterations);
    }
}
