using System.Globalization;
using Phytrace.Nano.Host.Mqtt;

namespace Phytrace.Nano.Simulator;

/// <summary>Everything a run needs; the command line fills it, tests build it directly.</summary>
public sealed class SimulationOptions
{
    public const int MaxNodes = 50;
    public const double MaxRate = 200;

    /// <summary>Virtual sensor nodes.</summary>
    public int Nodes { get; set; } = 3;

    /// <summary>Length of the emitting phase; the final drain comes after it.</summary>
    public double Seconds { get; set; } = 24;

    /// <summary>Events per second per node.</summary>
    public double Rate { get; set; } = 10;

    /// <summary>Seed of the random faults and the telemetry values.</summary>
    public ulong Seed { get; set; } = 42;

    /// <summary>mqtt://host:port (or mqtts:// for TLS) of an external broker, or null for the embedded MQTTnet broker.</summary>
    public string? Broker { get; set; }

    /// <summary>PEM CA file for an mqtts:// broker (null: the system's trust store).</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate for mutual TLS (with <see cref="KeyFile"/>).</summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>TLS for the nodes and the receiver (tests that start their own TLS broker set this with <see cref="BrokerInstance"/>).</summary>
    public MqttTlsSettings? Tls { get; set; }

    /// <summary>Folder for the buffer files, summary.json and chart.png.</summary>
    public string OutputDirectory { get; set; } = "sim-out";

    public ScenarioKind Scenario { get; set; } = ScenarioKind.Default;

    /// <summary>Write chart.png (ScottPlot).</summary>
    public bool Chart { get; set; } = true;

    /// <summary>How long the final drain may take before the undelivered events count as lost.</summary>
    public double DrainTimeoutSeconds { get; set; } = 30;

    /// <summary>A scripted timeline that replaces the scenario's (tests use it to place faults exactly).</summary>
    public FaultTimeline? Timeline { get; set; }

    /// <summary>A broker the caller started and the simulator may restart (tests); wins over <see cref="Broker"/>.</summary>
    public IBroker? BrokerInstance { get; set; }

    /// <summary>TLS for the nodes and the receiver: <see cref="Tls"/>, or what --broker and the TLS files say (call after <see cref="Validate"/>).</summary>
    public MqttTlsSettings? ResolveTls() => Tls ?? (Broker == null ? null : TlsCommandLine.Resolve(BrokerAddress.Parse(Broker), CaFile, CertFile, KeyFile));

    /// <summary>The external broker's address, or null for the embedded one (call after <see cref="Validate"/>).</summary>
    public BrokerAddress? ExternalBroker => Broker == null ? null : BrokerAddress.Parse(Broker);

    /// <summary>Every problem with the options, each naming the option, the value and what was expected.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Nodes is < 1 or > MaxNodes)
        {
            problems.Add($"--nodes {Nodes}: expected 1 to {MaxNodes} nodes");
        }
        if (!(Seconds >= 1 && Seconds <= 3600))
        {
            problems.Add($"--seconds {Text(Seconds)}: expected 1 to 3600 seconds");
        }
        if (!(Rate > 0 && Rate <= MaxRate))
        {
            problems.Add($"--rate {Text(Rate)}: expected more than 0 and at most {Text(MaxRate)} events per second per node");
        }
        if (Broker != null)
        {
            try
            {
                BrokerAddress address = BrokerAddress.Parse(Broker);
                if (Tls == null)
                {
                    TlsCommandLine.Resolve(address, CaFile, CertFile, KeyFile);
                }
            }
            catch (FormatException e)
            {
                problems.Add("--broker: " + e.Message);
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }
        else if (CaFile != null || CertFile != null || KeyFile != null)
        {
            problems.Add($"{(CaFile != null ? TlsCommandLine.CaFileOption : CertFile != null ? TlsCommandLine.CertFileOption : TlsCommandLine.KeyFileOption)} needs --broker mqtts://host[:port]; the embedded broker speaks plain MQTT");
        }
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            problems.Add("--out: expected a folder, got an empty path");
        }
        if (!(DrainTimeoutSeconds > 0))
        {
            problems.Add($"drain timeout {Text(DrainTimeoutSeconds)}: expected more than 0 seconds");
        }
        return problems;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
