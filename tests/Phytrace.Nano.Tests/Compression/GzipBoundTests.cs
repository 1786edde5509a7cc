using System.Text;
using Phytrace.Nano.Compression;

namespace Phytrace.Nano.Tests.Compression;

/// <summary>
/// GzipEncoder.MaxCompressedSize is a promise: a buffer of that size never throws. These tests
/// sweep every level over every input length 0..2000 of several kinds, because a capacity check
/// that is too strict fails only for the few lengths where a compressed block barely wins over a
/// stored one (device golden #8, 300 bytes at level 8, found it).
/// </summary>
public class GzipBoundTests
{
    private const int MaxLength = 2000;

    public static TheoryData<int> Levels => new() { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

    private static readonly string[] Kinds = { "random", "repetitive", "text", "small-alphabet", "udm-json" };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Every_length_up_to_2000_of_every_kind_fits_MaxCompressedSize_and_inflates_back(int level)
    {
        var encoder = new GzipEncoder(level);
        foreach (string kind in Kinds)
        {
            byte[] source = Input(kind, MaxLength);
            for (int length = 0; length <= MaxLength; length++)
            {
                byte[] input = source.AsSpan(0, length).ToArray();
                var output = new byte[GzipEncoder.MaxCompressedSize(length)];
                int written;
                try
                {
                    written = encoder.Compress(input, 0, length, output, 0, output.Length);
                }
                catch (CompressionOutputTooSmallException e)
                {
                    throw new Xunit.Sdk.XunitException($"level {level}, {kind}, {length} bytes: {e.Message}");
                }
                byte[] gzip = output.AsSpan(0, written).ToArray();
                Assert.True(input.AsSpan().SequenceEqual(GzipTestData.Gunzip(gzip)), $"level {level}, {kind}, {length} bytes did not inflate back");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void A_buffer_exactly_the_size_of_the_output_is_enough(int level)
    {
        // The capacity checks must never ask for more room than the output really takes: a
        // too-cautious check is what broke the bound, and only an exact buffer exposes it everywhere.
        var encoder = new GzipEncoder(level);
        foreach (string kind in Kinds)
        {
            byte[] source = Input(kind, MaxLength);
            for (int length = 0; length <= MaxLength; length += 7)
            {
                var roomy = new byte[GzipEncoder.MaxCompressedSize(length)];
                int needed = encoder.Compress(source, 0, length, roomy, 0, roomy.Length);
                var exact = new byte[needed];
                int written;
                try
                {
                    written = encoder.Compress(source, 0, length, exact, 0, needed);
                }
                catch (CompressionOutputTooSmallException e)
                {
                    throw new Xunit.Sdk.XunitException($"level {level}, {kind}, {length} bytes, {needed}-byte buffer: {e.Message}");
                }
                Assert.Equal(needed, written);
                Assert.True(roomy.AsSpan(0, needed).SequenceEqual(exact), $"level {level}, {kind}, {length} bytes: output differs with an exact buffer");
                Assert.Throws<CompressionOutputTooSmallException>(() => encoder.Compress(source, 0, length, exact, 0, needed - 1));
            }
        }
    }

    private static byte[] Input(string kind, int length)
    {
        switch (kind)
        {
            case "random":
                return GzipTestData.Random(length, 17);
            case "repetitive":
                return GzipTestData.Repetitive(length);
            case "text":
                return Text(length, 23);
            case "small-alphabet":
                // Compresses only a little: the compressed and stored forms of a block are close.
                var data = GzipTestData.Random(length, 29);
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = (byte)('a' + (data[i] % 20));
                }
                return data;
            case "udm-json":
                byte[] json = GzipTestData.UdmBatchJson(32);
                Assert.True(json.Length >= length, "the UDM batch is shorter than the sweep");
                return json.AsSpan(0, length).ToArray();
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input kind");
        }
    }

    private static byte[] Text(int length, int seed)
    {
        string[] words =
        {
            "the", "robot", "battery", "arm", "joint", "sensor", "reads", "a", "temperature", "of",
            "degrees", "and", "moves", "to", "position", "while", "the", "broker", "is", "offline,",
            "buffering", "events", "on", "its", "card.", "Wi-Fi", "returns", "after", "seconds",
        };
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]);
            text.Append(random.Next(12) == 0 ? ". " : " ");
            if (random.Next(9) == 0)
            {
                text.Append(random.Next(100_000).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString(0, length));
    }
}
