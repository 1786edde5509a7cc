using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// The shared formatters: CRC-32 (the .NET path, System.IO.Hashing, and the device's table path)
/// against a bitwise CRC-32; ISO-8601 into a byte buffer against DateTime.ToString.
/// </summary>
public sealed class FormatsBenchmark : IBenchmark
{
    public string Name => "formats";

    public string Description => "CRC-32 (.NET: vectorised; device: slicing-by-4 tables) vs bitwise CRC-32; ISO-8601 into a byte buffer vs DateTime.ToString(\"yyyy-MM-ddTHH:mm:ss.ffffffZ\")";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("formats", "baseline");
        var data = new byte[4096];
        new Random(1).NextBytes(data);
        int n = quick ? 200 : 5000;

        double crc = Measure.OpsPerSecond(() => Crc32.Compute(data, 0, data.Length), n, 1000) * data.Length / 1e6;
        double tables = Measure.OpsPerSecond(() => Crc32.Update(Crc32.Initial, data, 0, data.Length), n, 1000) * data.Length / 1e6;
        double bitwise = Measure.OpsPerSecond(() => BitwiseCrc(data), n / 10, 10) * data.Length / 1e6;
        table.Add("crc32 4 KB, Compute on .NET", "MB/s", crc, bitwise, "higher is better (baseline: bitwise)");
        table.Add("crc32 4 KB, tables (device code)", "MB/s", tables, bitwise, "higher is better (baseline: bitwise)");

        var buffer = new byte[64];
        long micros = Iso8601Utc.ToUnixMicros(new DateTime(2026, 11, 27, 15, 4, 5, DateTimeKind.Utc));
        int m = quick ? 10_000 : 1_000_000;
        double iso = Measure.OpsPerSecond(() => Iso8601Utc.Write(micros, buffer, 0), m);
        DateTime dt = Iso8601Utc.FromUnixMicros(micros);
        double dotnet = Measure.OpsPerSecond(() => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), m);
        table.Add("iso-8601 write", "ops/s", iso, dotnet, "higher is better (baseline: DateTime.ToString)");
        table.Add("iso-8601 write", "bytes allocated/op", Measure.AllocatedBytesPerCall(() => Iso8601Utc.Write(micros, buffer, 0), m),
            Measure.AllocatedBytesPerCall(() => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), m), "0");
        return table;
    }

    private static uint BitwiseCrc(byte[] data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        }
        return ~c;
    }
}
