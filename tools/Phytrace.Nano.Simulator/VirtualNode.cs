using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Host;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Simulator;

/// <summary>
/// One simulated sensor node: a real <see cref="PhytraceNode"/> with its EdgeBuffer in a real file,
/// an MQTTnet session, a simulated Wi-Fi signal and a power switch. Counters survive power cuts
/// (they are the simulator's bookkeeping, not the node's). Driven from one thread.
/// </summary>
public sealed class VirtualNode : IDisposable
{
    private readonly BoardConfig config;
    private readonly BrokerAddress broker;
    private readonly MqttTlsSettings? tls;
    private readonly TelemetryGenerator telemetry;
    private readonly UdmEvent scratch = new();
    private readonly HashSet<string> accepted = new(StringComparer.Ordinal);
    private readonly NodeStats stats = new();
    private PhytraceNode? node;
    private MqttNetSession? session;
    private SimulatedConnectivity? connectivity;
    private PowerSwitchMedium? medium;
    private bool wifiUp = true;
    private long retiredBytesWritten;
    private long retiredRejected;
    private long retiredDropped;
    private long retiredExpired;
    private long lastBuffered;

    public VirtualNode(int index, string sourceId, string filePath, BrokerAddress broker, ulong seed, MqttTlsSettings? tls = null)
    {
        this.tls = tls;
        Index = index;
        SourceId = sourceId;
        FilePath = filePath;
        this.broker = broker;
        config = SimNodeConfig.Create(sourceId, broker);
        telemetry = new TelemetryGenerator(index, seed);
    }

    public int Index { get; }

    public string SourceId { get; }

    public string FilePath { get; }

    public bool IsPowered => node != null;

    public bool IsWifiUp => wifiUp;

    /// <summary>Events Emit accepted (durable in the file).</summary>
    public IReadOnlyCollection<string> AcceptedIds => accepted;

    public long Accepted => accepted.Count;

    /// <summary>Emit calls that returned false (buffer full under the Reject policy, medium error).</summary>
    public long Refused { get; private set; }

    /// <summary>Events that would have been emitted while the node had no power.</summary>
    public long MissedWhileOff { get; private set; }

    public int Boots { get; private set; }

    public long EStops { get; private set; }

    /// <summary>Events in the buffer now (the last known value while powered off).</summary>
    public long Buffered => node != null ? node.Buffer.Count : lastBuffered;

    /// <summary>"power off", "no wifi", or the uplink's state in words ("sending", "circuit open", ...).</summary>
    public string State => node == null ? "power off" : !wifiUp ? "no wifi" : Words(node.Uplink.State.ToString());

    public long BytesWritten => retiredBytesWritten + (medium?.BytesWritten ?? 0);

    /// <summary>Events the buffer refused or dropped by its policy (rejected + dropped + expired) over all boots.</summary>
    public long DroppedByPolicy
    {
        get
        {
            long live = 0;
            if (node != null)
            {
                node.GetStats(stats);
                live = stats.Buffer.Rejected + stats.Buffer.Dropped + stats.Buffer.Expired;
            }
            return retiredRejected + retiredDropped + retiredExpired + live;
        }
    }

    /// <summary>Powers the node on: opens the file (mounting whatever it holds) and starts the uplink.</summary>
    public void PowerOn()
    {
        if (node != null)
        {
            return;
        }
        var file = new FileStreamMedium(FilePath, config.Storage.MaxSizeBytes, reopenAtSyncPoints: false);
        medium = new PowerSwitchMedium(file);
        connectivity = new SimulatedConnectivity(wifiUp);
        session = new MqttNetSession(broker.Host, broker.Port, TimeSpan.FromSeconds(2), tls);
        try
        {
            node = PhytraceNode.Create(config, new NodePlatform
            {
                Medium = medium,
                Session = session,
                Connectivity = connectivity,
                Tick = SystemTickClock.Instance,
                Wall = SystemWallClock.Instance,
                Random = new XorShiftRandom(((ulong)(Index + 1) * 0x9E3779B97F4A7C15UL) ^ (ulong)Environment.TickCount64),
            });
        }
        catch
        {
            session.Dispose();
            medium.Dispose();
            throw;
        }
        Boots++;
        node.Start();
    }

    /// <summary>
    /// Cuts the power: from now on nothing reaches the file, the MQTT connection drops without a
    /// DISCONNECT, and the node's in-memory state (batch in flight, counters, queues) is thrown away.
    /// </summary>
    public void CutPower()
    {
        if (node == null || medium == null || session == null)
        {
            return;
        }
        medium.CutPower();
        node.GetStats(stats);
        lastBuffered = stats.Buffer.Count;
        retiredRejected += stats.Buffer.Rejected;
        retiredDropped += stats.Buffer.Dropped;
        retiredExpired += stats.Buffer.Expired;
        session.Abandon();
        try
        {
            // Stopping the old uplink thread is the host's clean-up, not the node's: none of its writes reach the file.
            node.Dispose();
        }
        finally
        {
            retiredBytesWritten += medium.BytesWritten;
            node = null;
            session = null;
            medium = null;
            connectivity = null;
        }
    }

    public void SetWifi(bool up)
    {
        wifiUp = up;
        connectivity?.Set(up);
    }

    /// <summary>Emits one telemetry event if the node has power; returns whether it was accepted.</summary>
    public bool EmitNext()
    {
        if (node == null)
        {
            MissedWhileOff++;
            return false;
        }
        UdmEventType type = telemetry.NextType();
        node.BeginEvent(scratch, type);
        telemetry.Fill(scratch);
        if (!node.Emit(scratch))
        {
            Refused++;
            return false;
        }
        accepted.Add(UuidText.ToString(scratch.EventId, 0));
        if (type == UdmEventType.EmergencyStop)
        {
            EStops++;
        }
        return true;
    }

    /// <summary>A snapshot of the live node's uplink counters (zero while powered off).</summary>
    public UplinkCounters UplinkCounters()
    {
        var counters = new UplinkCounters();
        node?.Uplink.GetCounters(counters);
        return counters;
    }

    private static string Words(string pascalCase) =>
        System.Text.RegularExpressions.Regex.Replace(pascalCase, "(?<!^)([A-Z])", " $1").ToLowerInvariant();

    public void Dispose()
    {
        PhytraceNode? live = node;
        node = null;
        try
        {
            live?.Dispose();
        }
        finally
        {
            session?.Dispose();
        }
    }
}
