using System.Text;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Node;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>
/// A stored record that cannot be sent never blocks the records behind it: it is quarantined
/// (published once to phytrace/v1/{source}/quarantine/{sequence} and removed after its PUBACK),
/// counted, reported once, and the rest flows; against real brokers.
/// </summary>
public class QuarantineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Retry and breaker timings short enough that a dozen refusals take a second or two.</summary>
    private static void Impatient(Phytrace.Nano.Configuration.BoardConfig c)
    {
        c.Retry.MaxDelayMs = 100;
        c.Breaker.RecoveryTimeoutSec = 0.1;
    }

    private const string Envelope = "{\"udm_version\":\"0.0.3\",\"event_id\":\"old-firmware-1\",\"event_type\":\"custom\",\"source_id\":\"node-q\","
        + "\"source_type\":\"custom\",\"captured_at\":\"2026-06-07T19:00:00Z\"";

    public static TheoryData<string, string> KindsAndPoisons()
    {
        var data = new TheoryData<string, string>();
        foreach (string kind in new[] { "embedded", "mosquitto" })
        {
            data.Add(kind, "trailing-newline");
            data.Add(kind, "malformed-json");
        }
        return data;
    }

    /// <summary>
    /// Records as an older firmware stored them before EmitJson checked strictly, written straight
    /// into the ring: one a batch cannot carry (it does not end with '}'), and one that would make
    /// its whole batch undecodable (a broken literal inside).
    /// </summary>
    private static (byte[] Bytes, string Why) Poison(string name) => name switch
    {
        "trailing-newline" => (Encoding.UTF8.GetBytes(Envelope + "}\n"), "from '{' to '}'"),
        _ => (Encoding.UTF8.GetBytes(Envelope + ",\"x\":tru}"), "expected the literal 'true'"),
    };

    [SkippableTheory]
    [MemberData(nameof(KindsAndPoisons))]
    public void One_bad_record_followed_by_twenty_good_ones_delivers_the_twenty(string kind, string poison)
    {
        using IBroker broker = Brokers.Start(kind);
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-quarantine-" + kind + "-" + poison);
        receiver.Start(TimeSpan.FromSeconds(5));
        using var node = new TestNode(broker, "node-q", new RamMedium(1024 * 1024), online: false);
        var reports = new List<(long Sequence, bool Published, string Reason)>();
        node.Node.Uplink.RecordQuarantined += (sequence, published, reason) => { lock (reports) { reports.Add((sequence, published, reason)); } };

        (byte[] bad, string why) = Poison(poison);
        var key = new byte[16];
        EventIdKey.FromString("old-firmware-1", key, 0);
        Assert.True(node.Node.Buffer.Enqueue(bad, 0, bad.Length, key, 0, Iso8601Utc.ToUnixMicros(DateTime.UtcNow), true));
        var ids = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            ids.Add(node.EmitTelemetry(i) ?? throw new InvalidOperationException("refused event " + i));
        }

        node.Node.Start();
        node.Connectivity.Set(true);

        Assert.True(receiver.WaitForEvents(20, Patience), $"received {receiver.UniqueEvents} of 20; uplink {node.Node.Uplink.State}, last error {node.Node.Uplink.LastError}");
        Assert.Equal(ids, receiver.EventsOf("node-q").Select(e => e.EventId).ToList());
        Assert.True(SpinWait.SpinUntil(() => receiver.Quarantined.Count > 0 && node.Node.Buffer.Count == 0, Patience), "the bad record was not quarantined");
        QuarantinedRecord record = receiver.Quarantined[0];
        Assert.Equal("node-q", record.SourceId);
        Assert.Equal(0, record.Sequence);
        Assert.Equal(bad, record.Payload);
        Assert.Empty(receiver.Errors);

        NodeStats stats = node.Node.GetStats();
        Assert.Equal(1, stats.Uplink.Quarantined);
        Assert.Equal(0, stats.Uplink.QuarantineDropped);
        Assert.Equal(20, stats.Uplink.EventsSent);
        lock (reports)
        {
            (long sequence, bool published, string reason) = Assert.Single(reports);
            Assert.Equal(0, sequence);
            Assert.True(published);
            Assert.Contains(why, reason, StringComparison.Ordinal);
        }
        Assert.True(SpinWait.SpinUntil(() => receiver.StatusOf("node-q")?.Contains("\"quarantined\":1,", StringComparison.Ordinal) == true, Patience),
            "status does not count the quarantined record: " + receiver.StatusOf("node-q"));
        Assert.Contains("\"last_quarantined_sequence\":0", receiver.StatusOf("node-q"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_passthrough_record_between_the_nodes_own_events_is_still_scanned_and_set_aside()
    {
        // The node's own events are vetted (the uplink does not scan them again); a record put
        // straight into the ring between them is not, so the scan still catches it.
        using var broker = new EmbeddedBroker();
        broker.Start();
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-vetted-between");
        receiver.Start(TimeSpan.FromSeconds(5));
        using var node = new TestNode(broker, "node-q", new RamMedium(1024 * 1024), online: false);
        (byte[] bad, _) = Poison("malformed-json");
        var key = new byte[16];
        EventIdKey.FromString("old-firmware-1", key, 0);
        var ids = new List<string>();
        for (int i = 0; i < 10; i++)
        {
            if (i == 5)
            {
                Assert.True(node.Node.Buffer.Enqueue(bad, 0, bad.Length, key, 0, Iso8601Utc.ToUnixMicros(DateTime.UtcNow), true));
            }
            ids.Add(node.EmitTelemetry(i) ?? throw new InvalidOperationException("refused event " + i));
        }

        node.Node.Start();
        node.Connectivity.Set(true);

        Assert.True(receiver.WaitForEvents(10, Patience), $"received {receiver.UniqueEvents} of 10; uplink {node.Node.Uplink.State}");
        Assert.Equal(ids, receiver.EventsOf("node-q").Select(e => e.EventId).ToList());
        Assert.True(SpinWait.SpinUntil(() => receiver.Quarantined.Count > 0 && node.Node.Buffer.Count == 0, Patience), "the bad record was not quarantined");
        Assert.Equal(bad, receiver.Quarantined[0].Payload);
        Assert.Equal(5, receiver.Quarantined[0].Sequence);
        Assert.Empty(receiver.Errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_record_the_broker_refuses_even_alone_is_set_aside_and_the_rest_flows(bool quarantineRefusedToo)
    {
        // The broker (a policy, as an ingestion plugin would have) answers any batch holding the marked
        // event with a negative PUBACK; with quarantineRefusedToo its quarantine publish is refused as well.
        using var broker = new EmbeddedBroker();
        broker.Start();
        broker.RefusePublish = (topic, payload) => topic.EndsWith("/events", StringComparison.Ordinal)
            ? BatchDecoder.Decode(payload).Events.Any(e => e.Json.Contains("refuse-me", StringComparison.Ordinal))
            : quarantineRefusedToo && topic.Contains("/quarantine/", StringComparison.Ordinal);
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-refused-" + quarantineRefusedToo);
        receiver.Start(TimeSpan.FromSeconds(5));
        using var node = new TestNode(broker, "node-r", new RamMedium(1024 * 1024), online: false, Impatient);
        var reports = new List<(long Sequence, bool Published, string Reason)>();
        node.Node.Uplink.RecordQuarantined += (sequence, published, reason) => { lock (reports) { reports.Add((sequence, published, reason)); } };

        var marked = new UdmEvent();
        node.Node.BeginEvent(marked, UdmEventType.Custom);
        marked.Extensions.SetString("custom_marker", "refuse-me");
        Assert.True(node.Node.Emit(marked));
        var ids = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            ids.Add(node.EmitTelemetry(i) ?? throw new InvalidOperationException("refused event " + i));
        }
        node.Node.Start();
        node.Connectivity.Set(true);

        Assert.True(receiver.WaitForEvents(20, Patience), $"received {receiver.UniqueEvents} of 20; uplink {node.Node.Uplink.State}");
        Assert.Equal(ids, receiver.EventsOf("node-r").Select(e => e.EventId).ToList());
        Assert.True(SpinWait.SpinUntil(() => node.Node.Buffer.Count == 0, Patience), "buffer not drained");
        NodeStats stats = node.Node.GetStats();
        lock (reports)
        {
            (long sequence, bool published, string reason) = Assert.Single(reports);
            Assert.Equal(0, sequence);
            Assert.Equal(!quarantineRefusedToo, published);
            Assert.Contains("the broker did not take it even alone (4 attempts", reason, StringComparison.Ordinal);
            Assert.Contains("but took the event behind it", reason, StringComparison.Ordinal);
            if (quarantineRefusedToo)
            {
                Assert.Contains("the quarantine topic did not take it either (3 attempts", reason, StringComparison.Ordinal);
            }
        }
        Assert.Equal(quarantineRefusedToo ? 0 : 1, stats.Uplink.Quarantined);
        Assert.Equal(quarantineRefusedToo ? 1 : 0, stats.Uplink.QuarantineDropped);
        if (!quarantineRefusedToo)
        {
            Assert.True(SpinWait.SpinUntil(() => receiver.Quarantined.Count == 1, Patience));
            Assert.Contains("refuse-me", Encoding.UTF8.GetString(receiver.Quarantined[0].Payload), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_broker_that_refuses_every_batch_singles_out_no_record_and_loses_nothing()
    {
        // As an ACL denying the events topic would: no record is to blame, so none is set aside or
        // dropped; the uplink backs off with everything buffered, and sends it all once allowed.
        using var broker = new EmbeddedBroker();
        broker.Start();
        broker.RefusePublish = (topic, _) => !topic.EndsWith("/status", StringComparison.Ordinal);
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-acl");
        receiver.Start(TimeSpan.FromSeconds(5));
        using var node = new TestNode(broker, "node-acl", new RamMedium(1024 * 1024), online: true, Impatient);
        int reports = 0;
        node.Node.Uplink.RecordQuarantined += (_, _, _) => Interlocked.Increment(ref reports);
        var ids = new List<string>();
        for (int i = 0; i < 21; i++)
        {
            ids.Add(node.EmitTelemetry(i) ?? throw new InvalidOperationException("refused event " + i));
        }
        node.Node.Start();

        Assert.True(SpinWait.SpinUntil(() => node.Node.GetStats().Uplink.SendFailures >= 12, Patience), "the uplink did not keep trying");
        NodeStats stats = node.Node.GetStats();
        Assert.Equal(0, stats.Uplink.Quarantined);
        Assert.Equal(0, stats.Uplink.QuarantineDropped);
        Assert.Equal(0, Volatile.Read(ref reports));
        Assert.Equal(21, node.Node.Buffer.Count);

        broker.RefusePublish = null;
        Assert.True(receiver.WaitForEvents(21, Patience), $"received {receiver.UniqueEvents} of 21");
        Assert.Empty(receiver.Quarantined);
        // In order, except that the probe (the event behind the one refused alone) may have gone first.
        List<string> got = receiver.EventsOf("node-acl").Select(e => e.EventId).ToList();
        if (got[0] == ids[1])
        {
            (got[0], got[1]) = (got[1], got[0]);
        }
        Assert.Equal(ids, got);
    }
}
