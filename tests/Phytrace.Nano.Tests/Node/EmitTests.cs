using System.Text;
using System.Text.Json;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Events;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Node;

/// <summary>What Emit and EmitJson store, refuse and count.</summary>
public class EmitTests
{
    private static string StoredJson(PhytraceNode node, int index = 0)
    {
        BufferedEvents events = node.Buffer.Dequeue(100);
        return Encoding.UTF8.GetString(events.Payload, events.PayloadOffset(index), events.PayloadLength(index));
    }

    [Fact]
    public void EmitJson_stores_the_object_without_the_whitespace_around_it()
    {
        using PhytraceNode node = OfflineNode.Create();
        string pretty = "\n\t {\n  \"udm_version\": \"0.0.3\",\n  \"event_id\": \"e\",\n  \"event_type\": \"custom\",\n  \"source_id\": \"s\",\n"
            + "  \"source_type\": \"custom\",\n  \"captured_at\": \"2026-06-07T19:00:00Z\"\n}\r\n";
        byte[] bytes = Encoding.UTF8.GetBytes("xx" + pretty + "yy");
        Assert.True(node.EmitJson(bytes, 2, bytes.Length - 4));
        Assert.Equal(pretty.Trim(), StoredJson(node));
    }

    [Fact]
    public void A_refused_event_stores_nothing_and_is_counted()
    {
        using PhytraceNode node = OfflineNode.Create();
        byte[] bad = Encoding.UTF8.GetBytes(UdmEventScannerTests.Event(more: ",\"x\":tru"));
        var error = Assert.Throws<UdmScanException>(() => node.EmitJson(bad, 0, bad.Length));
        Assert.Equal("json", error.Field);
        byte[] good = Encoding.UTF8.GetBytes(UdmEventScannerTests.Event());
        Assert.True(node.EmitJson(good, 0, good.Length));

        NodeStats stats = node.GetStats();
        Assert.Equal(1, stats.Buffer.Count);
        Assert.Equal(1, stats.InvalidEvents);
        Assert.Equal(1, stats.EmitFailures);
        Assert.Equal(UdmEventScannerTests.Event(), StoredJson(node));
    }

    [Fact]
    public void An_event_past_max_age_is_refused_as_expired_and_counted()
    {
        var wall = new ManualWallClock(OfflineNode.Now, true);
        using PhytraceNode node = OfflineNode.Create(wall: wall, tweak: c => c.Storage.MaxAgeHours = 24);
        byte[] old = Encoding.UTF8.GetBytes(UdmEventScannerTests.Event(capturedAt: "\"2026-06-06T19:59:59Z\""));
        byte[] recent = Encoding.UTF8.GetBytes(UdmEventScannerTests.Event(capturedAt: "\"2026-06-06T20:00:01Z\""));

        Assert.False(node.EmitJson(old, 0, old.Length));
        Assert.Equal(EnqueueFailure.Expired, node.LastEmitFailure);
        Assert.True(node.EmitJson(recent, 0, recent.Length));
        Assert.Equal(EnqueueFailure.None, node.LastEmitFailure);

        var e = new UdmEvent();
        node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
        e.SetCapturedAt(Iso8601Utc.ToUnixMicros(OfflineNode.Now.AddHours(-25)), true);
        Assert.False(node.Emit(e));
        Assert.Equal(EnqueueFailure.Expired, node.LastEmitFailure);

        NodeStats stats = node.GetStats();
        Assert.Equal(2, stats.Buffer.RefusedExpired);
        Assert.Equal(0, stats.Buffer.Expired);
        Assert.Equal(2, stats.EmitFailures);
        Assert.Equal(1, stats.Buffer.Count);
    }

    [Fact]
    public void Age_is_not_judged_on_an_unsynchronised_clock()
    {
        // An ESP32 without SNTP boots near 1970; an event's own old time is no reason to refuse it then,
        // and an event captured on an unsynced clock is never judged by arithmetic on it.
        var wall = new ManualWallClock(new DateTime(1970, 1, 1, 0, 5, 0, DateTimeKind.Utc), false);
        using PhytraceNode node = OfflineNode.Create(wall: wall, tweak: c => c.Storage.MaxAgeHours = 1);
        byte[] old = Encoding.UTF8.GetBytes(UdmEventScannerTests.Event(capturedAt: "\"2020-01-01T00:00:00Z\""));
        Assert.True(node.EmitJson(old, 0, old.Length));
        wall.Set(OfflineNode.Now, true);
        var e = new UdmEvent();
        node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
        e.SetCapturedAt(0, false);
        Assert.True(node.Emit(e));
    }

    [Fact]
    public void Emit_stamps_the_session_and_the_buffer_sequence()
    {
        using PhytraceNode node = OfflineNode.Create();
        byte[] passthrough = Encoding.UTF8.GetBytes(UdmEventScannerTests.Event(more: ",\"sequence_num\":7"));
        var e = new UdmEvent();
        var sequences = new List<long>();
        for (int i = 0; i < 5; i++)
        {
            node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
            Assert.True(node.Emit(e));
            sequences.Add(e.SequenceNum.Value);
            Assert.True(node.EmitJson(passthrough, 0, passthrough.Length));
        }

        BufferedEvents stored = node.Buffer.Dequeue(100);
        Assert.Equal(10, stored.Count);
        for (int i = 0; i < 10; i += 2)
        {
            using JsonDocument doc = JsonDocument.Parse(Encoding.UTF8.GetString(stored.Payload, stored.PayloadOffset(i), stored.PayloadLength(i)));
            Assert.Equal(stored.Sequence(i), doc.RootElement.GetProperty("sequence_num").GetInt64());
            Assert.Equal(node.Session.SessionId, doc.RootElement.GetProperty("session_id").GetString());
            // Passthrough events keep their own sequence_num.
            using JsonDocument other = JsonDocument.Parse(Encoding.UTF8.GetString(stored.Payload, stored.PayloadOffset(i + 1), stored.PayloadLength(i + 1)));
            Assert.Equal(7, other.RootElement.GetProperty("sequence_num").GetInt64());
        }
        Assert.Equal(new long[] { 0, 2, 4, 6, 8 }, sequences);
        var id = new byte[16];
        Assert.True(UuidText.TryParse(node.Session.SessionId, id, 0));
        Assert.Equal(0x70, id[6] & 0xF0);
    }

    [Fact]
    public void Remove_finds_events_by_any_event_id()
    {
        using PhytraceNode node = OfflineNode.Create();
        foreach (string id in new[] { "\"first\"", "\"caf\\u00e9\"", "\"01940000-0000-7000-8000-00000000000a\"", "\"last\"" })
        {
            byte[] bytes = Encoding.UTF8.GetBytes(UdmEventScannerTests.Event(id));
            Assert.True(node.EmitJson(bytes, 0, bytes.Length));
        }
        Assert.Equal(2, node.Buffer.Remove(new[] { "café", "01940000-0000-7000-8000-00000000000A" }));
        Assert.Equal(0, node.Buffer.Remove(new[] { "cafe" }));
        Assert.Equal(2, node.Buffer.Count);
        Assert.Throws<ArgumentException>(() => node.Buffer.Remove(new[] { "" }));
    }

    [Fact]
    public void EmitJson_allocates_nothing_per_event()
    {
        using PhytraceNode node = OfflineNode.Create();
        byte[][] events =
        {
            Encoding.UTF8.GetBytes(EventSamples.Encode(EventSamples.Full())),
            Encoding.UTF8.GetBytes(UdmEventScannerTests.Event("\"not-a-uuid-\\u00e9\"") + "\n"),
            PrettyPrinted(EventSamples.Encode(EventSamples.Full())),
            Encoding.UTF8.GetBytes("  " + UdmEventScannerTests.Event(more: ",\"power\":{\"battery\":{\"soc_pct\":1}}")),
        };
        long allocated = Allocations.SteadyState(() =>
        {
            node.Buffer.Clear();
            for (int i = 0; i < 300; i++)
            {
                byte[] bytes = events[i % events.Length];
                Assert.True(node.EmitJson(bytes, 0, bytes.Length));
            }
        });
        Assert.Equal(0, allocated);
    }

    /// <summary>The event indented as phyudm's fixture files are, with their final newline.</summary>
    private static byte[] PrettyPrinted(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc.RootElement, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
