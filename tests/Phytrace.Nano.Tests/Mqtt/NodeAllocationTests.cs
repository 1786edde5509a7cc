using Phytrace.Nano.Configuration;
using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Events;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>
/// The node side allocates nothing per event in steady state: neither Emit (encode + enqueue) nor
/// the uplink cycle (dequeue, batch, gzip, publish, PUBACK, acknowledge). Measured on this thread
/// with the broker-less LoopbackSession, so only the core's own allocations count (the MQTTnet
/// adapter's are reported by the uplink benchmark).
/// </summary>
public class NodeAllocationTests
{
    private static (PhytraceNode Node, SimulatedConnectivity Wifi, LoopbackSession Session) Build()
    {
        var config = TestNode.HostConfig("alloc-node", "loopback", 1883);
        config.Storage.SyncEveryRecords = 8;
        config.Batch.MaxBatchSize = 20;
        var wifi = new SimulatedConnectivity(false);
        var session = new LoopbackSession();
        var node = PhytraceNode.Create(config, new NodePlatform
        {
            Medium = new RamMedium(1024 * 1024),
            Session = session,
            Connectivity = wifi,
            Tick = new ManualTickClock(0),
            Wall = new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), true),
            Random = new XorShiftRandom(3),
        });
        return (node, wifi, session);
    }

    private static void Fill(PhytraceNode node, UdmEvent e, int i)
    {
        node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
        e.Power.BatterySocPct.Set(40 + (i % 60));
        e.Power.BatteryVoltageV.Set(24.1 + (i % 9) * 0.01);
        e.Thermal.AmbientTempC.Set(21.5);
        e.Extensions.SetInteger("i", i);
    }

    [Fact]
    public void Emit_allocates_nothing_per_event()
    {
        var (node, _, _) = Build();
        var e = new UdmEvent();
        long allocated = Allocations.SteadyState(() =>
        {
            node.Buffer.Clear();
            for (int i = 0; i < 1000; i++)
            {
                Fill(node, e, i);
                Assert.True(node.Emit(e));
            }
        }, warmupRounds: 1);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Uplink_cycle_allocates_nothing_per_event()
    {
        var (node, wifi, session) = Build();
        var e = new UdmEvent();
        wifi.Set(true);
        void Round(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Fill(node, e, i);
                Assert.True(node.Emit(e));
            }
            node.Buffer.Sync();
            while (node.Buffer.Count > 0)
            {
                node.Uplink.Step();
            }
        }
        Round(200);

        int published = session.EventPublishes;
        long allocated = Allocations.SteadyState(() => Round(1000), warmupRounds: 0);

        Assert.True(session.EventPublishes - published >= 150, "expected batches of 20 to be published");
        Assert.Equal(0, allocated);
    }
}
