using System.Globalization;
using CsCheck;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// Doubles are written with the core's own shortest round-trip digit generation: the same digits
/// .NET's shortest "R" formatting picks, in ECMAScript Number.toString layout, reading back bit-exact.
/// </summary>
public class JsonNumberTests
{
    [Theory]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(100.0, "100")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.Epsilon * 3, "1.5e-323")]
    [InlineData(2.2250738585072014e-308, "2.2250738585072014e-308")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(-double.MaxValue, "-1.7976931348623157e+308")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(9007199254740993.0, "9007199254740992")]
    [InlineData(48.2, "48.2")]
    [InlineData(-96.797, "-96.797")]
    public void Known_values_have_the_expected_text(double value, string expected)
    {
        Assert.Equal(expected, JsonText.Number(value));
    }

    [Fact]
    public void A_widened_float_prints_the_double_it_became()
    {
        // 3.3f is 3.2999999523162841796875 exactly; as a double its shortest text is this.
        Assert.Equal("3.299999952316284", JsonText.Number(3.3f));
    }

    [Fact]
    public void Negative_zero_reads_back_as_negative_zero()
    {
        double back = double.Parse(JsonText.Number(-0.0), CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(back));
    }

    [Fact]
    public void Random_bit_patterns_match_dotnet_shortest_digits_and_read_back_exactly()
    {
        Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite).Sample(value =>
        {
            AssertMatchesDotnetShortest(value);
        }, iter: 20_000);
    }

    [Fact]
    public void Powers_of_two_and_ten_and_their_neighbours_match_dotnet()
    {
        var values = new List<double>();
        for (int e = -1074; e <= 1023; e++)
        {
            values.Add(Math.ScaleB(1.0, e));
        }
        for (int e = -323; e <= 308; e++)
        {
            values.Add(double.Parse("1e" + e.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }
        foreach (double v in values.ToArray())
        {
            values.Add(Math.BitIncrement(v));
            values.Add(Math.BitDecrement(v));
        }
        foreach (double value in values.Where(v => double.IsFinite(v) && v != 0))
        {
            AssertMatchesDotnetShortest(value);
        }
    }

    [Theory]
    [InlineData(1.341309474706E-312)]
    [InlineData(-6.175E-89)]
    [InlineData(1.2777501887419828E-305)]
    [InlineData(5.29645633E-315)]
    [InlineData(1.838450451651187E-291)]
    [InlineData(2.898554238887977E-23)]
    [InlineData(3.168E-56)]
    [InlineData(4047916.411764706)]
    [InlineData(79.77777777777777)]
    [InlineData(12.0)]
    [InlineData(1e-300)]
    [InlineData(1e-200)]
    [InlineData(1e-100)]
    [InlineData(-66.0)]
    [InlineData(-1e21)]
    [InlineData(1e21)]
    public void Short_significands_at_extreme_exponents_match_dotnet(double value)
    {
        AssertMatchesDotnetShortest(value);
    }

    [Fact]
    public void One_writer_formats_a_long_random_sequence_like_fresh_writers()
    {
        // The digit generator reuses its big-integer buffers: no value may see leftovers of the last.
        var writer = new JsonWriter();
        var buffer = new byte[64];
        Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite).Array[1000].Sample(values =>
        {
            foreach (double value in values)
            {
                writer.Reset(buffer, 0, buffer.Length);
                writer.WriteNumberValue(value);
                Assert.Equal(JsonText.Number(value), System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length));
            }
        }, iter: 20, threads: 1);
        // The sequence that exposed a stale word after a word-aligned shift.
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteNumberValue(BitConverter.Int64BitsToDouble(6));
        writer.Reset(buffer, 0, buffer.Length);
        double big = BitConverter.Int64BitsToDouble(unchecked((long)0xFF2B3F27E2CF8018));
        writer.WriteNumberValue(big);
        Assert.Equal(big, double.Parse(System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Where_dotnet_R_does_not_round_trip_ours_still_does()
    {
        // 2^-958: .NET 10 prints 4.104536801298376E-289, which reads back as a different double
        // (it measures the lower gap of a power of two as if it were as wide as the upper one).
        double value = BitConverter.Int64BitsToDouble(0x0410000000000000);
        Assert.NotEqual(value, double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        Assert.Equal("4.1045368012983762e-289", JsonText.Number(value));
        Assert.Equal(value, double.Parse(JsonText.Number(value), CultureInfo.InvariantCulture));
    }

    // Our text must read back bit-exact; where .NET's "R" text also reads back (it is meant to be
    // the shortest), both must have the same significant digits and exponent.
    private static void AssertMatchesDotnetShortest(double value)
    {
        string ours = JsonText.Number(value);
        double back = double.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(back), $"bits {BitConverter.DoubleToInt64Bits(value):X16}: {ours} reads back as {back:R}");
        string dotnet = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(dotnet, CultureInfo.InvariantCulture) == value)
        {
            Assert.True(JsonText.Significand(dotnet) == JsonText.Significand(ours), $"bits {BitConverter.DoubleToInt64Bits(value):X16}: .NET {dotnet}, ours {ours}");
        }
    }

    [Fact]
    public void Layout_switches_to_exponent_form_outside_1e_minus_7_to_1e21()
    {
        Assert.DoesNotContain("e", JsonText.Number(999999999999999900000.0), StringComparison.Ordinal);
        Assert.Contains("e+", JsonText.Number(1.0000000000000001e21), StringComparison.Ordinal);
        Assert.DoesNotContain("e", JsonText.Number(0.0000012), StringComparison.Ordinal);
        Assert.Contains("e-", JsonText.Number(0.00000012), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(long.MinValue, "-9223372036854775808")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(0L, "0")]
    [InlineData(-7L, "-7")]
    [InlineData(1000L, "1000")]
    public void Integers_are_exact(long value, string expected)
    {
        var buffer = new byte[32];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteNumberValue(value);
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length));
    }

    [Fact]
    public void Random_integers_are_exact()
    {
        Gen.Long.Sample(value =>
        {
            // Sample runs on several threads: one writer each.
            var buffer = new byte[32];
            var writer = new JsonWriter();
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteNumberValue(value);
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length));
        }, iter: 5_000);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(7.0, "7")]
    [InlineData(-3.0, "-3")]
    [InlineData(2147483647.0, "2147483647")]
    [InlineData(-2147483647.0, "-2147483647")]
    [InlineData(2147483648.0, "2147483648")]
    [InlineData(-2147483648.0, "-2147483648")]
    [InlineData(2147483647.5, "2147483647.5")]
    public void Whole_doubles_with_a_name_take_the_reading_path_and_keep_their_text(double value, string expected)
    {
        // The short path writes whole numbers below 2^31 (0, the axes a sensor leaves at 0) itself;
        // the text must be what the general path writes, after a name and after a comma.
        var buffer = new byte[64];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStartObject();
        writer.WriteNumber(new JsonName("a"), value);
        writer.WriteNumber(new JsonName("b"), value);
        writer.WriteEndObject();
        Assert.Equal("{\"a\":" + expected + ",\"b\":" + expected + "}", System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length));
    }

    [Fact]
    public void Random_whole_doubles_below_2_to_the_31_with_a_name_are_exact()
    {
        Gen.Int.Sample(value =>
        {
            var buffer = new byte[32];
            var writer = new JsonWriter();
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteStartObject();
            writer.WriteNumber(new JsonName("n"), (double)value);
            Assert.Equal("{\"n\":" + value.ToString(CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(buffer, 0, writer.Length));
        }, iter: 5_000);
    }
}
