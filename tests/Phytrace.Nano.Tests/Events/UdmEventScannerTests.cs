using System.Text;
using System.Text.Json;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// The passthrough scanner: what it reads from an event (id key, capture time, canonical range),
/// every event_id the schema allows, and the envelope rules it enforces.
/// </summary>
public class UdmEventScannerTests
{
    /// <summary>A valid minimal envelope with <paramref name="fields"/> in place of the defaults it names.</summary>
    internal static string Event(string eventId = "\"01940000-0000-7000-8000-000000000001\"", string capturedAt = "\"2026-06-07T19:00:00Z\"", string more = "")
        => "{\"udm_version\":\"0.0.3\",\"event_id\":" + eventId + ",\"event_type\":\"telemetry_periodic\",\"source_id\":\"amr-1\","
           + "\"source_type\":\"amr\",\"captured_at\":" + capturedAt + more + "}";

    private static UdmEventScanner Scanned(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var scanner = new UdmEventScanner();
        scanner.Scan(bytes, 0, bytes.Length);
        return scanner;
    }

    private static UdmScanException Refused(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        return Assert.Throws<UdmScanException>(() => new UdmEventScanner().Scan(bytes, 0, bytes.Length));
    }

    public static TheoryData<string> ValidFixtures() => UdmSchemaTests.Fixtures("valid");

    [SkippableTheory]
    [MemberData(nameof(ValidFixtures))]
    public void Every_valid_phyudm_fixture_scans_to_its_id_time_and_object(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(SharedMaterial.PhyUdm.Require("conformance", "valid"), name));
        var scanner = new UdmEventScanner();
        scanner.Scan(bytes, 0, bytes.Length);

        using var doc = JsonDocument.Parse(bytes);
        string id = doc.RootElement.GetProperty("event_id").GetString()!;
        Assert.Equal(id, UuidText.ToString(scanner.EventId, 0));
        Assert.True(scanner.EventIdIsUuid);
        DateTimeOffset captured = DateTimeOffset.Parse(doc.RootElement.GetProperty("captured_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((captured.UtcTicks - DateTime.UnixEpoch.Ticks) / 10, scanner.CapturedAtMicros);
        // The fixture files end with a newline: the event is the object without it.
        string text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(text.Trim(), Encoding.UTF8.GetString(bytes, scanner.EventStart, scanner.EventLength));
    }

    [Fact]
    public void Our_own_encoding_scans_back_to_its_id_and_microsecond_time()
    {
        UdmEvent e = EventSamples.Full();
        var buffer = new byte[4096];
        int n = new UdmEventEncoder().Encode(e, buffer, 100, 3000);
        var scanner = new UdmEventScanner();
        scanner.Scan(buffer, 100, n);
        Assert.Equal(e.EventId, scanner.EventId);
        Assert.Equal(EventSamples.CapturedAt, scanner.CapturedAtMicros);
        Assert.Equal(100, scanner.EventStart);
        Assert.Equal(n, scanner.EventLength);
    }

    [Theory]
    [InlineData("  \r\n\t{}", 5)]
    [InlineData("{} \n", 0)]
    public void Surrounding_whitespace_is_not_part_of_the_event(string layout, int objectAt)
    {
        string json = layout.Replace("{}", Event(), StringComparison.Ordinal);
        UdmEventScanner scanner = Scanned(json);
        Assert.Equal(objectAt, scanner.EventStart);
        Assert.Equal(Event().Length, scanner.EventLength);
    }

    [Fact]
    public void Scanning_allocates_nothing_whatever_the_event_id()
    {
        byte[][] events =
        {
            Encoding.UTF8.GetBytes(EventSamples.Encode(EventSamples.Full())),
            Encoding.UTF8.GetBytes(Event("\"e\"")),
            Encoding.UTF8.GetBytes(Event("\"\\u0030194-\\\"quoted\\\" \\uD83D\\uDE00 " + new string('x', 300) + "\"")),
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(JsonDocument.Parse(Event("\"é-ü\"")).RootElement, new JsonSerializerOptions { WriteIndented = true }) + "\n"),
        };
        var scanner = new UdmEventScanner();
        long allocated = Allocations.SteadyState(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                byte[] bytes = events[i % events.Length];
                scanner.Scan(bytes, 0, bytes.Length);
            }
        });
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("\"e\"", "e")]
    [InlineData("\"0194000000007000800000000000000a\"", "0194000000007000800000000000000a")]
    [InlineData("\"{01940000-0000-7000-8000-00000000000a}\"", "{01940000-0000-7000-8000-00000000000a}")]
    [InlineData("\"urn:uuid:01940000-0000-7000-8000-00000000000a\"", "urn:uuid:01940000-0000-7000-8000-00000000000a")]
    [InlineData("\"a\\\"b\\\\c\\/d\\n\"", "a\"b\\c/d\n")]
    [InlineData("\"caf\\u00e9 \\uD83D\\uDE00\"", "café 😀")]
    [InlineData("\"café 😀\"", "café 😀")]
    [InlineData("\"sensor-7/reading#42\"", "sensor-7/reading#42")]
    public void Any_non_empty_event_id_is_accepted_and_keyed_by_its_text(string literal, string text)
    {
        UdmEventScanner scanner = Scanned(Event(literal));
        Assert.False(scanner.EventIdIsUuid);
        var expected = new byte[16];
        Assert.False(EventIdKey.FromString(text, expected, 0));
        Assert.Equal(expected, scanner.EventId);
        Assert.True(EventIdKey.IsDerived(scanner.EventId, 0));
    }

    [Theory]
    [InlineData("\"01940000-0000-7000-8000-00000000000a\"")]
    [InlineData("\"01940000-0000-7000-8000-00000000000A\"")]
    [InlineData("\"\\u00301940000-0000-7000-8000-00000000000a\"")]
    [InlineData("\"01940000\\u002d0000-7000-8000-00000000000a\"")]
    public void A_canonical_uuid_keeps_its_bytes_however_it_is_escaped(string literal)
    {
        UdmEventScanner scanner = Scanned(Event(literal));
        Assert.True(scanner.EventIdIsUuid);
        Assert.Equal("01940000-0000-7000-8000-00000000000a", UuidText.ToString(scanner.EventId, 0));
    }

    [Fact]
    public void An_escaped_id_longer_than_the_decode_buffer_gets_the_key_of_its_text()
    {
        string text = string.Concat(Enumerable.Range(0, 90).Select(i => "é" + (char)('a' + (i % 26))));
        string escaped = string.Concat(text.Select(c => c < 0x80 ? c.ToString() : "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
        UdmEventScanner scanner = Scanned(Event("\"" + escaped + "\""));
        var expected = new byte[16];
        EventIdKey.FromString(text, expected, 0);
        Assert.Equal(expected, scanner.EventId);
    }

    [Fact]
    public void Different_ids_get_different_keys_and_equal_texts_equal_keys()
    {
        var keys = new HashSet<string>();
        for (int i = 0; i < 20000; i++)
        {
            var key = new byte[16];
            EventIdKey.FromString("event-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), key, 0);
            Assert.True(keys.Add(Convert.ToHexString(key)), "two ids share a key at " + i);
        }
        Assert.Equal(Scanned(Event("\"abc\"")).EventId, Scanned(Event("\"a\\u0062c\"")).EventId);
    }

    [Fact]
    public void The_event_id_key_may_itself_be_spelled_with_escapes()
    {
        string json = Event().Replace("\"event_id\"", "\"event\\u005fid\"", StringComparison.Ordinal);
        UdmEventScanner scanner = Scanned(json);
        Assert.Equal("01940000-0000-7000-8000-000000000001", UuidText.ToString(scanner.EventId, 0));
        // ... and counts as the same name as the plain spelling.
        UdmScanException twice = Refused(json.Replace("{", "{\"event_id\":\"x\",", StringComparison.Ordinal));
        Assert.Equal("event_id", twice.Field);
        Assert.Contains("more than once", twice.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> EnvelopeRefusals() => new()
    {
        { "{\"udm_version\":\"0.0.3\",\"event_type\":\"custom\",\"source_id\":\"s\",\"source_type\":\"amr\",\"captured_at\":\"2026-06-07T19:00:00Z\"}", "event_id", "missing" },
        { Event().Replace(",\"captured_at\":\"2026-06-07T19:00:00Z\"", "", StringComparison.Ordinal), "captured_at", "missing" },
        { Event().Replace("\"udm_version\":\"0.0.3\",", "", StringComparison.Ordinal), "udm_version", "missing" },
        { Event().Replace("\"event_type\":\"telemetry_periodic\",", "", StringComparison.Ordinal), "event_type", "missing" },
        { Event().Replace("\"source_id\":\"amr-1\",", "", StringComparison.Ordinal), "source_id", "missing" },
        { Event().Replace("\"source_type\":\"amr\",", "", StringComparison.Ordinal), "source_type", "missing" },
        { Event("\"\""), "event_id", "must not be empty" },
        { Event("12"), "event_id", "expected a string, found '1'" },
        { Event("null"), "event_id", "expected a string" },
        { Event(capturedAt: "\"2026-02-30T19:00:00Z\""), "captured_at", "RFC 3339" },
        { Event(capturedAt: "\"2026-06-07T24:00:00Z\""), "captured_at", "RFC 3339" },
        { Event(capturedAt: "\"2026-06-07T19:00:00+24:00\""), "captured_at", "RFC 3339" },
        { Event(capturedAt: "\"2026-06-07 19:00:00Z\""), "captured_at", "found \"2026-06-07 19:00:00Z\"" },
        { Event(capturedAt: "\"yesterday\""), "captured_at", "RFC 3339" },
        { Event(more: ",\"sent_at\":\"2026-06-07T19:00:00\""), "sent_at", "RFC 3339" },
        { Event(more: ",\"received_at\":5"), "received_at", "expected a string" },
        { Event().Replace("\"0.0.3\"", "\"0.0\"", StringComparison.Ordinal), "udm_version", "SemVer" },
        { Event().Replace("\"0.0.3\"", "\"v0.0.3\"", StringComparison.Ordinal), "udm_version", "SemVer" },
        { Event().Replace("\"0.0.3\"", "\"0.0.3-\"", StringComparison.Ordinal), "udm_version", "SemVer" },
        { Event().Replace("\"telemetry_periodic\"", "\"TelemetryPeriodic\"", StringComparison.Ordinal), "event_type", "UDM event type" },
        { Event().Replace("\"source_type\":\"amr\"", "\"source_type\":\"MOBILE_ROBOT\"", StringComparison.Ordinal), "source_type", "UDM source type" },
        { Event().Replace("\"amr-1\"", "\"\"", StringComparison.Ordinal), "source_id", "must not be empty" },
        { Event().Replace("\"amr-1\"", "7", StringComparison.Ordinal), "source_id", "expected a string" },
        { Event(more: ",\"sequence_num\":-1"), "sequence_num", "negative" },
        { Event(more: ",\"sequence_num\":1.5"), "sequence_num", "fractional" },
        { Event(more: ",\"sequence_num\":15e-1"), "sequence_num", "fractional" },
        { Event(more: ",\"sequence_num\":\"7\""), "sequence_num", "non-negative integer" },
        { Event(more: ",\"session_id\":7"), "session_id", "expected a string" },
        { Event(more: ",\"sdk_version\":{}"), "sdk_version", "expected a string" },
        { Event(more: ",\"extensions\":[1]"), "extensions", "expected an object" },
        { Event(more: ",\"provenance\":\"signed\""), "provenance", "expected an object" },
        { Event(more: ",\"power\":null"), "power", "expected an object" },
        { Event(more: ",\"captured_at\":\"2026-06-07T19:00:00Z\""), "captured_at", "more than once" },
    };

    [Theory]
    [MemberData(nameof(EnvelopeRefusals))]
    public void Envelope_problems_are_refused_naming_the_field(string json, string field, string words)
    {
        UdmScanException error = Refused(json);
        Assert.Equal(field, error.Field);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Offset, 0, Encoding.UTF8.GetByteCount(json));
        Assert.Contains(" at byte " + error.Offset, error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(EnvelopeRefusals))]
    public void Envelope_problems_the_scanner_refuses_the_phyudm_schema_refuses_too(string json, string field, string words)
    {
        _ = (field, words);
        // The scanner adds no rule of its own here.
        Assert.NotEmpty(UdmSchema.Errors(json));
    }

    /// <summary>Top-level additions to a minimal event that the UDM schema allows.</summary>
    public static TheoryData<string> SchemaAllowed() => new()
    {
        ",\"sequence_num\":0",
        ",\"sequence_num\":-0",
        ",\"sequence_num\":-0.0e5",
        ",\"sequence_num\":1.0",
        ",\"sequence_num\":1.50e1",
        ",\"sequence_num\":100e-2",
        ",\"sequence_num\":9223372036854775808",
        ",\"sequence_num\":1e20",
        ",\"session_id\":\"\",\"sdk_version\":\"\"",
        ",\"sent_at\":\"1998-12-31T23:59:60Z\",\"received_at\":\"1998-12-31T15:59:60.123-08:00\"",
        ",\"extensions\":{},\"power\":{\"battery\":{}},\"custom_thing\":[1,\"x\",null]",
        ",\"udm_version\\u0032\":5",
    };

    [Theory]
    [MemberData(nameof(SchemaAllowed))]
    public void What_the_schema_allows_is_accepted(string more)
    {
        Scanned(Event(more: more));
    }

    [SkippableTheory]
    [MemberData(nameof(SchemaAllowed))]
    public void What_the_scanner_accepts_here_the_phyudm_schema_allows(string more)
    {
        Assert.Empty(UdmSchema.Errors(Event(more: more)));
    }

    [Theory]
    [InlineData("2026-06-07T19:00:00Z", 1780858800000000L)]
    [InlineData("2026-06-07t19:00:00.5z", 1780858800500000L)]
    [InlineData("2026-06-07T19:00:00.123456789Z", 1780858800123456L)]
    [InlineData("2026-06-07T21:30:00+02:30", 1780858800000000L)]
    [InlineData("2026-06-07T16:00:00.000001-03:00", 1780858800000001L)]
    [InlineData("1969-12-31T23:59:59.999999Z", -1L)]
    [InlineData("2024-02-29T00:00:00Z", 1709164800000000L)]
    [InlineData("2016-12-31T23:59:60Z", 1483228800000000L)]
    [InlineData("2016-12-31T15:59:60-08:00", 1483228800000000L)]
    public void Rfc3339_times_read_to_unix_microseconds(string text, long expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Assert.True(Rfc3339Reader.TryParse(bytes, 0, bytes.Length, out long micros));
        Assert.Equal(expected, micros);
    }

    [Theory]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2026-06-07T24:00:00Z")]
    [InlineData("2026-06-07T19:60:00Z")]
    [InlineData("2026-06-07T19:00:00+24:00")]
    [InlineData("2026-06-07T19:00:00-00:60")]
    [InlineData("2026-06-07 19:00:00Z")]
    [InlineData("2026-06-07T19:00:00")]
    [InlineData("2026-06-07T19:00:00.Z")]
    [InlineData("2026-06-07T19:00:00+0200")]
    [InlineData("2016-12-31T23:58:60Z")]
    [InlineData("2016-12-31T22:59:60Z")]
    [InlineData("2026-6-07T19:00:00Z")]
    public void Malformed_rfc3339_times_are_refused(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Assert.False(Rfc3339Reader.TryParse(bytes, 0, bytes.Length, out _));
    }
}
