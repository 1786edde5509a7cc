using System.Text;
using System.Text.Json;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// A corpus of malformed JSON, each case refused with the byte offset where it goes wrong and what
/// was expected there. Most are placed as the value of a property after a complete, valid envelope
/// (so nothing but the malformation can be the reason); the rest are whole inputs. Each case is
/// also run through System.Text.Json, to show the corpus is really malformed: where our rule is
/// stricter than plain RFC 8259 grammar (lone surrogate escapes, nesting), the case says so.
/// Strings are written one character per byte (Latin-1) so invalid UTF-8 can be spelled out.
/// </summary>
public class MalformedJsonCorpusTests
{
    private const string Envelope = "{\"udm_version\":\"0.0.3\",\"event_id\":\"e\",\"event_type\":\"custom\",\"source_id\":\"s\","
        + "\"source_type\":\"custom\",\"captured_at\":\"2026-06-07T19:00:00Z\",\"x\":";

    /// <summary>(value placed after the envelope, offset of the fault inside it, words of the message, whether plain JSON grammar refuses it too).</summary>
    public static TheoryData<string, int, string, bool> Values() => new()
    {
        { "tru}", 3, "expected the literal 'true', found '}'", true },
        { "nul}", 3, "expected the literal 'null'", true },
        { "fals}", 4, "expected the literal 'false'", true },
        { "12abc}", 2, "expected ',' or '}' after a property value, found 'a'", true },
        { "012}", 0, "no leading zeros", true },
        { "-012}", 1, "no leading zeros", true },
        { "NaN}", 0, "expected a value", true },
        { "Infinity}", 0, "expected a value", true },
        { "-Infinity}", 1, "expected a digit after '-'", true },
        { "+1}", 0, "expected a value", true },
        { ".5}", 0, "expected a value", true },
        { "1.}", 2, "expected a digit after the decimal point, found '}'", true },
        { "1e}", 2, "expected a digit in the exponent", true },
        { "1e+}", 3, "expected a digit in the exponent", true },
        { "0x10}", 1, "expected ',' or '}' after a property value, found 'x'", true },
        { "[1}]}", 2, "expected ',' or ']' after an array element, found '}'", true },
        { "[1 2]}", 3, "expected ',' or ']'", true },
        { "[1,]}", 3, "expected a value", true },
        { "{\"a\" 1}}", 5, "expected ':' after the property name, found '1'", true },
        { "{\"a\":1,}}", 7, "expected a property name (a string) after ','", true },
        { "{'a':1}}", 1, "expected a property name (a string) or '}'", true },
        { "{a:1}}", 1, "expected a property name", true },
        { "\"a\u0001b\"}", 2, "raw control character 0x01 inside a string", true },
        { "\"a\nb\"}", 2, "raw control character 0x0A", true },
        { "\"a\tb\"}", 2, "raw control character 0x09", true },
        { "\"\\q\"}", 1, "invalid escape '\\q'", true },
        { "\"\\x41\"}", 1, "invalid escape '\\x'", true },
        { "\"\\u12G4\"}", 1, "expected four hex digits after \\u", true },
        { "\"\\u00\"}", 1, "expected four hex digits after \\u", true },
        { "\"\u00C3\u0028\"}", 2, "invalid UTF-8: byte 0x28 after 0xC3", true },
        { "\"\u00C0\u0080\"}", 1, "invalid UTF-8: byte 0xC0 never starts a character", true },
        { "\"\u00E0\u0080\u0080\"}", 2, "expected 0xA0-0xBF", true },
        { "\"\u00ED\u00A0\u0080\"}", 2, "expected 0x80-0x9F", true },
        { "\"\u00F4\u0090\u0080\u0080\"}", 2, "expected 0x80-0x8F", true },
        { "\"\u00F5\u0080\u0080\u0080\"}", 1, "never starts a character", true },
        { "\"\u0080\"}", 1, "byte 0x80 continues no character", true },
        { "\"\u00E2\u0082\"}", 3, "expected a continuation byte", true },
        { "\u00FF}", 0, "expected a value (object, array, string, number, true, false or null), found byte 0xFF", true },
        { "\"abc}", 0, "string not closed", true },
        { "/*c*/1}", 0, "false or null), found '/'", true },
        { "true false}", 5, "expected ',' or '}'", true },
        { "1}}", 2, "unexpected bytes after the event object", true },
        { "\"\\uD800\"}", 1, "\\uD800 is a high surrogate: expected a low surrogate escape", false },
        { "\"\\uD800\\u0041\"}", 1, "is a high surrogate", false },
        { "\"\\uDC00\"}", 1, "\\uDC00 is a lone low surrogate", false },
        { new string('[', 32) + new string(']', 32) + "}", 31, "nesting deeper than 32 levels", false },
    };

    /// <summary>(whole input, offset of the fault, words).</summary>
    public static TheoryData<string, int, string> Inputs() => new()
    {
        { "", 0, "no bytes: expected '{'" },
        { " \r\n\t", 4, "only whitespace" },
        { "\u00EF\u00BB\u00BF" + UdmEventScannerTests.Event(), 0, "expected '{': an event is one JSON object, found byte 0xEF" },
        { "[" + UdmEventScannerTests.Event() + "]", 0, "expected '{'" },
        { "\"event\"", 0, "expected '{'" },
        { UdmEventScannerTests.Event() + UdmEventScannerTests.Event(), UdmEventScannerTests.Event().Length, "unexpected bytes after the event object, found '{'" },
        { UdmEventScannerTests.Event() + " x", UdmEventScannerTests.Event().Length + 1, "unexpected bytes after the event object, found 'x'" },
        { Envelope.TrimEnd(':').TrimEnd('"').TrimEnd('x').TrimEnd('"'), Envelope.Length - 4, "the input ends inside the event: expected a property name" },
        { Envelope.Replace(",\"x\":", "", StringComparison.Ordinal), Envelope.Length - 5, "the input ends inside the event: expected ',' or '}'" },
        { Envelope + "[{\"a\":[", Envelope.Length + 7, "the input ends inside the event: expected a value" },
        { Envelope + "\"\\", Envelope.Length + 1, "the input ends inside an escape sequence" },
        { Envelope + "\"\u00E2\u0082", Envelope.Length + 1, "invalid UTF-8: the input ends inside a character" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Malformed_values_are_refused_at_their_offset(string value, int offset, string words, bool grammarRefusesToo)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(Envelope + value);
        AssertRefused(bytes, Envelope.Length + offset, words);
        Assert.Equal(grammarRefusesToo, !ParsesAsJson(bytes, maxDepth: 64));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Malformed_inputs_are_refused_at_their_offset(string input, int offset, string words)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(input);
        AssertRefused(bytes, offset, words);
        if (!input.StartsWith('\u00EF'))
        {
            // (System.Text.Json skips a byte order mark; RFC 8259 lets a parser do so, we refuse it with a clear message.)
            Assert.False(ParsesAsJson(bytes, 64) && IsObject(bytes), "System.Text.Json reads this as one object");
        }
    }

    [Fact]
    public void Offsets_count_from_the_start_of_the_bytes_given()
    {
        byte[] inner = Encoding.Latin1.GetBytes(Envelope + "tru}");
        var bytes = new byte[inner.Length + 50];
        Array.Copy(inner, 0, bytes, 50, inner.Length);
        var error = Assert.Throws<UdmScanException>(() => new UdmEventScanner().Scan(bytes, 50, inner.Length));
        Assert.Equal(Envelope.Length + 3, error.Offset);
    }

    [Fact]
    public void Thirty_two_levels_are_accepted()
    {
        // The event object is level 1; 31 arrays inside it make 32 levels, and so do 30 arrays around an object.
        byte[] arrays = Encoding.ASCII.GetBytes(Envelope + new string('[', 31) + new string(']', 31) + "}");
        new UdmEventScanner().Scan(arrays, 0, arrays.Length);
        byte[] withObject = Encoding.ASCII.GetBytes(Envelope + new string('[', 30) + "{}" + new string(']', 30) + "}");
        new UdmEventScanner().Scan(withObject, 0, withObject.Length);
    }

    [Fact]
    public void Lone_surrogate_escapes_are_refused_because_receivers_cannot_read_them_as_text()
    {
        byte[] bytes = Encoding.ASCII.GetBytes(Envelope + "\"\\uD800\"}");
        using JsonDocument doc = JsonDocument.Parse(bytes);
        Assert.Throws<InvalidOperationException>(() => doc.RootElement.GetProperty("x").GetString());
        Assert.Throws<UdmScanException>(() => new UdmEventScanner().Scan(bytes, 0, bytes.Length));
    }

    private static void AssertRefused(byte[] bytes, int offset, string words)
    {
        var error = Assert.Throws<UdmScanException>(() => new UdmEventScanner().Scan(bytes, 0, bytes.Length));
        Assert.Equal("json", error.Field);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.Equal(offset, error.Offset);
        Assert.EndsWith(" at byte " + offset, error.Message, StringComparison.Ordinal);
    }

    /// <summary>RFC 8259 JSON text: UTF-8 throughout (System.Text.Json checks string bytes only when they are read) and its grammar.</summary>
    private static bool ParsesAsJson(byte[] bytes, int maxDepth)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            using JsonDocument doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = maxDepth });
            return true;
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsObject(byte[] bytes)
    {
        using JsonDocument doc = JsonDocument.Parse(bytes);
        return doc.RootElement.ValueKind == JsonValueKind.Object;
    }
}
