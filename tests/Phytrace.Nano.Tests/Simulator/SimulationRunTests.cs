using System.Buffers.Binary;
using System.Text.Json;
using Phytrace.Nano.Host;
using Phytrace.Nano.Simulator;
using Phytrace.Nano.Storage;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Simulator;

/// <summary>A short scripted run against the embedded broker: every fault kind, nothing lost.</summary>
public sealed class SimulationRunTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "phytrace-sim-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void A_scripted_run_with_a_wifi_outage_a_broker_restart_and_a_power_cut_loses_nothing()
    {
        const int nodes = 3;
        var timeline = new FaultTimeline(
            [
                new FaultWindow(FaultKind.WifiDrop, 0, 0.8, 2.5, Random: false),
                new FaultWindow(FaultKind.BrokerRestart, null, 3.0, 3.8, Random: false),
                // The power cut comes while node 3 is offline: its file holds unsent events when the power goes.
                new FaultWindow(FaultKind.WifiDrop, 2, 4.0, 6.0, Random: false),
                new FaultWindow(FaultKind.PowerCut, 2, 4.6, 5.4, Random: false),
            ],
            nodes);
        var options = new SimulationOptions
        {
            Nodes = nodes,
            Seconds = 7,
            Rate = 20,
            OutputDirectory = outDir,
            Timeline = timeline,
            DrainTimeoutSeconds = 20,
        };
        var console = new TestConsole();
        console.Profile.Width = 300;

        SimulationReport report = Simulation.Run(options, console);

        string output = console.Output;
        Assert.True(report.Lost == 0, $"{report.Lost} lost:\n{output}");
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(0, report.Unexpected);
        Assert.Empty(report.ReceiverErrors);
        Assert.Empty(report.Notes);
        Assert.Equal(nodes, report.PerNode.Count);
        foreach (NodeReport node in report.PerNode)
        {
            // Every accepted event arrived, and nothing else did.
            Assert.True(node.Emitted > 50, $"{node.SourceId} emitted only {node.Emitted}");
            Assert.Equal(report.AcceptedIds[node.SourceId].OrderBy(id => id), report.DeliveredIds[node.SourceId].OrderBy(id => id));
            Assert.True(node.BytesWritten >= node.Emitted * 256, $"{node.SourceId} wrote {node.BytesWritten} bytes for {node.Emitted} events");
        }
        NodeReport cut = report.PerNode[2];
        Assert.Equal(2, cut.Boots);
        Assert.True(cut.MissedWhilePoweredOff > 0, "node 3 emitted while its power was off");
        Assert.Equal(1, report.PerNode[0].Boots);
        Assert.True(report.CompressionRatio > 1.0, "compression ratio " + report.CompressionRatio);

        // The buffer files, reopened as a rebooted node would, hold nothing unsent.
        foreach (NodeReport node in report.PerNode)
        {
            using EdgeBuffer buffer = FileStreamMedium.OpenBuffer(node.BufferFile, new EdgeBufferOptions { MaxSizeMb = 1, RecordSize = 256 }, SystemWallClock.Instance, reopenAtSyncPoints: false);
            Assert.Equal(0, buffer.Count);
        }

        // summary.json says the same as the run.
        using JsonDocument summary = SimulationReport.ReadSummary(Path.Combine(outDir, "summary.json"));
        JsonElement root = summary.RootElement;
        Assert.Equal(report.AcceptedIds.Values.Sum(ids => ids.Count), root.GetProperty("emitted").GetInt64());
        Assert.Equal(report.DeliveredIds.Values.Sum(ids => ids.Count), root.GetProperty("delivered").GetInt64());
        Assert.Equal(0, root.GetProperty("lost").GetInt64());
        Assert.Equal(report.Duplicates, root.GetProperty("duplicates").GetInt64());
        Assert.Equal(report.BytesWrittenToStorage, root.GetProperty("bytes_written_to_storage").GetInt64());
        Assert.Equal(report.PerNode.Sum(n => n.BytesWritten), root.GetProperty("bytes_written_to_storage").GetInt64());
        Assert.Equal(
            report.PerNode.Select(n => (n.SourceId, n.Emitted, n.Delivered)),
            root.GetProperty("per_node").EnumerateArray().Select(n => (n.GetProperty("source_id").GetString()!, n.GetProperty("emitted").GetInt64(), n.GetProperty("delivered").GetInt64())));
        Assert.Equal(
            new[] { "wifi_drop", "broker_restart", "wifi_drop", "power_cut" },
            root.GetProperty("faults").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
        long payload = root.GetProperty("batch_payload_bytes").GetInt64();
        long json = root.GetProperty("batch_json_bytes").GetInt64();
        Assert.Equal(Math.Round((double)json / payload, 2), root.GetProperty("compression_ratio").GetDouble());

        // chart.png is a real PNG of the expected size.
        byte[] png = File.ReadAllBytes(Path.Combine(outDir, "chart.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(SimulationChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(SimulationChart.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        // Redirected output: plain progress lines, then the report.
        Assert.Contains("node:state:buffered/emitted/delivered", output, StringComparison.Ordinal);
        Assert.Contains("power off", output, StringComparison.Ordinal);
        Assert.Contains("simulation report", output, StringComparison.Ordinal);
    }
}
