using System.Globalization;
using Phytrace.Nano.DeviceBenchmark;
using Phytrace.Nano.Benchmarks.Device;
using Spectre.Console;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// The device path on the kit's nanoCLR (the interpreter nanoFramework firmware runs, built like
/// the firmware), with an ESP32 estimate: the core is compiled as a Release deployment would be,
/// and each operation of issue 17's table is timed on nanoCLR, with the portable forms and with
/// the firmware natives installed, beside the same code on .NET. The ESP32 figure is an estimate:
/// nanoCLR time x 90 (CoreMark 44,700 on this machine kind, single thread, against 494.6 for one
/// ESP32 LX6 core at 240 MHz; good to about x/÷3).
/// </summary>
public sealed class DeviceBenchmark : IBenchmark
{
    /// <summary>nanoCLR time x this = ESP32 estimate.</summary>
    public const double Esp32Factor = 90;

    /// <summary>Set by --baseline=REV: also measure the core of that git revision.</summary>
    public static string? BaselineRevision { get; set; }

    public string Name => "device";

    public string Description => "the pipeline on the kit's nanoCLR (core compiled -optimize): per operation, portable vs firmware natives, ESP32 estimate (x90), .NET beside it; node goals (--baseline=REV measures an older core too)";

    public ResultTable Run(bool quick)
    {
        var goals = new ResultTable("device: node goals (ESP32 estimates, nanoCLR x 90)", "issue 17 baseline");
        string repoRoot = FindRepoRoot();
        NanoKit? kit = NanoKit.Locate(repoRoot, out string reason);
        if (kit == null)
        {
            AnsiConsole.MarkupLine($"[yellow]device benchmark not run: {Markup.Escape(reason)}[/]");
            goals.Add("not run", reason, double.NaN, double.NaN, "needs the nanoFramework kit");
            return goals;
        }
        // Not under obj/ or bin/: nano-compile skips sources below those.
        string work = Path.Combine(repoRoot, "artifacts", "device-benchmark");
        var rows = new List<DeviceRow>();
        var allocations = new List<AllocationRow>();
        try
        {
            AnsiConsole.MarkupLine($"kit: {Markup.Escape(kit.Root)}; compiling the core, the natives and the benchmark (nano-compile -optimize, nano-pe) ...");
            var current = DeviceRun.Run(kit, DeviceBuild.Current(kit, repoRoot, Path.Combine(work, "current")), 1800);
            rows.AddRange(current.Rows);
            allocations.AddRange(current.Allocations);
        }
        catch (InvalidOperationException e)
        {
            AnsiConsole.MarkupLine($"[red]device benchmark failed:[/] {Markup.Escape(e.Message)}");
            Environment.ExitCode = 1;
            goals.Add("failed", e.Message.Split('\n')[0], double.NaN, double.NaN, "see above");
            return goals;
        }
        if (BaselineRevision != null)
        {
            // A baseline that fails leaves this tree's figures standing; the run still exits 1.
            try
            {
                AnsiConsole.MarkupLine($"baseline: the core of {Markup.Escape(BaselineRevision)} ...");
                var baseline = DeviceRun.Run(kit, DeviceBuild.Baseline(kit, repoRoot, Path.Combine(work, "baseline"), BaselineRevision), 1800);
                rows.AddRange(baseline.Rows);
                allocations.AddRange(baseline.Allocations);
            }
            catch (InvalidOperationException e)
            {
                AnsiConsole.MarkupLine($"[red]baseline {Markup.Escape(BaselineRevision)} failed:[/] {Markup.Escape(e.Message)}");
                Environment.ExitCode = 1;
                BaselineRevision = null;
            }
        }
        AnsiConsole.MarkupLine("the same workloads on .NET ...");
        var host = HostRun.Run(quick ? 2 : 5);
        PrintOperations(rows, host);
        AddGoals(goals, rows, allocations, BaselineRevision != null && DeviceBuild.SameCommit(repoRoot, BaselineRevision, IssueBaseline.Revision));
        return goals;
    }

    private static void PrintOperations(List<DeviceRow> rows, IReadOnlyDictionary<string, (double Us, long Check)> host)
    {
        bool measuredBaseline = rows.Any(r => r.Mode == "baseline");
        bool cpu = rows.All(r => r.CpuUs != null);
        var table = new Table().Border(TableBorder.Rounded).Title("device: µs per operation on nanoCLR" + (cpu ? " (CPU time of the nanoCLR process)" : " (best round, wall clock)"));
        table.AddColumn("operation");
        table.AddColumn(new TableColumn($"issue 17 ({IssueBaseline.Revision})").RightAligned());
        if (measuredBaseline)
        {
            table.AddColumn(new TableColumn($"{BaselineRevision} now").RightAligned());
        }
        table.AddColumn(new TableColumn("portable").RightAligned());
        table.AddColumn(new TableColumn("device path").RightAligned());
        table.AddColumn(new TableColumn("vs issue").RightAligned());
        if (measuredBaseline)
        {
            table.AddColumn(new TableColumn("vs baseline now").RightAligned());
        }
        table.AddColumn(new TableColumn("ESP32 est. (x90)").RightAligned());
        table.AddColumn(new TableColumn(".NET µs").RightAligned());
        table.AddColumn("note");
        foreach (DeviceRow device in rows.Where(r => r.Mode == "natives"))
        {
            DeviceRow? portable = rows.FirstOrDefault(r => r.Mode == "portable" && r.Name == device.Name);
            DeviceRow? baseline = rows.FirstOrDefault(r => r.Mode == "baseline" && r.Name == device.Name);
            double issue = IssueBaseline.Us(device.Name);
            var cells = new List<string> { Describe(device.Name), Us(issue) };
            if (measuredBaseline)
            {
                cells.Add(baseline == null ? "-" : Us(baseline.Us));
            }
            cells.Add(portable == null ? "-" : Us(portable.Us));
            cells.Add(Us(device.Us));
            cells.Add(double.IsNaN(issue) ? "-" : Ratio(issue / device.Us));
            if (measuredBaseline)
            {
                cells.Add(baseline == null ? "-" : Ratio(baseline.Us / device.Us));
            }
            cells.Add(Esp32(device.Us));
            bool sameResult = !host.TryGetValue(device.Name, out var dotnet) || dotnet.Check == device.Check;
            cells.Add(host.ContainsKey(device.Name) ? Us(dotnet.Us) : "-");
            cells.Add(Note(device, sameResult));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"wall clock, device path: median/best round per operation: {string.Join("; ", rows.Where(r => r.Mode == "natives").Select(r => $"{r.Name} {r.MedianUs:0.#}/{r.BestUs:0.#} µs"))}"));
        AnsiConsole.MarkupLine(Markup.Escape($"load average when done: {LoadAverage()} (the machine may be shared; CPU time is not inflated by other load, wall clock is)"));
    }

    // The goals of issue 17, on the ESP32 estimate of this run's CPU times. The machine may run
    // slower than the one the issue measured on (shared, busy): IssueMachineSpeed gives the ratio
    // (from the issue's own core when --baseline=802382e ran, else from the portable CRC-32), and
    // each goal also says what the figure is at the issue machine's speed. The limits are the issue's.
    private static void AddGoals(ResultTable goals, List<DeviceRow> rows, List<AllocationRow> allocations, bool baselineIsIssueRevision)
    {
        DeviceRow? Row(string name) => rows.FirstOrDefault(r => r.Mode == "natives" && r.Name == name);
        double Ms(DeviceRow? r) => r == null ? double.NaN : r.Us * Esp32Factor / 1000;
        IssueMachineSpeed? machine = IssueMachineSpeed.From(rows, baselineIsIssueRevision);
        double speed = machine?.Factor ?? 1;
        AnsiConsole.MarkupLine(Markup.Escape("issue machine's speed: " + (machine == null ? "unknown (no baseline and no portable CRC-32 row): goals judged on this machine's figures only" : machine.Derivation)));
        if (machine != null)
        {
            goals.Add("this machine against the issue's", "speed factor (issue µs / µs now)", machine.Factor, double.NaN,
                baselineIsIssueRevision ? $"median over the issue's workloads, {IssueBaseline.Revision} measured in this run (details above the table)" : "fallback: portable CRC-32 only (details above the table)");
        }
        string At(double ms) => machine == null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (at the issue machine's speed, x{speed:0.00}: {ms * speed:0.0#})");
        // A rate (events/s) at the issue machine's speed: this run's rate divided by the slowdown.
        string AtRate(double perSecond) => machine == null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (at the issue machine's speed, x{speed:0.00}: {perSecond / speed:0.0#} events/s)");
        void Target(string what, string metric, double ms, double issueMs, double limit, string limitText)
        {
            goals.Add(what, metric, ms, issueMs, (ms <= limit ? "met" : ms * speed <= limit ? "met at the issue machine's speed" : "NOT met") + ": " + limitText + At(ms));
        }

        Target("emit (begin, fill, encode, enqueue)", "ESP32 ms per event", Ms(Row("emit")), (503 + 40) * Esp32Factor / 1000, 5, "<= 5 ms");
        foreach (string name in new[] { "pipeline-device", "pipeline-gzip6" })
        {
            double perEvent = Ms(Row(name));
            string what = Describe(name);
            Target(what, "ESP32 ms per event", perEvent, 1160 * Esp32Factor / 1000, 10, "<= 10 ms");
            goals.Add(what, "events/s, 100 % of one core", 1000 / perEvent, 1000 / (1160 * Esp32Factor / 1000), "higher is better" + AtRate(1000 / perEvent));
            goals.Add(what, "events/s, 20 % of one core", 200 / perEvent, 200 / (1160 * Esp32Factor / 1000), "higher is better" + AtRate(200 / perEvent));
        }
        foreach (string name in new[] { "gzip-device-batch", "gzip1-batch", "gzip6-batch" })
        {
            DeviceRow? gzip = Row(name);
            if (gzip == null)
            {
                continue;
            }
            string what = Describe(name);
            Target(what, "ESP32 ms per batch", Ms(gzip), 28_600 * Esp32Factor / 1000, 300, "<= 300 ms");
            int events = name == "gzip-device-batch" ? DeviceBatchEvents() : NodeRig.BatchEvents;
            byte[] envelope = GzipBatchWorkload.BuildEnvelope(events, out int length);
            double zlib6 = GzipBenchmark.ZlibCompress(envelope[..length], 6).Length;
            double share = 100.0 * (length - gzip.Check) / (length - zlib6);
            goals.Add(what, "% of zlib 6's size reduction", share, double.NaN,
                (share >= 85 ? "met" : "NOT met") + string.Create(CultureInfo.InvariantCulture, $": >= 85 % ({events} events, {length:N0} B to {gzip.Check:N0} B; zlib 6: {zlib6:N0} B)"));
        }
        // The control allocates one object per operation: the check must see a collection there,
        // or its "no collection" for the real workloads would prove nothing.
        AllocationRow? control = allocations.FirstOrDefault(a => a.Mode == "natives" && a.Name == "control-allocating");
        bool controlWorks = control != null && control.Collected;
        if (control != null)
        {
            goals.Add("allocation check's control (allocates)", "collections during the run", control.Collected ? 1 : 0, double.NaN,
                (controlWorks ? "collected, as it must be" : "NOT collected: the check proves nothing") + string.Create(CultureInfo.InvariantCulture, $" ({control.Operations} operations)"));
        }
        // Checked with the firmware natives installed (the device path) and with the portable forms:
        // the firmware CRC-32 takes a Span, a struct, and on nanoCLR a struct is a heap object, so
        // each call leaves one behind (the CRC row shows it alone).
        foreach (AllocationRow a in allocations.Where(a => (a.Mode == "natives" || a.Mode == "portable") && a.Name != "control-allocating"))
        {
            string label = a.Mode == "portable" ? " (portable CRC-32 and UTF-8)" : " (firmware natives)";
            goals.Add("no allocation per event: " + Describe(a.Name) + label, "collections during the run", a.Collected ? 1 : 0, double.NaN,
                (!a.Collected && a.Conclusive && controlWorks ? "met" : "NOT met") + string.Create(CultureInfo.InvariantCulture,
                    $": {a.Operations} events with {a.FreeBytes:N0} B of heap free (an object takes at least {a.SmallestObjectBytes} B)") + (a.Collected ? "; a collection ran, so it allocates (per event or per batch)" : "; no collection"));
        }
        // The baseline's own check of the same workload, for comparison (not a goal).
        foreach (AllocationRow a in allocations.Where(a => a.Mode == "baseline" && a.Name != "control-allocating"))
        {
            goals.Add($"baseline {BaselineRevision}: " + Describe(a.Name), "collections during the run", a.Collected ? 1 : 0, double.NaN,
                (a.Collected ? "collected: allocates" : "no collection") + string.Create(CultureInfo.InvariantCulture, $" in {a.Operations} events with {a.FreeBytes:N0} B free (for comparison, not a goal)"));
        }
    }

    // Events in a batch with the device defaults (BatchSettings.DefaultMaxBatchSize).
    private static int DeviceBatchEvents() => Phytrace.Nano.Configuration.BatchSettings.DefaultMaxBatchSize;

    private static string Describe(string workload) => workload switch
    {
        "encode-event" => "begin + fill + encode, typical event (12 doubles)",
        "double-sensor" => "one double, 23.456789, to JSON",
        "double-17-digits" => "one double, 0.30000000000000004, to JSON",
        "enqueue-550" => "EdgeBuffer.Enqueue of 550 B (RAM, sync every 16)",
        "dequeue-ack" => "dequeue + acknowledge, per event",
        "crc32-4k" => "CRC-32 of 4 KiB",
        "gzip6-batch" => "gzip 6, issue's default batch (53 events)",
        "gzip1-batch" => "gzip 1, 53-event batch",
        "gzip-device-batch" => "gzip, device defaults (level 1, 32 events)",
        "emit" => "emit: begin + fill + encode + enqueue",
        "pipeline-gzip6" => "whole pipeline per event, gzip 6, 53-event batches",
        "pipeline-device" => "whole pipeline per event, device defaults",
        _ => workload,
    };

    private static string Note(DeviceRow row, bool sameResult)
    {
        string note = row.Name.StartsWith("gzip", StringComparison.Ordinal) || row.Name.StartsWith("pipeline", StringComparison.Ordinal)
            ? $"{row.Check:N0} B compressed"
            : row.Name == "encode-event" ? $"{row.Check} B" : string.Empty;
        return sameResult ? note : (note + " DIFFERS from .NET").Trim();
    }

    private static string Us(double us) => double.IsNaN(us) ? "-" : us >= 100 ? us.ToString("N0", CultureInfo.InvariantCulture) : us.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Ratio(double r) => r.ToString("0.0", CultureInfo.InvariantCulture) + "x";

    private static string Esp32(double us)
    {
        double ms = us * Esp32Factor / 1000;
        return ms >= 1 ? ms.ToString("0.0#", CultureInfo.InvariantCulture) + " ms" : (ms * 1000).ToString("0", CultureInfo.InvariantCulture) + " µs";
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    internal static string FindRepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "Phytrace.Nano.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new InvalidOperationException("Phytrace.Nano.sln not found above " + AppContext.BaseDirectory);
    }
}
