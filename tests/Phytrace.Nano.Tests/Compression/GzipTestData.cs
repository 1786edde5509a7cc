using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Phytrace.Nano.Compression;
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

    /// <summary>The UDM conformance fixtures (valid events), each re-encoded as compact JSON.</summary>
    public static byte[][] ConformanceEvents()
    {
        string dir = Path.Combine(RepoPaths.PhyUdm, "conformance", "valid");
        return Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(File.ReadAllBytes(f)).RootElement))
            .ToArray();
    }

    /// <summary>A JSON array of <paramref name="count"/> conformance events, cycling through the fixtures.</summary>
    public static byte[] UdmBatchJson(int count)
    {
        byte[][] events = ConformanceEvents();
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
