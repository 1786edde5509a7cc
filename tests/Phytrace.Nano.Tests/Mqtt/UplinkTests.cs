using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>Store-and-forward end to end: PhytraceNode -> real broker -> BatchReceiver.</summary>
public class UplinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static RamMedium OneMegabyte() => new(1024 * 1024);

    private static BatchReceiver Receive(IBroker broker, string name)
    {
        var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-" + name + "-" + Guid.NewGuid().ToString("N")[..6]);
        receiver.Start(TimeSpan.FromSeconds(5));
        return receiver;
    }

    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void Events_emitted_offline_are_all_delivered_in_order_once_online(string kind)
    {
        using IBroker broker = Brokers.Start(kind);
        using BatchReceiver receiver = Receive(broker, "offline");
        using var node = new TestNode(broker, "node-offline", OneMegabyte(), online: false);
        node.Node.Start();

        var ids = new List<string>();
        var json = new List<string>();
        for (int i = 0; i < 180; i++)
        {
            ids.Add(node.EmitTelemetry(i) ?? throw new InvalidOperationException("buffer refused event " + i));
            json.Add(node.LastEventJson());
        }
        Thread.Sleep(300);
        Assert.Equal(0, receiver.UniqueEvents);
        Assert.Equal(UplinkState.Offline, node.Node.Uplink.State);

        node.Connectivity.Set(true);

        Assert.True(receiver.WaitForEvents(ids.Count, Patience), $"received {receiver.UniqueEvents} of {ids.Count}");
        var got = receiver.EventsOf("node-offline");
        Assert.Equal(ids, got.Select(e => e.EventId).ToList());
        Assert.Equal(json, got.Select(e => e.Json).ToList());
        Assert.Empty(receiver.Errors);
        Assert.True(SpinWait.SpinUntil(() => node.Node.Buffer.Count == 0, Patience), "buffer not drained after acknowledgement");
    }

    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void Broker_restarts_during_flushes_lose_nothing_and_duplicates_are_identified(string kind)
    {
        // A PUBACK hands responsibility to the broker. mosquitto runs with persistence and the
        // receiver holds a persistent session, so nothing the broker acknowledged is lost across its
        // restarts; MQTTnet's in-process broker keeps nothing across a restart, so for it the check
        // is made where its responsibility starts: every batch it accepted before acknowledging.
        using IBroker broker = Brokers.Start(kind);
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-restart-" + kind, persistentSession: true);
        receiver.Start(TimeSpan.FromSeconds(5));
        using var node = new TestNode(broker, "node-restart", OneMegabyte(), online: true);
        node.Node.Start();

        var ids = new List<string>();
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 200; i++)
            {
                string? id = node.EmitTelemetry((round * 200) + i);
                Assert.NotNull(id);
                ids.Add(id!);
            }
            Thread.Sleep(30);
            broker.Restart();
        }

        Assert.True(SpinWait.SpinUntil(() => node.Node.Buffer.Count == 0, TimeSpan.FromSeconds(60)), "node did not drain its buffer");
        var stats = node.Node.GetStats();

        List<string> firstSeen;
        if (broker is EmbeddedBroker embedded)
        {
            var accepted = embedded.AcceptedBatches.SelectMany(p => BatchDecoder.Decode(p).Events).Select(e => e.EventId).ToList();
            firstSeen = accepted.Distinct().ToList();
            int duplicates = accepted.Count - firstSeen.Count;
            Assert.True(duplicates <= stats.Uplink.SendFailures * node.Config.Batch.MaxBatchSize + 5 * node.Config.Batch.MaxBatchSize,
                $"{duplicates} duplicates is more than resent batches explain");
        }
        else
        {
            Assert.True(receiver.WaitForEvents(ids.Count, TimeSpan.FromSeconds(30)),
                $"received {receiver.UniqueEvents} of {ids.Count}; subscriptions {receiver.Subscriptions}, batches {receiver.Batches}, connected {receiver.IsConnected}, node connects {stats.Uplink.Connects}, sent {stats.Uplink.EventsSent}");
            firstSeen = receiver.EventsOf("node-restart").Select(e => e.EventId).ToList();
        }
        Assert.Equal(ids, firstSeen);
        Assert.Empty(receiver.Errors);
    }

    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void Refused_credentials_open_the_breaker_back_off_and_report_once(string kind)
    {
        using IBroker broker = Brokers.Start(kind, user: "node", password: "right");
        using var node = new TestNode(broker, "node-auth", OneMegabyte(), online: true, c =>
        {
            c.Mqtt.UserName = "node";
            c.Mqtt.Password = "wrong";
        });
        var reports = new List<ErrorType>();
        node.Node.Uplink.ErrorReported += (error, _) => { lock (reports) { reports.Add(error); } };
        for (int i = 0; i < 20; i++)
        {
            Assert.NotNull(node.EmitTelemetry(i));
        }

        // Wait for three refusals rather than a fixed time: on a loaded machine a connect can take
        // seconds, and the test is about what the node does, not how fast.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        node.Node.Start();
        Thread.Sleep(3000);
        while (node.Node.GetStats().Uplink.ConnectFailures < 3 && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(100);
        }
        var stats = node.Node.GetStats();
        node.Node.Stop();
        double seconds = watch.Elapsed.TotalSeconds;

        Assert.True(stats.Uplink.ConnectFailures >= 3, "connect failures: " + stats.Uplink.ConnectFailures + " in " + seconds.ToString("F1") + " s");
        Assert.True(stats.Breaker.TimesOpened >= 1, "breaker never opened");
        // Backing off: far fewer attempts than a tight loop would make (under 40 in every 3 s).
        Assert.True(stats.Uplink.ConnectFailures < 40 * Math.Max(1.0, seconds / 3), "no back-off: " + stats.Uplink.ConnectFailures + " attempts in " + seconds.ToString("F1") + " s");
        lock (reports)
        {
            Assert.Equal(new[] { ErrorType.AuthFailure }, reports);
        }
        Assert.Equal(20, node.Node.Buffer.Count);
    }

    [Fact]
    public void Power_cut_between_publish_and_puback_sends_the_batch_again_after_reboot()
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        using BatchReceiver receiver = Receive(broker, "powercut");
        var ram = OneMegabyte();
        var medium = new FaultInjectingMedium(ram);
        var ids = new List<string>();

        var first = new TestNode(broker, "node-cut", medium, online: false);
        for (int i = 0; i < 30; i++)
        {
            ids.Add(first.EmitTelemetry(i)!);
        }
        first.Node.Buffer.Sync();
        broker.HoldPublishes();
        first.Node.Start();
        first.Connectivity.Set(true);
        Assert.True(SpinWait.SpinUntil(() => first.Node.Uplink.State == UplinkState.Sending, Patience), "never started sending");

        // Power cut: nothing more reaches the medium, the image as it is now is what survives, and
        // the old node (waiting for its PUBACK) is abandoned.
        medium.PoweredOff = true;
        byte[] image = (byte[])ram.Image.Clone();
        first.Session.Dispose();
        broker.ReleasePublishes();
        first.Node.Stop();

        using var second = new TestNode(broker, "node-cut", new RamMedium(image), online: true);
        Assert.Equal(30, second.Node.Buffer.Count);
        second.Node.Start();

        Assert.True(receiver.WaitForEvents(ids.Count, Patience), $"received {receiver.UniqueEvents} of {ids.Count}");
        Assert.Equal(ids, receiver.EventsOf("node-cut").Select(e => e.EventId).ToList());
        Assert.True(SpinWait.SpinUntil(() => second.Node.Buffer.Count == 0, Patience));
    }

    [Theory]
    [InlineData(OverflowPolicy.Reject)]
    [InlineData(OverflowPolicy.DropOldest)]
    public void A_node_faster_than_its_link_fills_the_buffer_and_the_counters_say_what_was_dropped(OverflowPolicy policy)
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        using BatchReceiver receiver = Receive(broker, "overflow");
        using var node = new TestNode(broker, "node-fast", OneMegabyte(), online: false, c =>
            c.Storage.OverflowPolicy = policy == OverflowPolicy.Reject ? "reject" : "drop_oldest");

        long capacity = node.Node.Buffer.SlotCount;
        int emitted = (int)capacity + 500;
        var accepted = new List<string>();
        for (int i = 0; i < emitted; i++)
        {
            string? id = node.EmitTelemetry(i);
            if (id != null)
            {
                accepted.Add(id);
            }
        }
        var before = node.Node.GetStats();
        node.Node.Start();
        node.Connectivity.Set(true);

        if (policy == OverflowPolicy.Reject)
        {
            Assert.Equal(emitted - accepted.Count, before.Buffer.Rejected);
            Assert.Equal(0, before.Buffer.Dropped);
            Assert.True(receiver.WaitForEvents(accepted.Count, TimeSpan.FromSeconds(60)));
            Assert.Equal(accepted, receiver.EventsOf("node-fast").Select(e => e.EventId).ToList());
        }
        else
        {
            Assert.Equal(emitted, accepted.Count);
            Assert.Equal(0, before.Buffer.Rejected);
            long kept = accepted.Count - before.Buffer.Dropped;
            Assert.True(before.Buffer.Dropped > 0);
            Assert.True(receiver.WaitForEvents((int)kept, TimeSpan.FromSeconds(60)));
            Assert.Equal(accepted.Skip((int)before.Buffer.Dropped).ToList(), receiver.EventsOf("node-fast").Select(e => e.EventId).ToList());
        }
    }
}
