using System;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// The uplink state machine of a whole PhytraceNode on a <see cref="ScriptedSession"/> (Wi-Fi
    /// down at first in one item of four: offline, then online drain), stepped
    /// on a manual clock: random scripts of emitting events, Wi-Fi going down and up, steps of the
    /// uplink, time passing, the broker refusing credentials or being unavailable, a PUBACK that
    /// never comes (items 0-3 only: each costs the 100 ms PUBACK timeout in real time) and the
    /// broker vanishing mid-batch; then the network and broker come back and the node drains. The
    /// output is a line per step (uplink state, buffer count, last error, breaker state, node
    /// counters) and every event batch published with its fate. On .NET the tool checks that every
    /// event was delivered, first sent in the order emitted, never sent again after a PUBACK, and
    /// that the buffer ends empty.
    /// </summary>
    public sealed class UplinkScenarioSet : IGoldenSet
    {
        public const int Items = 20;
        public const int Steps = 45;
        private const int Seed = 83;

        public string Name
        {
            get { return "uplink"; }
        }

        public int Count
        {
            get { return Items; }
        }

        /// <summary>The node configuration of the scenarios: batches of 5 as plain JSON, PUBACK timeout 100 ms, short retries.</summary>
        public static BoardConfig Config()
        {
            var config = new BoardConfig();
            config.BoardName = "scripted";
            config.Identity.SourceId = "scripted-node";
            config.Storage.Drive = StorageSettings.InternalFlashDrive;
            config.Storage.FilePath = "I:\\phytrace\\events.ring";
            config.Storage.MaxSizeMb = 1;
            config.Storage.SyncEveryRecords = 1;
            config.Wifi.Ssid = "scripted";
            config.Mqtt.Host = "scripted";
            config.Mqtt.PubAckTimeoutMs = 100;
            config.Batch.MaxBatchSize = 5;
            config.Batch.MaxBatchAgeMs = 500;
            config.Batch.Compression = BatchSettings.CompressionNone;
            config.Retry.InitialDelayMs = 200;
            config.Retry.MaxDelayMs = 5000;
            config.Breaker.FailureThreshold = 3;
            config.Breaker.RecoveryTimeoutSec = 10;
            config.Breaker.HalfOpenRequests = 1;
            return config;
        }

        public int Produce(int index, byte[] output)
        {
            XorShiftRandom r = GoldenInputs.ForItem(Seed, index);
            var session = new ScriptedSession();
            var wifi = new SimulatedConnectivity(index % 4 != 0);
            var clock = new ManualTickClock(1000);
            var platform = new NodePlatform();
            platform.Medium = new RamMedium(1024 * 1024);
            platform.Session = session;
            platform.Connectivity = wifi;
            platform.Tick = clock;
            platform.Wall = new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0), true);
            platform.Random = new XorShiftRandom((ulong)(index + 1));
            PhytraceNode node = PhytraceNode.Create(Config(), platform);
            var e = new UdmEvent();
            var stats = new NodeStats();
            int emitted = 0;
            string text = string.Empty;
            for (int step = 0; step < Steps + 40; step++)
            {
                string what;
                if (step >= Steps)
                {
                    // The end: network and broker back, time passes until the buffer is empty.
                    wifi.Set(true);
                    session.ConnectAnswer = MqttReasonCode.Success;
                    session.Acknowledge = true;
                    what = "drain";
                    node.Uplink.Step();
                    clock.Advance(node.Breaker.MsUntilHalfOpen + 600);
                    if (node.Buffer.Count == 0 && step > Steps + 2)
                    {
                        break;
                    }
                }
                else
                {
                    what = Act(r, index, node, session, wifi, clock, e, ref emitted);
                }
                node.GetStats(stats);
                text += what + " | " + ((int)stats.UplinkState).ToString() + " " + stats.Buffer.Count.ToString() + " " + ((int)stats.LastError).ToString() + " "
                    + ((int)stats.Breaker.State).ToString() + " | " + stats.Uplink.EventsSent.ToString() + " " + stats.Uplink.BatchesSent.ToString() + " "
                    + stats.Uplink.SendFailures.ToString() + " " + stats.Uplink.Connects.ToString() + " " + stats.Uplink.ConnectFailures.ToString() + " "
                    + stats.Uplink.ErrorReports.ToString() + " " + session.ConnectAttempts.ToString() + " " + session.EventPublishes.ToString() + "\n";
            }
            text += "emitted " + emitted.ToString() + " left " + node.Buffer.Count.ToString() + "\n";
            int n = GoldenInputs.Ascii(text, output);
            for (int i = 0; i < session.EventPublishes; i++)
            {
                byte[] payload = session.Payloads[i];
                n += GoldenInputs.Ascii("publish " + session.Outcomes[i].ToString() + " " + payload.Length.ToString() + "\n", output, n);
                Array.Copy(payload, 0, output, n, payload.Length);
                n += payload.Length;
                output[n++] = (byte)'\n';
            }
            return n;
        }

        public string Describe(int index)
        {
            return "uplink scenario #" + index.ToString();
        }

        // One scripted step; returns its name.
        private static string Act(XorShiftRandom r, int index, PhytraceNode node, ScriptedSession session, SimulatedConnectivity wifi, ManualTickClock clock, UdmEvent e, ref int emitted)
        {
            int roll = r.NextInt(100);
            if (roll < 25)
            {
                int k = 1 + r.NextInt(4);
                for (int i = 0; i < k; i++)
                {
                    node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
                    e.Extensions.SetInteger("custom_n", emitted);
                    e.Power.BatterySocPct.Set(r.NextInt(1001) / 10.0);
                    if (!node.Emit(e))
                    {
                        throw new InvalidOperationException("the buffer refused event " + emitted.ToString());
                    }
                    emitted++;
                }
                return "emit " + k.ToString();
            }
            if (roll < 55)
            {
                node.Uplink.Step();
                return "step";
            }
            if (roll < 67)
            {
                clock.Advance(r.NextInt(3000));
                return "time";
            }
            if (roll < 75)
            {
                bool up = r.NextInt(3) != 0;
                wifi.Set(up);
                if (!up)
                {
                    session.Drop();
                }
                return up ? "wifi up" : "wifi down";
            }
            if (roll < 83)
            {
                int answer = r.NextInt(4);
                session.ConnectAnswer = answer == 0 ? MqttReasonCode.BadUserNameOrPassword : (answer == 1 ? MqttReasonCode.ServerUnavailable : MqttReasonCode.Success);
                return "connect answers " + ((int)session.ConnectAnswer).ToString();
            }
            if (roll < 91)
            {
                session.DropNextEventPublish = true;
                return "broker goes mid-batch";
            }
            if (roll < 95 && index < 4)
            {
                session.Acknowledge = !session.Acknowledge;
                return session.Acknowledge ? "pubacks return" : "pubacks stop";
            }
            session.Drop();
            return "link drops";
        }
    }
}
