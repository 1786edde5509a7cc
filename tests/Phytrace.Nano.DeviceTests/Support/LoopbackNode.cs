using System;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// A PhytraceNode on a 1 MB RAM medium, the broker-less <see cref="LoopbackSession"/>, simulated
    /// Wi-Fi (down at first) and a manual clock, for stepping the uplink by hand: the same rig on
    /// nanoCLR (device tests) and on .NET (xunit). Batches of 10, PUBACK timeout 100 ms.
    /// </summary>
    public sealed class LoopbackNode
    {
        public readonly LoopbackSession Session = new LoopbackSession();
        public readonly SimulatedConnectivity Wifi = new SimulatedConnectivity(false);
        public readonly ManualTickClock Clock = new ManualTickClock(1000);
        public readonly PhytraceNode Node;
        private readonly UdmEvent scratch = new UdmEvent();

        /// <param name="connectAnswer">What the session answers to Connect (Success, or a refusal).</param>
        public LoopbackNode(MqttReasonCode connectAnswer)
        {
            Session.RefuseWith = connectAnswer;
            var config = new BoardConfig();
            config.BoardName = "loopback";
            config.Identity.SourceId = "loopback-node";
            config.Identity.SourceType = "custom";
            config.Storage.Drive = StorageSettings.InternalFlashDrive;
            config.Storage.FilePath = "I:\\phytrace\\events.ring";
            config.Storage.MaxSizeMb = 1;
            config.Storage.SyncEveryRecords = 1;
            config.Wifi.Ssid = "loopback";
            config.Mqtt.Host = "loopback";
            config.Mqtt.PubAckTimeoutMs = 100;
            config.Batch.MaxBatchSize = 10;
            var platform = new NodePlatform();
            platform.Medium = new RamMedium(1024 * 1024);
            platform.Session = Session;
            platform.Connectivity = Wifi;
            platform.Tick = Clock;
            platform.Wall = new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0), true);
            platform.Random = new XorShiftRandom(7);
            Node = PhytraceNode.Create(config, platform);
        }

        /// <summary>Emits telemetry event number <paramref name="i"/>; false when the buffer refused it.</summary>
        public bool Emit(int i)
        {
            Node.BeginEvent(scratch, UdmEventType.TelemetryPeriodic);
            scratch.Power.BatterySocPct.Set(50 + (i % 50));
            return Node.Emit(scratch);
        }
    }
}
