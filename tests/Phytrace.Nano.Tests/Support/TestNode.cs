using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Host;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// A PhytraceNode on host adapters against a real broker: the MQTTnet session, a simulated Wi-Fi
/// signal, the system clocks, and whatever medium the test gives (RAM, file, fault-injecting).
/// </summary>
public sealed class TestNode : IDisposable
{
    private readonly UdmEvent scratch = new();

    public TestNode(IBroker broker, string sourceId, IStorageMedium medium, bool online, Action<BoardConfig>? tweak = null)
        : this(Tweaked(HostConfig(sourceId, broker.Host, broker.Port), tweak), medium, online)
    {
    }

    /// <summary>
    /// A node built from <paramref name="config"/> as it is: its broker is config.Mqtt (host, port,
    /// TLS); its tick clock the system's unless <paramref name="tick"/> is given (tests that step the
    /// uplink); a connect gives up after <paramref name="connectTimeout"/> (2 s by default).
    /// </summary>
    public TestNode(BoardConfig config, IStorageMedium medium, bool online, ITickClock? tick = null, TimeSpan? connectTimeout = null)
    {
        Config = config;
        Connectivity = new SimulatedConnectivity(online);
        Session = MqttNetSession.FromSettings(config.Mqtt, connectTimeout ?? TimeSpan.FromSeconds(2));
        Node = PhytraceNode.Create(Config, new NodePlatform
        {
            Medium = medium,
            Session = Session,
            Connectivity = Connectivity,
            Tick = tick ?? SystemTickClock.Instance,
            Wall = SystemWallClock.Instance,
            Random = new XorShiftRandom((ulong)config.Identity.SourceId.GetHashCode(StringComparison.Ordinal) | 1UL),
        });
    }

    public BoardConfig Config { get; }

    public PhytraceNode Node { get; }

    public SimulatedConnectivity Connectivity { get; }

    public MqttNetSession Session { get; }

    private static BoardConfig Tweaked(BoardConfig config, Action<BoardConfig>? tweak)
    {
        tweak?.Invoke(config);
        return config;
    }

    /// <summary>A node configuration for the host: ring on "internal flash" (no SD wiring), fast retries.</summary>
    public static BoardConfig HostConfig(string sourceId, string host, int port) =>
        HostBoardConfig.Create("host-test", sourceId, host, port);

    /// <summary>Emits telemetry event number <paramref name="i"/>; returns its event_id, or null if refused.</summary>
    public string? EmitTelemetry(int i)
    {
        Node.BeginEvent(scratch, UdmEventType.TelemetryPeriodic);
        scratch.Power.BatterySocPct.Set(50 + (i % 50));
        scratch.Power.BatteryVoltageV.Set(24.0 + (i % 7) * 0.1);
        scratch.Extensions.SetInteger("i", i);
        return Node.Emit(scratch) ? Phytrace.Nano.Formats.UuidText.ToString(scratch.EventId, 0) : null;
    }

    /// <summary>The exact JSON Emit stored for the last event (re-encoded from the same object).</summary>
    public string LastEventJson()
    {
        var bytes = new byte[4096];
        int n = new UdmEventEncoder().Encode(scratch, bytes, 0, bytes.Length);
        return System.Text.Encoding.UTF8.GetString(bytes, 0, n);
    }

    public void Dispose()
    {
        Node.Dispose();
        Session.Dispose();
    }
}
