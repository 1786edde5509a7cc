using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Spectre.Console;

namespace Phytrace.Nano.Simulator;

/// <summary>One node's numbers in the report.</summary>
public sealed record NodeReport(
    string SourceId,
    string BufferFile,
    long Emitted,
    long Delivered,
    long Lost,
    long Refused,
    long DroppedByPolicy,
    long BytesWritten,
    int Boots,
    long EStops,
    long MissedWhilePoweredOff,
    long BufferedAtEnd);

/// <summary>A fault window as the summary lists it (node numbers 1-based).</summary>
public sealed record FaultReport(string Kind, int? Node, double StartSeconds, double EndSeconds, bool Random);

/// <summary>
/// The numbers of a run: what the nodes accepted against what the receiver got. "Lost" is an
/// accepted event (durable in its buffer file) that the receiver never saw after the final drain;
/// it must be 0. Also written as summary.json next to chart.png.
/// </summary>
public sealed record SimulationReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Scenario { get; init; }
    public required int Nodes { get; init; }
    public required double Seconds { get; init; }
    public required double Rate { get; init; }
    public required ulong Seed { get; init; }
    public required string Broker { get; init; }

    /// <summary>Events the nodes accepted (Emit returned true: durable in the buffer file).</summary>
    public required long Emitted { get; init; }

    /// <summary>Distinct accepted events the receiver got.</summary>
    public required long Delivered { get; init; }

    /// <summary>Copies the receiver got again (a batch resent after a lost PUBACK or a power cut).</summary>
    public required long Duplicates { get; init; }

    /// <summary>Accepted events never delivered after the final drain. Must be 0.</summary>
    public required long Lost { get; init; }

    /// <summary>Events the receiver got that no node of this run accepted (should be 0).</summary>
    public required long Unexpected { get; init; }

    /// <summary>Emit calls refused plus events dropped or expired by the buffer's policy.</summary>
    public required long DroppedByPolicy { get; init; }

    public required long BytesWrittenToStorage { get; init; }
    public required long Batches { get; init; }
    public required long BatchPayloadBytes { get; init; }
    public required long BatchJsonBytes { get; init; }

    /// <summary>JSON bytes per compressed byte in the batches received.</summary>
    public required double CompressionRatio { get; init; }

    public required double DrainSeconds { get; init; }
    public required IReadOnlyList<NodeReport> PerNode { get; init; }
    public required IReadOnlyList<FaultReport> Faults { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<string> ReceiverErrors { get; init; }
    public required string SummaryPath { get; init; }
    public string? ChartPath { get; init; }

    /// <summary>0 when nothing was lost, 1 otherwise.</summary>
    [JsonIgnore]
    public int ExitCode => Lost == 0 ? 0 : 1;

    /// <summary>The event ids each node accepted (in memory only: for tests and tools).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlySet<string>> AcceptedIds { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>The event ids the receiver got per node (in memory only).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlySet<string>> DeliveredIds { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    internal static SimulationReport Build(
        SimulationOptions options,
        BrokerAddress broker,
        FaultTimeline timeline,
        IReadOnlyList<VirtualNode> nodes,
        BatchReceiver receiver,
        IReadOnlyList<Sample> samples,
        IReadOnlyList<string> notes,
        double drainSeconds,
        string outDir)
    {
        var perNode = new List<NodeReport>();
        var accepted = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var delivered = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        long unexpected = 0;
        foreach (VirtualNode node in nodes)
        {
            var got = receiver.EventsOf(node.SourceId).Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            var mine = node.AcceptedIds.ToHashSet(StringComparer.Ordinal);
            accepted[node.SourceId] = mine;
            delivered[node.SourceId] = got;
            unexpected += got.Count(id => !mine.Contains(id));
            perNode.Add(new NodeReport(
                node.SourceId,
                node.FilePath,
                mine.Count,
                got.Count(mine.Contains),
                mine.Count(id => !got.Contains(id)),
                node.Refused,
                node.DroppedByPolicy,
                node.BytesWritten,
                node.Boots,
                node.EStops,
                node.MissedWhileOff,
                node.Buffered));
        }
        unexpected += receiver.Sources.Where(s => !accepted.ContainsKey(s)).Sum(s => (long)receiver.EventsOf(s).Count);

        long payload = receiver.PayloadBytes;
        long json = receiver.JsonBytes;
        string summaryPath = Path.Combine(outDir, "summary.json");
        string? chartPath = options.Chart ? Path.Combine(outDir, "chart.png") : null;
        var report = new SimulationReport
        {
            Scenario = options.Timeline != null ? "scripted" : options.Scenario.ToString().ToLowerInvariant(),
            Nodes = options.Nodes,
            Seconds = options.Seconds,
            Rate = options.Rate,
            Seed = options.Seed,
            Broker = (options.Broker == null && options.BrokerInstance == null ? "embedded " : string.Empty) + broker,
            Emitted = perNode.Sum(n => n.Emitted),
            Delivered = perNode.Sum(n => n.Delivered),
            Duplicates = receiver.Duplicates,
            Lost = perNode.Sum(n => n.Lost),
            Unexpected = unexpected,
            DroppedByPolicy = perNode.Sum(n => n.DroppedByPolicy),
            BytesWrittenToStorage = perNode.Sum(n => n.BytesWritten),
            Batches = receiver.Batches,
            BatchPayloadBytes = payload,
            BatchJsonBytes = json,
            CompressionRatio = payload == 0 ? 0 : Math.Round((double)json / payload, 2),
            DrainSeconds = Math.Round(drainSeconds, 2),
            PerNode = perNode,
            Faults = timeline.Windows.Select(w => new FaultReport(FaultKindNames.ToText(w.Kind), w.Node + 1, Math.Round(w.StartSeconds, 2), Math.Round(w.EndSeconds, 2), w.Random)).ToList(),
            Notes = notes.ToList(),
            ReceiverErrors = receiver.Errors,
            SummaryPath = summaryPath,
            ChartPath = chartPath,
            AcceptedIds = accepted,
            DeliveredIds = delivered,
        };
        File.WriteAllText(summaryPath, JsonSerializer.Serialize(report, Json));
        if (chartPath != null)
        {
            SimulationChart.Save(chartPath, nodes.Select(n => n.SourceId).ToList(), samples, timeline, options.Seconds);
        }
        return report;
    }

    /// <summary>Reads a summary.json back (for tests and tools).</summary>
    public static JsonDocument ReadSummary(string path) => JsonDocument.Parse(File.ReadAllText(path));

    /// <summary>Prints the report table (and the per-node table) to <paramref name="console"/>.</summary>
    public void Write(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().Border(TableBorder.Rounded).Title("simulation report");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn("meaning");
        table.AddRow("events emitted", Num(Emitted), "accepted by the nodes (durable in their buffer files)");
        table.AddRow("delivered (unique)", Num(Delivered), "distinct accepted events the receiver got");
        table.AddRow("duplicates", Num(Duplicates), "copies received again (resends after a fault)");
        table.AddRow(Lost == 0 ? "lost" : "[red]lost[/]", Lost == 0 ? "[green]0[/]" : $"[red]{Num(Lost)}[/]", "accepted but never delivered after the final drain");
        table.AddRow("dropped by policy", Num(DroppedByPolicy), "refused or dropped by the buffer's overflow/age policy");
        table.AddRow("bytes written to storage", Num(BytesWrittenToStorage), "bytes the nodes wrote to their buffer files");
        table.AddRow("batch compression ratio", CompressionRatio.ToString("0.00", CultureInfo.InvariantCulture) + " : 1",
            $"{Num(BatchJsonBytes)} JSON bytes in {Num(BatchPayloadBytes)} gzip bytes, {Num(Batches)} batches");
        table.AddRow("final drain", DrainSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s", "from the end of emitting until all was delivered");
        if (Unexpected != 0)
        {
            table.AddRow("[yellow]unexpected[/]", Num(Unexpected), "received events no node of this run accepted");
        }
        console.Write(table);

        var nodes = new Table().Border(TableBorder.Simple);
        foreach (string column in new[] { "node", "emitted", "delivered", "lost", "dropped", "bytes written", "boots", "e-stops" })
        {
            nodes.AddColumn(column == "node" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        }
        foreach (NodeReport n in PerNode)
        {
            nodes.AddRow(Markup.Escape(n.SourceId), Num(n.Emitted), Num(n.Delivered), Num(n.Lost), Num(n.DroppedByPolicy), Num(n.BytesWritten),
                n.Boots.ToString(CultureInfo.InvariantCulture), Num(n.EStops));
        }
        console.Write(nodes);
        foreach (FaultReport f in Faults)
        {
            string node = f.Node is int n ? $" node {n}" : string.Empty;
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  fault: {f.Kind}{node} {f.StartSeconds:0.0}-{f.EndSeconds:0.0} s{(f.Random ? " (random)" : string.Empty)}")));
        }
        foreach (string note in Notes)
        {
            console.MarkupLine("[yellow]note:[/] " + Markup.Escape(note));
        }
        foreach (string error in ReceiverErrors)
        {
            console.MarkupLine("[red]receiver error:[/] " + Markup.Escape(error));
        }
        console.MarkupLine("summary: " + Markup.Escape(SummaryPath));
        if (ChartPath != null)
        {
            console.MarkupLine("chart:   " + Markup.Escape(ChartPath));
        }
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
