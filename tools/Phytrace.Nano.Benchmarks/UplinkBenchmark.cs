using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;
using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Events;
using Phytrace.Nano.Host;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// End to end on loopback: events per second from Emit to a subscriber for 1 and 8 nodes through
/// the in-process MQTTnet broker, against a plain MQTTnet client publishing each event at QoS 1 in
/// the same run; and bytes allocated per event on the node side (core alone, on a broker-less
/// session) and by the MQTTnet adapter.
/// </summary>
public sealed class UplinkBenchmark : IBenchmark
{
    public string Name => "uplink";

    public string Description => "Emit -> broker -> subscriber, 1 and 8 nodes, vs plain MQTTnet QoS 1 per event; allocation per event";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("uplink (loopback, in-process MQTTnet broker)", "MQTTnet QoS 1 per event");
        int perNode = quick ? 500 : 5000;
        foreach (int nodes in new[] { 1, 8 })
        {
            double ours = EndToEnd(nodes, perNode);
            double plain = PlainMqttnet(nodes, perNode);
            table.Add($"{nodes} node(s) x {perNode} events", "events/s delivered", ours, plain, "higher is better");
        }
        (double core, double adapter, double baselineAlloc) = Allocations(quick ? 500 : 5000);
        table.Add("node side, core only", "bytes allocated/event", core, baselineAlloc, "0 (core)");
        table.Add("MQTTnet adapter + client + in-process broker", "bytes allocated/event", adapter, baselineAlloc, "reported separately");
        return table;
    }

    private static double EndToEnd(int nodes, int perNode)
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "bench-receiver");
        receiver.Start(TimeSpan.FromSeconds(5));
        var built = new List<(PhytraceNode Node, MqttNetSession Session)>();
        for (int n = 0; n < nodes; n++)
        {
            var session = new MqttNetSession(broker.Host, broker.Port);
            var config = Config("bench-" + n, broker);
            var node = PhytraceNode.Create(config, new NodePlatform
            {
                Medium = new RamMedium(config.Storage.MaxSizeMb * 1024 * 1024),
                Session = session,
                Connectivity = new SimulatedConnectivity(true),
                Tick = SystemTickClock.Instance,
                Wall = SystemWallClock.Instance,
                Random = new XorShiftRandom((ulong)n + 1),
            });
            node.Start();
            built.Add((node, session));
        }
        var watch = Stopwatch.StartNew();
        Parallel.For(0, nodes, n =>
        {
            var e = new UdmEvent();
            PhytraceNode node = built[n].Node;
            for (int i = 0; i < perNode; i++)
            {
                Fill(node, e, i);
                while (!node.Emit(e))
                {
                    Thread.Sleep(1);
                }
            }
        });
        bool all = receiver.WaitForEvents(nodes * perNode, TimeSpan.FromSeconds(120));
        watch.Stop();
        foreach (var (node, session) in built)
        {
            node.Dispose();
            session.Dispose();
        }
        return all ? nodes * perNode / watch.Elapsed.TotalSeconds : double.NaN;
    }

    private static double PlainMqttnet(int nodes, int perNode)
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        int received = 0;
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += _ => { Interlocked.Increment(ref received); return Task.CompletedTask; };
        subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).Build()).GetAwaiter().GetResult();
        subscriber.SubscribeAsync("plain/+/events", MqttQualityOfServiceLevel.AtLeastOnce).GetAwaiter().GetResult();
        var clients = new List<IMqttClient>();
        for (int n = 0; n < nodes; n++)
        {
            var c = new MqttClientFactory().CreateMqttClient();
            c.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("plain-" + n).Build()).GetAwaiter().GetResult();
            clients.Add(c);
        }
        var watch = Stopwatch.StartNew();
        Parallel.For(0, nodes, n =>
        {
            var encoder = new UdmEventEncoder();
            var factory = new UdmEventFactory(new NodeIdentity("plain-" + n, UdmSourceType.Custom, null, null), SystemWallClock.Instance, SystemTickClock.Instance, new XorShiftRandom((ulong)n + 9));
            var e = new UdmEvent();
            var buffer = new byte[4096];
            for (int i = 0; i < perNode; i++)
            {
                factory.Begin(e, UdmEventType.TelemetryPeriodic);
                FillFields(e, i);
                int length = encoder.Encode(e, buffer, 0, buffer.Length);
                var message = new MqttApplicationMessageBuilder().WithTopic($"plain/{n}/events").WithPayload(buffer.AsSpan(0, length).ToArray())
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                clients[n].PublishAsync(message).GetAwaiter().GetResult();
            }
        });
        bool all = SpinWait.SpinUntil(() => Volatile.Read(ref received) >= nodes * perNode, TimeSpan.FromSeconds(120));
        watch.Stop();
        foreach (IMqttClient c in clients)
        {
            c.Dispose();
        }
        return all ? nodes * perNode / watch.Elapsed.TotalSeconds : double.NaN;
    }

    private static (double Core, double Adapter, double Baseline) Allocations(int events)
    {
        // Core alone: Emit + uplink cycle on this thread against the broker-less loopback session.
        var loopback = new LoopbackSession();
        var wifi = new SimulatedConnectivity(true);
        var config = Config("alloc", null);
        var node = PhytraceNode.Create(config, new NodePlatform
        {
            Medium = new RamMedium(config.Storage.MaxSizeMb * 1024 * 1024),
            Session = loopback,
            Connectivity = wifi,
            Tick = new ManualTickClock(0),
            Wall = new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), true),
            Random = new XorShiftRandom(5),
        });
        var e = new UdmEvent();
        void Cycle(int n)
        {
            for (int i = 0; i < n; i++)
            {
                Fill(node, e, i);
                node.Emit(e);
            }
            node.Buffer.Sync();
            while (node.Buffer.Count > 0)
            {
                node.Uplink.Step();
            }
        }
        Cycle(200);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Cycle(events);
        double core = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)events;
        node.Dispose();

        // The MQTTnet adapter: whole-process allocation of a node on MqttNetSession, minus the core's share.
        using var broker = new EmbeddedBroker();
        broker.Start();
        var session = new MqttNetSession(broker.Host, broker.Port);
        var hostConfig = Config("alloc-host", broker);
        var hostNode = PhytraceNode.Create(hostConfig, new NodePlatform
        {
            Medium = new RamMedium(hostConfig.Storage.MaxSizeMb * 1024 * 1024),
            Session = session,
            Connectivity = new SimulatedConnectivity(true),
            Tick = SystemTickClock.Instance,
            Wall = SystemWallClock.Instance,
            Random = new XorShiftRandom(6),
        });
        long processBefore = GC.GetTotalAllocatedBytes(true);
        for (int i = 0; i < events; i++)
        {
            Fill(hostNode, e, i);
            hostNode.Emit(e);
        }
        hostNode.Buffer.Sync();
        hostNode.Start();
        SpinWait.SpinUntil(() => hostNode.Buffer.Count == 0, TimeSpan.FromSeconds(60));
        double adapterAndBroker = (GC.GetTotalAllocatedBytes(true) - processBefore) / (double)events;
        hostNode.Dispose();
        session.Dispose();

        // Baseline: MQTTnet publishing each event at QoS 1 (client + in-process broker), per event.
        var client = new MqttClientFactory().CreateMqttClient();
        client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("alloc-plain").Build()).GetAwaiter().GetResult();
        var payload = new byte[560];
        long plainBefore = GC.GetTotalAllocatedBytes(true);
        for (int i = 0; i < events; i++)
        {
            client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("plain/x/events").WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()).GetAwaiter().GetResult();
        }
        double plain = (GC.GetTotalAllocatedBytes(true) - plainBefore) / (double)events;
        client.Dispose();
        return (core, adapterAndBroker - core, plain);
    }

    /// <summary>The host node configuration, with a larger ring and group commit for throughput.</summary>
    private static Configuration.BoardConfig Config(string sourceId, IBroker? broker)
    {
        var config = HostBoardConfig.Create("bench", sourceId, broker?.Host ?? "loopback", broker?.Port ?? 1883);
        config.Storage.MaxSizeMb = 8;
        config.Storage.SyncEveryRecords = 16;
        return config;
    }

    private static void Fill(PhytraceNode node, UdmEvent e, int i)
    {
        node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
        FillFields(e, i);
    }

    private static void FillFields(UdmEvent e, int i)
    {
        e.Power.BatterySocPct.Set(40 + (i % 60));
        e.Power.BatteryVoltageV.Set(24.1 + (i % 9) * 0.01);
        e.Thermal.AmbientTempC.Set(21.5 + (i % 5) * 0.1);
        e.Extensions.SetInteger("i", i);
    }
}
