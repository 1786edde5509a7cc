using Phytrace.Nano.Tests.Support;
using System.Text;
using System.Text.Json;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Events;

/// <summary>Passthrough: already-encoded UDM events are scanned for id and time and carried byte-identical.</summary>
public class UdmEventScannerTests
{
    public static TheoryData<string> ValidFixtures() => UdmSchemaTests.Fixtures("valid");

    [SkippableTheory]
    [MemberData(nameof(ValidFixtures))]
    public void Every_valid_phyudm_fixture_passes_through_byte_identical(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(SharedMaterial.PhyUdm.Require("conformance", "valid"), name));
        var scanner = new UdmEventScanner();
        scanner.Scan(bytes, 0, bytes.Length);

        using var doc = JsonDocument.Parse(bytes);
        string id = doc.RootElement.GetProperty("event_id").GetString()!;
        Assert.Equal(id, UuidText.ToString(scanner.EventId, 0));
        DateTimeOffset captured = DateTimeOffset.Parse(doc.RootElement.GetProperty("captured_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((captured.UtcTicks - DateTime.UnixEpoch.Ticks) / 10, scanner.CapturedAtMicros);

        var set = new BufferedEvents(4, 64 * 1024);
        Assert.True(set.TryAdd(bytes, 0, bytes.Length, scanner.EventId, 0, 1, scanner.CapturedAtMicros, true));
        Assert.Equal(bytes, set.Payload[set.PayloadOffset(0)..(set.PayloadOffset(0) + set.PayloadLength(0))]);
        Assert.Equal(id, set.EventIdString(0));
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
    }

    [Fact]
    public void Scanning_allocates_nothing()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(EventSamples.Encode(EventSamples.Full()));
        var scanner = new UdmEventScanner();
        long allocated = Allocations.SteadyState(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                scanner.Scan(bytes, 0, bytes.Length);
            }
        });
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("{\"captured_at\":\"2026-06-07T19:00:00Z\"}", "event_id", "missing")]
    [InlineData("{\"event_id\":\"01940000-0000-7000-8000-000000000001\"}", "captured_at", "missing")]
    [InlineData("{\"event_id\":\"not-a-uuid\",\"captured_at\":\"2026-06-07T19:00:00Z\"}", "event_id", "canonical")]
    [InlineData("{\"event_id\":12,\"captured_at\":\"2026-06-07T19:00:00Z\"}", "event_id", "string")]
    [InlineData("{\"event_id\":\"01940000-0000-7000-8000-000000000001\",\"captured_at\":\"2026-13-07T19:00:00Z\"}", "captured_at", "RFC 3339")]
    [InlineData("{\"event_id\":\"01940000-0000-7000-8000-000000000001\",\"captured_at\":\"2026-06-07 19:00:00\"}", "captured_at", "RFC 3339")]
    [InlineData("{\"event_id\":\"01940000-0000-7000-8000-000000000001\",\"event_id\":\"01940000-0000-7000-8000-000000000001\",\"captured_at\":\"2026-06-07T19:00:00Z\"}", "event_id", "more than once")]
    [InlineData("[1,2]", "json", "object")]
    [InlineData("{\"a\":{\"b\":[1,2}", "json", "")]
    [InlineData("{\"event_id\":\"01940000-0000-7000-8000-000000000001\",\"captured_at\":\"2026-06-07T19:00:00Z\"} x", "json", "after")]
    [InlineData("{\"event_id\":\"0194", "json", "unterminated")]
    public void Missing_or_malformed_fields_are_named(string json, string field, string words)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var error = Assert.Throws<UdmScanException>(() => new UdmEventScanner().Scan(bytes, 0, bytes.Length));
        Assert.Equal(field, error.Field);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-06-07T19:00:00Z", 1780858800000000L)]
    [InlineData("2026-06-07t19:00:00.5z", 1780858800500000L)]
    [InlineData("2026-06-07T19:00:00.123456789Z", 1780858800123456L)]
    [InlineData("2026-06-07T21:30:00+02:30", 1780858800000000L)]
    [InlineData("2026-06-07T16:00:00.000001-03:00", 1780858800000001L)]
    [InlineData("1969-12-31T23:59:59.999999Z", -1L)]
    [InlineData("2024-02-29T00:00:00Z", 1709164800000000L)]
    public void Rfc3339_times_read_to_unix_microseconds(string text, long expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Assert.True(Rfc3339Reader.TryParse(bytes, 0, bytes.Length, out long micros));
        Assert.Equal(expected, micros);
    }

    [Theory]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-06-07T24:00:00Z")]
    [InlineData("2026-06-07T19:00:00")]
    [InlineData("2026-06-07T19:00:00.Z")]
    [InlineData("2026-06-07T19:00:00+0200")]
    public void Malformed_rfc3339_times_are_refused(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Assert.False(Rfc3339Reader.TryParse(bytes, 0, bytes.Length, out _));
    }
}
