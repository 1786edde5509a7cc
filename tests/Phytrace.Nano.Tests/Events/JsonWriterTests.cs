using System.Text;
using System.Text.Json;
using CsCheck;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Tests.Events;

public class JsonWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("é€", "\"é€\"")]
    [InlineData("\U0001F600", "\"\U0001F600\"")]
    [InlineData("/<>&'", "\"/<>&'\"")]
    public void Strings_are_escaped_minimally_and_written_as_utf8(string value, string expected)
    {
        Assert.Equal(expected, JsonText.Quoted(value));
    }

    [Fact]
    public void A_surrogate_pair_is_one_four_byte_sequence()
    {
        var buffer = new byte[16];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStringValue("\uD83D\uDE00");
        Assert.Equal(new byte[] { 0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22 }, buffer[..writer.Length]);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_naming_the_field()
    {
        // A loop, not InlineData: theory data serialisation would turn lone surrogates into U+FFFD.
        foreach (string value in new[] { "a\uD83D", "\uDE00b", "\uD83D\uD83D", "\uD83D" })
        {
            AssertLoneSurrogateRefused(value);
        }
    }

    private static void AssertLoneSurrogateRefused(string value)
    {
        var writer = new JsonWriter();
        writer.Reset(new byte[64], 0, 64);
        writer.WriteStartObject();
        var error = Assert.Throws<JsonValueException>(() => writer.WriteString("session_id", value));
        Assert.Equal("session_id", error.Field);
        Assert.Contains("lone UTF-16 surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void U0000_is_refused_naming_the_field_because_a_device_string_ends_there()
    {
        // On nanoFramework "amr\0x" is "amr": writing \u0000 here would send text the device never could.
        var writer = new JsonWriter();
        writer.Reset(new byte[64], 0, 64);
        writer.WriteStartObject();
        var error = Assert.Throws<JsonValueException>(() => writer.WriteString("zone_id", "amr\0x"));
        Assert.Equal("zone_id", error.Field);
        Assert.Contains("U+0000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "Infinity")]
    public void NaN_and_infinity_are_refused_naming_the_field(double value, string word)
    {
        var writer = new JsonWriter();
        writer.Reset(new byte[64], 0, 64);
        writer.WriteStartObject();
        var error = Assert.Throws<JsonValueException>(() => writer.WriteNumber("soc_pct", value));
        Assert.Equal("soc_pct", error.Field);
        Assert.Contains(word, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_small_buffer_reports_needed_and_available_bytes()
    {
        var writer = new JsonWriter();
        var buffer = new byte[100];
        writer.Reset(buffer, 10, 12);
        writer.WriteStartObject();
        var error = Assert.Throws<JsonBufferTooSmallException>(() => writer.WriteString("name", "a long value"));
        Assert.Equal(12, error.AvailableBytes);
        Assert.True(error.NeededBytes > 12, error.Message);
        Assert.Contains("needed at least", error.Message, StringComparison.Ordinal);
        Assert.All(buffer[22..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Every_prefix_of_a_buffer_either_fits_or_throws_without_writing_past_its_end()
    {
        const string Value = "x\u00e9\u20ac\U0001F600\n";
        var full = new byte[128];
        var writer = new JsonWriter();
        writer.Reset(full, 0, full.Length);
        Write(writer);
        int needed = writer.Length;
        for (int size = 0; size < needed; size++)
        {
            var buffer = new byte[size + 8];
            writer.Reset(buffer, 0, size);
            Assert.Throws<JsonBufferTooSmallException>(() => Write(writer));
            Assert.All(buffer[size..], b => Assert.Equal(0, b));
        }
        writer.Reset(new byte[needed], 0, needed);
        Write(writer);
        Assert.Equal(needed, writer.Length);

        static void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("s", Value);
            w.WriteNumber("d", -1.5e-300);
            w.WriteNumber("i", long.MinValue);
            w.WriteBool("b", false);
            w.WriteTimestamp("t", 0);
            w.WriteEndObject();
        }
    }

    [Fact]
    public void Commas_and_nesting_make_valid_compact_json()
    {
        var buffer = new byte[256];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStartObject();
        writer.WriteStartObject("a");
        writer.WriteEndObject();
        writer.WriteStartArray("list");
        writer.WriteStartObject();
        writer.WriteNumber("x", 1L);
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteBool("y", true);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("z", "");
        writer.WriteEndObject();
        Assert.Equal("{\"a\":{},\"list\":[{\"x\":1},{\"y\":true}],\"z\":\"\"}", Encoding.UTF8.GetString(buffer, 0, writer.Length));
        Assert.Equal(0, writer.Depth);
    }

    [Fact]
    public void Random_unicode_strings_read_back_unchanged()
    {
        Gen.Int[1, 0x10FFFF].Where(c => c < 0xD800 || c > 0xDFFF).Select(char.ConvertFromUtf32).Array[0, 40]
            .Select(parts => string.Concat(parts))
            .Sample(value =>
            {
                string json = JsonText.Quoted(value);
                Assert.Equal(value, JsonSerializer.Deserialize<string>(json));
            }, iter: 5_000);
    }
}
