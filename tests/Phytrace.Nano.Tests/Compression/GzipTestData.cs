using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Phytrace.Nano.Compression;
using Phytrace.Nano.Tests.Events;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Compression;

/// <summary>Inputs and the zlib-backed decoder the gzip tests share.</summary>
internal static class GzipTestData
{
    /// <summary>Compresses with a fresh encoder into a buffer of exactly MaxCompressedSize bytes.</summary>
    public static byte[] Compress(byte[] input, int level)
    {
        var output = new byte[GzipEncoder.MaxCompressedSize(input.Length)];
        int n = new GzipEncoder(level).Compress(input, 0, input.Length, output, 0, output.Length);
        return output.AsSpan(0, n).ToArray();
    }

    /// <summary>Decodes with .NET's GZipStream (zlib).</summary>
    public static byte[] Gunzip(byte[] gzip)
    {
        using var source = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var result = new MemoryStream();
        source.CopyTo(result);
        return result.ToArray();
    }

    /// <summary>Number of distinct events in <see cref="UdmEvents"/>.</summary>
    public const int UdmEventCount = 64;

    /// <summary>
    /// Varied UDM events the library encoded (<see cref="EventSamples.EncodedVariety"/>), each
    /// re-serialised by System.Text.Json, which the tests use to compare what comes back.
    /// </summary>
    public static byte[][] UdmEvents() => EventSamples.EncodedVariety(UdmEventCount).Select(Normalized).ToArray();

    /// <summary>The phyudm conformance fixtures (valid events), re-serialised the same way; skips the test where they are missing.</summary>
    public static byte[][] ConformanceEvents()
    {
        string dir = SharedMaterial.PhyUdm.Require("conformance", "valid");
        return Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Normalized(File.ReadAllBytes(f)))
            .ToArray();
    }

    /// <summary>A JSON array of <paramref name="count"/> events, cycling through <see cref="UdmEvents"/>.</summary>
    public static byte[] UdmBatchJson(int count) => JsonArray(UdmEvents(), count);

    /// <summary>A JSON array of <paramref name="count"/> events, cycling through <paramref name="events"/>.</summary>
    public static byte[] JsonArray(byte[][] events, int count)
    {
        var json = new MemoryStream();
        json.WriteByte((byte)'[');
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.WriteByte((byte)',');
            }
            json.Write(events[i % events.Length]);
        }
        json.WriteByte((byte)']');
        return json.ToArray();
    }

    private static byte[] Normalized(byte[] json) => JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(json).RootElement);

    public static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static byte[] Repetitive(int length)
    {
        byte[] pattern = Encoding.ASCII.GetBytes("{\"soc_pct\":78.4,\"voltage_v\":48.2},");
        var data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = pattern[i % pattern.Length];
        }
        return data;
    }
}
