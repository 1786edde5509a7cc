using System;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Checks of the MQTT uplink and the PhytraceNode facade on the device's runtime, driven step by
    /// step on a manual clock against the broker-less <see cref="LoopbackSession"/>.
    /// </summary>
    public static class UplinkChecks
    {
        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Uplink");
            r.Run("TopicsNameTheSource", delegate
            {
                var topics = new MqttTopics("amr-7");
                Expect.Equal("phytrace/v1/amr-7/events", topics.Events, "events topic");
                Expect.Equal("phytrace/v1/amr-7/status", topics.Status, "status topic");
                Expect.Throws(delegate { new MqttTopics("a/b"); }, "a '/' in source_id");
                Expect.Throws(delegate { new MqttTopics("a+"); }, "a wildcard in source_id");
            });
            r.Run("ConnectRefusalsAreClassified", delegate
            {
                Expect.True(MqttErrorClassifier.FromConnect(MqttReasonCode.BadUserNameOrPassword) == ErrorType.AuthFailure, "bad credentials");
                Expect.True(MqttErrorClassifier.FromConnect(MqttReasonCode.ServerUnavailable) == ErrorType.ServerError, "server unavailable");
                Expect.True(MqttErrorClassifier.FromConnect(MqttReasonCode.NetworkUnreachable) == ErrorType.NetworkError, "unreachable");
                Expect.True(MqttErrorClassifier.FromConnect(MqttReasonCode.QuotaExceeded) == ErrorType.RateLimited, "quota");
                Expect.True(MqttErrorClassifier.FromPublish(PublishOutcome.TimedOut) == ErrorType.Timeout, "no PUBACK");
            });
            r.Run("OfflineEventsAreSentOnceOnline", delegate
            {
                var rig = new Rig(MqttReasonCode.Success);
                for (int i = 0; i < 25; i++)
                {
                    Expect.True(rig.Emit(i), "emit " + i.ToString());
                }
                rig.Node.Uplink.Step();
                Expect.True(rig.Node.Uplink.State == UplinkState.Offline, "offline while Wi-Fi is down");
                Expect.Equal(0, rig.Session.EventPublishes, "nothing published offline");

                rig.Wifi.Set(true);
                for (int i = 0; i < 10; i++)
                {
                    rig.Node.Uplink.Step();
                }
                Expect.Equal(5, rig.Node.Buffer.Count, "two full batches sent; the last 5 wait for max_batch_age_ms");
                rig.Clock.Advance(1000);
                rig.Node.Uplink.Step();
                Expect.Equal(0, rig.Node.Buffer.Count, "buffer drained after PUBACKs");
                Expect.Equal(3, rig.Session.EventPublishes, "25 events in batches of 10");
                Expect.True(rig.Session.StatusPublishes >= 1, "online status published");
            });
            r.Run("UnacknowledgedBatchStaysBuffered", delegate
            {
                var rig = new Rig(MqttReasonCode.Success);
                rig.Session.Acknowledge = false;
                rig.Wifi.Set(true);
                Expect.True(rig.Emit(1), "emit");
                rig.Node.Uplink.Step();
                rig.Node.Uplink.Step();
                rig.Clock.Advance(1000);
                rig.Node.Uplink.Step();
                Expect.Equal(1, rig.Node.Buffer.Count, "still buffered without a PUBACK");
                Expect.True(rig.Node.Uplink.LastError == ErrorType.Timeout, "reported as a timeout");
            });
            r.Run("RefusedCredentialsReportedOnceAndBreakerOpens", delegate
            {
                var rig = new Rig(MqttReasonCode.BadUserNameOrPassword);
                int reports = 0;
                rig.Node.Uplink.ErrorReported += delegate(ErrorType error, string message) { reports++; };
                rig.Wifi.Set(true);
                Expect.True(rig.Emit(1), "emit");
                for (int i = 0; i < 20; i++)
                {
                    rig.Node.Uplink.Step();
                    rig.Clock.Advance(40000);
                }
                Expect.True(rig.Session.ConnectAttempts >= 3, "kept trying");
                Expect.Equal(1, reports, "one report for one kind of failure");
                Expect.True(rig.Node.Breaker.Stats.TimesOpened >= 1, "breaker opened");
                Expect.Equal(1, rig.Node.Buffer.Count, "nothing lost");
            });
        }

        /// <summary>A node on a RAM medium, the loopback session, simulated Wi-Fi and a manual clock.</summary>
        private sealed class Rig
        {
            public readonly LoopbackSession Session = new LoopbackSession();
            public readonly SimulatedConnectivity Wifi = new SimulatedConnectivity(false);
            public readonly ManualTickClock Clock = new ManualTickClock(1000);
            public readonly PhytraceNode Node;
            private readonly UdmEvent scratch = new UdmEvent();

            public Rig(MqttReasonCode connectAnswer)
            {
                Session.RefuseWith = connectAnswer;
                var config = new BoardConfig();
                config.BoardName = "self-test";
                config.Identity.SourceId = "self-test-node";
                config.Identity.SourceType = "custom";
                config.Storage.Drive = StorageSettings.InternalFlashDrive;
                config.Storage.FilePath = "I:\\phytrace\\events.ring";
                config.Storage.MaxSizeMb = 1;
                config.Storage.SyncEveryRecords = 1;
                config.Wifi.Ssid = "self-test";
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

            public bool Emit(int i)
            {
                Node.BeginEvent(scratch, UdmEventType.TelemetryPeriodic);
                scratch.Power.BatterySocPct.Set(50 + (i % 50));
                return Node.Emit(scratch);
            }
        }
    }
}
