using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Simulator;
using Phytrace.Nano.Tests.Support;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Simulator;

/// <summary>
/// The simulator against mosquitto's mutual-TLS listener, with a Wi-Fi drop and a power cut: every
/// accepted event arrives. (Broker restarts are the embedded broker's test: mosquitto drops what it
/// acknowledged while the simulator's receiver, a clean session, had not subscribed again.)
/// </summary>
public sealed class SimulationTlsTests : IDisposable
{
    private readonly TestCertificates pki = new();
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "phytrace-sim-tls-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        pki.Dispose();
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [SkippableFact]
    public void A_run_over_mutual_tls_with_a_wifi_drop_and_a_power_cut_loses_nothing()
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        var options = new SimulationOptions
        {
            Nodes = 2,
            Seconds = 4,
            Rate = 20,
            OutputDirectory = outDir,
            BrokerInstance = broker,
            Tls = MqttTlsSettings.FromPemFiles(pki.CaFile, pki.Client.CertificateFile, pki.Client.KeyFile),
            Timeline = new FaultTimeline(
                [
                    new FaultWindow(FaultKind.WifiDrop, 0, 1.0, 2.5, Random: false),
                    new FaultWindow(FaultKind.PowerCut, 1, 1.5, 2.2, Random: false),
                ],
                2),
            DrainTimeoutSeconds = 20,
            Chart = false,
        };
        var console = new TestConsole();
        console.Profile.Width = 300;

        SimulationReport report = Simulation.Run(options, console);

        Assert.True(report.Lost == 0, $"{report.Lost} lost:\n{console.Output}");
        Assert.Equal(0, report.ExitCode);
        foreach (NodeReport node in report.PerNode)
        {
            Assert.True(node.Emitted > 20, $"{node.SourceId} emitted only {node.Emitted}");
            Assert.Equal(report.AcceptedIds[node.SourceId].OrderBy(id => id), report.DeliveredIds[node.SourceId].OrderBy(id => id));
        }
    }
}
