using System.Text.Json;
using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Host;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Node;

/// <summary>
/// Event identity across reboots: a node on one region (group commit, 8 records per sync point)
/// sends through a real broker while emitting, and loses power at a random byte of a random write,
/// three times; a fourth boot drains what survived. Every event Emit accepted (those lost in a cut
/// included: the application was told they were taken) carries this boot's session_id (a new
/// UUIDv7 per boot) and a sequence_num above every one handed out before, in any boot; no
/// (session_id, sequence_num) pair repeats among different events; what reaches the receiver comes
/// in strictly increasing sequence_num order, each pair naming the event it was given to.
/// </summary>
public class SequenceAcrossBootsTests
{
    private sealed record Accepted(int Boot, string SessionId, long SequenceNum, string EventId);

    /// <summary>Three runs by default (cuts at other writes and bytes); PHYTRACE_LONG_TESTS=1 adds twenty.</summary>
    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int> { { "embedded", 1 }, { "embedded", 2 }, { "mosquitto", 3 } };
        if (Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1")
        {
            for (int seed = 10; seed < 30; seed++)
            {
                data.Add(seed % 2 == 0 ? "embedded" : "mosquitto", seed);
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Runs))]
    public void Three_boots_with_power_cuts_never_repeat_a_pair_nor_go_back(string kind, int seed)
    {
        using IBroker broker = Brokers.Start(kind);
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-boots-" + kind + "-" + seed);
        receiver.Start(TimeSpan.FromSeconds(5));
        var disk = new RamMedium(1024 * 1024);
        var random = new Random(seed);
        var accepted = new List<Accepted>();
        var sessions = new List<string>();

        for (int boot = 0; boot < 3; boot++)
        {
            var medium = new FaultInjectingMedium(disk);
            var session = new MqttNetSession(broker.Host, broker.Port, TimeSpan.FromSeconds(2));
            PhytraceNode node = Boot(medium, session, boot, broker);
            sessions.Add(node.Session.SessionId);
            // Power goes at a random byte of one of the next writes (records, checkpoints, tombstones).
            medium.CutPowerAt(medium.WriteCalls + random.Next(10, 60), random.Next(0, 600));
            var e = new UdmEvent();
            for (int i = 0; i < 5000 && !medium.PoweredOff; i++)
            {
                node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
                e.Power.BatterySocPct.Set(i % 100);
                if (node.Emit(e))
                {
                    accepted.Add(new Accepted(boot, node.Session.SessionId, e.SequenceNum.Value, UuidText.ToString(e.EventId, 0)));
                }
                if (i % 7 == 0)
                {
                    node.Uplink.Step();
                }
            }
            Assert.True(medium.PoweredOff, "the power cut never came");
            session.Abandon(); // the broker sees the socket die, as with a node losing power
            try
            {
                node.Dispose();
            }
            catch (StorageMediumException)
            {
                // Nothing is left to tear down on a node without power.
            }
        }

        // A fourth boot, with power, sends what survived.
        using var lastSession = new MqttNetSession(broker.Host, broker.Port, TimeSpan.FromSeconds(2));
        using PhytraceNode last = Boot(new FaultInjectingMedium(disk), lastSession, 3, broker);
        sessions.Add(last.Session.SessionId);
        last.Start();
        Assert.True(SpinWait.SpinUntil(() => last.Buffer.Count == 0, TimeSpan.FromSeconds(60)), "the last boot did not drain its buffer");
        Thread.Sleep(200);

        // Every boot its own session, a UUIDv7.
        Assert.Equal(4, sessions.Distinct().Count());
        foreach (string session in sessions)
        {
            var bytes = new byte[16];
            Assert.True(UuidText.TryParse(session, bytes, 0));
            Assert.Equal(0x70, bytes[6] & 0xF0);
        }

        // Handed out: strictly increasing within a boot and above everything handed out in earlier boots.
        long highest = -1;
        foreach (Accepted a in accepted)
        {
            Assert.True(a.SequenceNum > highest, $"boot {a.Boot} handed out sequence_num {a.SequenceNum} after {highest} had been handed out");
            highest = a.SequenceNum;
        }
        Assert.Equal(accepted.Count, accepted.Select(a => (a.SessionId, a.SequenceNum)).Distinct().Count());
        Assert.True(accepted.Select(a => a.Boot).Distinct().Count() == 3, "every boot emitted before its cut");

        // Delivered: each pair names the event it was given to, and arrival order never goes back.
        var byId = accepted.ToDictionary(a => a.EventId);
        IReadOnlyList<DecodedEvent> delivered = receiver.EventsOf("boots-node");
        Assert.NotEmpty(delivered);
        long previous = -1;
        foreach (DecodedEvent d in delivered)
        {
            using JsonDocument doc = JsonDocument.Parse(d.Json);
            string session = doc.RootElement.GetProperty("session_id").GetString()!;
            long sequence = doc.RootElement.GetProperty("sequence_num").GetInt64();
            Assert.True(byId.TryGetValue(d.EventId, out Accepted? a), "delivered an event Emit never accepted: " + d.EventId);
            Assert.Equal((a!.SessionId, a.SequenceNum), (session, sequence));
            Assert.True(sequence > previous, $"sequence_num {sequence} arrived after {previous}");
            previous = sequence;
        }
        Assert.Empty(receiver.Errors);
    }

    private static PhytraceNode Boot(IStorageMedium medium, IMqttSession session, int boot, IBroker broker)
    {
        var config = TestNode.HostConfig("boots-node", broker.Host, broker.Port);
        config.Storage.SyncEveryRecords = 8;
        config.Batch.MaxBatchSize = 10;
        return PhytraceNode.Create(config, new NodePlatform
        {
            Medium = medium,
            Session = session,
            Connectivity = new SimulatedConnectivity(true),
            Tick = SystemTickClock.Instance,
            Wall = SystemWallClock.Instance,
            Random = new XorShiftRandom((ulong)(boot + 1) * 0x9E3779B97F4A7C15UL),
        });
    }
}
