using System.Globalization;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// The short-decimal fast path of the double formatter is held to the big-integer algorithm it
/// bypasses (ShortestDoubleDigits.GenerateExact): same digits, same point position, for values as
/// sensors produce them, their neighbours one bit away, random bit patterns and the corners of
/// the fast path's range. By default about a million values (a few seconds); with
/// PHYTRACE_LONG_TESTS=1, about 16 million (a few minutes).
/// </summary>
public class ShortDecimalTests
{
    private static readonly int Scale = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1" ? 20 : 1;

    [Fact]
    public void Sensor_decimals_and_their_neighbours_get_the_exact_algorithms_digits()
    {
        var check = new Comparison();
        var random = new Random(2024);
        for (int i = 0; i < 150_000 * Scale; i++)
        {
            // k / 10^d: up to 15 significant digits and 0 to 9 decimals, the shape of scaled readings.
            int digits = 1 + random.Next(15);
            long k = random.NextInt64(1, Pow10(digits));
            int decimals = random.Next(10);
            double v = k / Math.Pow(10, decimals);
            check.Value(v);
            check.Value(-v);
            // One bit away: 17-digit values the fast path must refuse.
            check.Value(Math.BitIncrement(v));
            check.Value(Math.BitDecrement(v));
        }
        // Most of these must actually take the fast path, or the comparison proves little.
        Assert.True(check.FastPathTaken > 250_000 * Scale, $"fast path taken {check.FastPathTaken} times");
    }

    [Fact]
    public void Readings_computed_in_double_arithmetic_get_the_exact_algorithms_digits()
    {
        // ADC counts scaled by a reference voltage, sums and products of decimals: values that are
        // short decimals only sometimes.
        var check = new Comparison();
        var random = new Random(7);
        for (int i = 0; i < 10_000 * Scale; i++)
        {
            int count = random.Next(4096);
            check.Value(count * 3.3 / 4095);
            check.Value((count * 0.1) + 20.0);
            check.Value(Math.Round((count * 3.3 / 4095) + 0.001 * random.Next(1000), random.Next(7)));
            check.Value(random.NextDouble() * 1000);
        }
    }

    [Fact]
    public void Random_bit_patterns_get_the_exact_algorithms_digits()
    {
        var check = new Comparison();
        var random = new Random(99);
        for (int i = 0; i < 20_000 * Scale * 2; i++)
        {
            double v = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(v) && v != 0)
            {
                check.Value(v);
            }
        }
    }

    [Fact]
    public void Corners_of_the_fast_paths_range_get_the_exact_algorithms_digits()
    {
        var check = new Comparison();
        var values = new List<double>
        {
            1e-7, 1.5e-7, 9.99999999999999e-8, 1e15, 999999999999999.0, 999999999999999.9, 99999999999999.99,
            123456789012345.0, 12345678901234.5, 0.1, 0.2, 0.3, 0.1 + 0.2, 0.5, 0.25, 0.125, 1.0 / 3, 2.0 / 3,
            5e-324, double.MaxValue, 4503599627370496.5, 9007199254740991.0, 1e22, 1e23, 23.456789,
        };
        for (int e = -8; e <= 16; e++)
        {
            double p = Math.Pow(10, e);
            values.Add(p);
            values.Add(p * 9.999999999999999);
            values.Add(p * 1.000000000000001);
        }
        for (int e = -30; e <= 52; e++)
        {
            values.Add(Math.ScaleB(1.0, e));
            values.Add(Math.ScaleB(1.0, e) * 1.5);
        }
        for (long m = 1; m < 30_000; m++)
        {
            values.Add(m / 1e5);
            values.Add(m / 1e15 * 1e7);
        }
        foreach (double v in values.ToArray())
        {
            values.Add(Math.BitIncrement(v));
            values.Add(Math.BitDecrement(v));
        }
        foreach (double v in values)
        {
            if (double.IsFinite(v) && v != 0)
            {
                check.Value(v);
            }
        }
    }

    [Theory]
    [InlineData(23.456789, "23456789", 2)]
    [InlineData(0.0234, "234", -1)]
    [InlineData(48.213, "48213", 2)]
    [InlineData(100.0, "1", 3)]
    [InlineData(0.30000000000000004, "", 0)]
    [InlineData(1e-8, "", 0)]
    [InlineData(1234567890123456.0, "", 0)]
    public void The_fast_path_takes_short_decimals_and_leaves_the_rest(double value, string digits, int point)
    {
        var buffer = new byte[ShortestDoubleDigits.MaxDigits + 1];
        int count = ShortDecimal.TryDigits(value, buffer, out int pointPosition);
        Assert.Equal(digits, System.Text.Encoding.ASCII.GetString(buffer, 0, count));
        if (count > 0)
        {
            Assert.Equal(point, pointPosition);
        }
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    /// <summary>Generates with the fast path and with the exact algorithm and compares.</summary>
    private sealed class Comparison
    {
        private readonly ShortestDoubleDigits fast = new();
        private readonly ShortestDoubleDigits exact = new();
        private readonly byte[] probe = new byte[ShortestDoubleDigits.MaxDigits + 1];

        public int FastPathTaken { get; private set; }

        public void Value(double v)
        {
            if (v == 0)
            {
                return;
            }
            if (ShortDecimal.TryDigits(Math.Abs(v), probe, out _) > 0)
            {
                FastPathTaken++;
            }
            fast.Generate(v);
            exact.GenerateExact(v);
            if (fast.DigitCount != exact.DigitCount || fast.PointPosition != exact.PointPosition
                || !fast.Digits.AsSpan(0, fast.DigitCount).SequenceEqual(exact.Digits.AsSpan(0, exact.DigitCount)))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"{v:R} (bits {BitConverter.DoubleToInt64Bits(v):X16}): fast 0.{Text(fast)}e{fast.PointPosition}, exact 0.{Text(exact)}e{exact.PointPosition}"));
            }
        }

        private static string Text(ShortestDoubleDigits g) => System.Text.Encoding.ASCII.GetString(g.Digits, 0, g.DigitCount);
    }
}
