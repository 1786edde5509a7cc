using System.Globalization;
using System.Text;
using Phytrace.Nano.DeviceTests.Golden;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// XorShiftSet outputs against xorshift64* as Vigna defines it (x ^= x >> 12; x ^= x << 25;
/// x ^= x >> 27; output x * 0x2545F4914F6CDD1D; seed 0 replaced), bounded draws as the high 32
/// bits scaled to the bound, bytes little-endian from successive draws.
/// </summary>
public static class XorShiftOracle
{
    private static readonly XorShiftSet Set = new();
    private static readonly int[] Bounds = [1, 2, 3, 7, 10, 1000, 65536, int.MaxValue];

    public static string? Check(int index, byte[] output)
    {
        ulong state = Set.SeedOf(index);
        if (state == 0)
        {
            state = 0x9E3779B97F4A7C15UL;
        }
        ulong Next()
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return state * 0x2545F4914F6CDD1DUL;
        }
        var expected = new StringBuilder();
        for (int i = 0; i < 8; i++)
        {
            expected.Append(Next().ToString("x16", CultureInfo.InvariantCulture)).Append(' ');
        }
        for (int round = 0; round < 3; round++)
        {
            foreach (int bound in Bounds)
            {
                expected.Append((int)(((Next() >> 32) * (ulong)bound) >> 32)).Append(' ');
            }
        }
        var bytes = new byte[20];
        ulong draw = Next();
        for (int i = 0; i < 13; i++)
        {
            if (i == 8)
            {
                draw = Next();
            }
            bytes[3 + i] = (byte)(draw >> (8 * (i % 8)));
        }
        expected.Append(Convert.ToHexString(bytes).ToLowerInvariant());
        string actual = Encoding.ASCII.GetString(output);
        return actual == expected.ToString() ? null : $"\"{actual}\"; xorshift64* gives \"{expected}\"";
    }
}
