using Phytrace.Nano.Configuration;
using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// A PhytraceNode whose uplink is not started, on manual clocks (2026-06-07T20:00Z, synchronised),
/// for tests of what Emit and EmitJson store. Its session is the broker-less LoopbackSession; tests
/// that send use a real broker (TestNode).
/// </summary>
public static class OfflineNode
{
    public static readonly DateTime Now = new(2026, 6, 7, 20, 0, 0, DateTimeKind.Utc);

    public static PhytraceNode Create(IStorageMedium? medium = null, ManualWallClock? wall = null, Action<BoardConfig>? tweak = null)
    {
        BoardConfig config = TestNode.HostConfig("offline-node", "loopback", 1883);
        tweak?.Invoke(config);
        return PhytraceNode.Create(config, new NodePlatform
        {
            Medium = medium ?? new RamMedium(1024 * 1024),
            Session = new LoopbackSession(),
            Connectivity = new SimulatedConnectivity(false),
            Tick = new ManualTickClock(0),
            Wall = wall ?? new ManualWallClock(Now, true),
            Random = new XorShiftRandom(11),
        });
    }
}
