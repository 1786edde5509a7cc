using System.IO.Hashing;
using System.Text;
using Phytrace.Nano.DeviceTests.Golden;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>FormatsSet outputs against System.IO.Hashing.Crc32 and System.Guid (big-endian bytes).</summary>
public static class FormatsOracle
{
    private static readonly FormatsSet Set = new();

    public static string? Check(int index, byte[] output)
    {
        string all = Encoding.ASCII.GetString(output);
        byte[] bytes = Set.Bytes(index);
        if (index < FormatsSet.Crcs)
        {
            string crc = Crc32.HashToUInt32(bytes).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            return all == crc + " " + crc ? null : $"CRC-32s \"{all}\"; System.IO.Hashing says {crc}";
        }
        string text = new Guid(bytes, bigEndian: true).ToString("D");
        int way = FormatsSet.Breakage(index);
        string read = FormatsSet.Break(index % 2 == 0 ? text : text.ToUpperInvariant(), way);
        string expected = $"{text} 36 {text} {read} " + (way == 0 ? "read " + Convert.ToHexString(bytes).ToLowerInvariant() : "refused ");
        return all == expected ? null : $"\"{all}\"; Guid says \"{expected}\"";
    }
}
