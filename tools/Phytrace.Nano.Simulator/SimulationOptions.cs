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

    /// <summary>mqtt://host:port of an external broker, or null for the embedded MQTTnet broker.</summary>
    public string? Broker { get; set; }

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
                BrokerAddress.Parse(Broker);
            }
            catch (FormatException e)
            {
                problems.Add("--broker: " + e.Message);
            }
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
