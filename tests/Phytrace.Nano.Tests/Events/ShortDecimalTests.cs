using System.Globalization;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

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

    [Fact]
    public void Every_decimal_of_up_to_15_digits_takes_the_fast_path_at_every_decimal_exponent()
    {
        // The fast path scales once, from an estimate of the decimal exponent taken from the
        // binary one, and steps back once: every leading-digit position, every digit count, the
        // all-nines and the powers of ten (whose doubles can lie just below them) must land on
        // the exact algorithm's digits, and none of these may be left to the slow path.
        var check = new Comparison();
        var random = new Random(15);
        var probe = new byte[ShortestDoubleDigits.MaxDigits + 1];
        var missed = new List<double>();
        for (int exponent = -7; exponent <= 14; exponent++)
        {
            for (int digits = 1; digits <= 15; digits++)
            {
                for (int j = 0; j < 40 * Scale; j++)
                {
                    long low = Pow10(digits - 1);
                    long k = j == 0 ? low : (j == 1 ? (10 * low) - 1 : random.NextInt64(low, 10 * low));
                    double v = double.Parse(string.Create(CultureInfo.InvariantCulture, $"{k}e{exponent - digits + 1}"), CultureInfo.InvariantCulture);
                    if (v < 1e-7 || v >= 1e15)
                    {
                        continue;
                    }
                    check.Value(v);
                    check.Value(Math.BitIncrement(v));
                    check.Value(Math.BitDecrement(v));
                    if (ShortDecimal.TryDigits(v, probe, out _) == 0)
                    {
                        missed.Add(v);
                    }
                }
            }
        }
        Assert.True(missed.Count == 0, "left to the slow path: " + string.Join(", ", missed.Take(10).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void The_writers_text_for_short_decimals_is_the_exact_algorithms_digits_laid_out()
    {
        // JsonWriter writes short decimals straight from the scaled integer, in 32-bit or 64-bit
        // arithmetic; the text must be what the exact digits give in the ECMAScript layout.
        var writer = new JsonWriter();
        var buffer = new byte[64];
        var exact = new ShortestDoubleDigits();
        var random = new Random(3);
        var values = new List<double> { 0.5, 0.000001, 0.0000015, 0.0234, 23.456789, 2147483.647, 2147483.648, 21474836.48, 999999999999999.9, 12345678901234.5 };
        for (int i = 0; i < 200_000 * Scale; i++)
        {
            int digits = 1 + random.Next(15);
            values.Add(random.NextInt64(1, Pow10(digits)) / Math.Pow(10, random.Next(1, 12)));
        }
        foreach (double magnitude in values)
        {
            foreach (double v in new[] { magnitude, -magnitude })
            {
                writer.Reset(buffer, 0, buffer.Length);
                writer.WriteNumberValue(v);
                string ours = System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length);
                Assert.Equal(Layout(exact, v), ours);
            }
        }
    }

    [Fact]
    public void The_writers_nine_digit_path_is_exact_at_its_edges()
    {
        // The writer scales readings of up to nine significant digits so the leading digit stands
        // at 10^8 (an int); its exponent estimate can be one short, the rounded product can reach
        // 10^9, and values below 1e-6 or from 1e8 up must not take that path. Around each edge,
        // at every scale it covers and one beyond, the text must be the exact algorithm's.
        var writer = new JsonWriter();
        var buffer = new byte[64];
        var exact = new ShortestDoubleDigits();
        long[] significands = { 1, 9, 10, 99999999, 100000000, 100000001, 123456789, 999999999, 1000000000, 1000000001, 1234567891, 9999999999 };
        var values = new List<double>();
        for (int k = 1; k <= 17; k++)
        {
            foreach (long m in significands)
            {
                double v = m / Math.Pow(10, k);
                values.Add(v);
                values.Add(Math.BitIncrement(v));
                values.Add(Math.BitDecrement(v));
            }
        }
        foreach (double magnitude in values)
        {
            foreach (double v in new[] { magnitude, -magnitude })
            {
                writer.Reset(buffer, 0, buffer.Length);
                writer.WriteStartObject();
                writer.WriteNumber(new JsonName("v"), v);
                string ours = System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length);
                Assert.Equal("{\"v\":" + Layout(exact, v), ours);
            }
        }
    }

    // ECMAScript Number.prototype.toString of the exact algorithm's digits.
    private static string Layout(ShortestDoubleDigits exact, double v)
    {
        if (v == Math.Floor(v) && Math.Abs(v) < 9007199254740992.0)
        {
            return ((long)v).ToString(CultureInfo.InvariantCulture);
        }
        exact.GenerateExact(v);
        string d = System.Text.Encoding.ASCII.GetString(exact.Digits, 0, exact.DigitCount);
        int n = d.Length;
        int p = exact.PointPosition;
        string sign = v < 0 ? "-" : string.Empty;
        if (n <= p && p <= 21)
        {
            return sign + d + new string('0', p - n);
        }
        if (0 < p && p <= 21)
        {
            return sign + d[..p] + "." + d[p..];
        }
        if (-6 < p && p <= 0)
        {
            return sign + "0." + new string('0', -p) + d;
        }
        int e = p - 1;
        return sign + d[0] + (n > 1 ? "." + d[1..] : string.Empty) + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
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
