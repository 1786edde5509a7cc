using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsCheck;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Tests.Formats;

public class FormatsTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Crc32_matches_the_trailer_zlib_writes_into_gzip()
    {
        // At least one byte: for empty input GZipStream may write no stream at all (the empty CRC is 0, checked below).
        Assert.Equal(0u, Crc32.Compute(Array.Empty<byte>(), 0, 0));
        Gen.Byte.Array[1, 5000].Sample(data =>
        {
            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
            {
                gz.Write(data);
            }
            byte[] gzip = ms.ToArray();
            uint trailer = BitConverter.ToUInt32(gzip, gzip.Length - 8);
            Assert.Equal(trailer, Crc32.Compute(data, 0, data.Length));
        }, iter: 200);
    }

    [Fact]
    public void Crc32_update_in_pieces_equals_whole()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[0, 300]).Sample((data, cut) =>
        {
            cut = Math.Min(cut, data.Length);
            uint whole = Crc32.Compute(data, 0, data.Length);
            uint pieces = Crc32.Update(Crc32.Compute(data, 0, cut), data, cut, data.Length - cut);
            Assert.Equal(whole, pieces);
        });
    }

    [Fact]
    public void Iso8601_matches_dotnet_formatting_across_the_calendar()
    {
        long min = Iso8601Utc.ToUnixMicros(new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        long max = Iso8601Utc.ToUnixMicros(new DateTime(9999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9990));
        Gen.Long[min, max].Sample(micros =>
        {
            DateTime expected = new DateTime(Iso8601Utc.UnixEpochTicks + (micros * 10), DateTimeKind.Utc);
            string text = Iso8601Utc.ToString(micros);
            Assert.Equal(expected.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), text);
            if (micros >= Iso8601Utc.MinDateTimeMicros && micros <= Iso8601Utc.MaxDateTimeMicros)
            {
                Assert.Equal(micros, Iso8601Utc.ToUnixMicros(Iso8601Utc.FromUnixMicros(micros)));
            }
        }, iter: 5000);
    }

    [Theory]
    [InlineData(1601, 1, 1, 0)]
    [InlineData(3000, 12, 31, 86_399_999_999)]
    public void FromUnixMicros_covers_the_devices_DateTime_range_exactly(int year, int month, int day, long microsOfDay)
    {
        long micros = Iso8601Utc.ToUnixMicros(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc)) + microsOfDay;
        Assert.Equal(micros, Iso8601Utc.ToUnixMicros(Iso8601Utc.FromUnixMicros(micros)));
        Assert.True(micros == Iso8601Utc.MinDateTimeMicros || micros == Iso8601Utc.MaxDateTimeMicros);
    }

    [Theory]
    [InlineData(-11_644_473_600_000_001L)] // 1600-12-31T23:59:59.999999Z
    [InlineData(32_535_216_000_000_000L)]  // 3001-01-01T00:00:00Z
    [InlineData(-62_135_596_800_000_000L)] // 0001-01-01, which a UDM timestamp may carry
    public void FromUnixMicros_refuses_what_the_devices_DateTime_cannot_hold_as_the_device_would(long micros)
    {
        // nanoFramework's DateTime covers 1601 to 3000: .NET refuses the rest with the same error.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Iso8601Utc.FromUnixMicros(micros));
        Assert.Equal("unixMicros", error.ParamName);
        Assert.Contains("from 1601-01-01 to 3000-12-31", error.Message, StringComparison.Ordinal);
        Assert.Equal(27, Iso8601Utc.Write(micros, new byte[27], 0)); // formatting needs no DateTime
    }

    [Fact]
    public void Iso8601_refuses_a_buffer_too_small_and_names_it()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Iso8601Utc.Write(0, new byte[26], 0));
        Assert.Contains("27 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uuid_text_round_trips_and_matches_guid_formatting()
    {
        Gen.Byte.Array[16].Sample(bytes =>
        {
            string text = UuidText.ToString(bytes, 0);
            Assert.Equal(new Guid(bytes, bigEndian: true).ToString("D"), text);
            var back = new byte[16];
            Assert.True(UuidText.TryParse(text.ToUpperInvariant(), back, 0));
            Assert.Equal(bytes, back);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f405")]
    [InlineData("0190a1b2xc3d4-7e5f-8a9b-0c1d2e3f4051")]
    [InlineData("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f405g")]
    public void Uuid_text_rejects_malformed(string text)
    {
        Assert.False(UuidText.TryParse(text, new byte[16], 0));
    }
}
