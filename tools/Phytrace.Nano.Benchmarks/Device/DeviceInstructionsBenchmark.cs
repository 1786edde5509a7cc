using Phytrace.Nano.Benchmarks.Device;
using Spectre.Console;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// The device benchmark's workloads counted in instructions nanoCLR executes (callgrind), one
/// measured round each: the before/after measure that a shared machine does not disturb. Against
/// --baseline=REV's device path when given (main, a branch, the issue's 802382e), else against this
/// tree's portable forms. Counts are not time (a slow native or cache misses cost more than their
/// count); against the issue's core (--baseline=802382e) the issue's goals are also judged from the
/// counts (<see cref="IssueRateEstimate"/>), beside the "device" benchmark's CPU-time estimates.
/// </summary>
public sealed class DeviceInstructionsBenchmark : IBenchmark
{
    private const int TimeLimitSeconds = 3600;
    private const string Define = "INSTRUCTION_COUNT";

    public string Name => "device-instructions";

    public string Description => "the device workloads in instructions executed by nanoCLR under callgrind (steady under load; several minutes): device path against --baseline=REV's, else against the portable forms";

    public ResultTable Run(bool quick)
    {
        string repoRoot = DeviceBenchmark.FindRepoRoot();
        string? revision = DeviceBenchmark.BaselineRevision;
        var table = new ResultTable("device-instructions: nanoCLR instructions per operation (device path)", revision == null ? "portable forms" : revision + " device path");
        NanoKit? kit = NanoKit.Locate(repoRoot, out string reason);
        string? valgrind = kit == null ? null : CallgrindRun.LocateValgrind(out reason);
        if (kit == null || valgrind == null)
        {
            AnsiConsole.MarkupLine($"[yellow]device-instructions not run: {Markup.Escape(reason)}[/]");
            table.Add("not run", reason, double.NaN, double.NaN, "needs the nanoFramework kit and valgrind");
            return table;
        }
        string work = Path.Combine(repoRoot, "artifacts", "device-benchmark");
        List<(string Mode, string Name, double Instructions, long Check)> rows;
        List<(string Mode, string Name, double Instructions, long Check)>? baseline = null;
        try
        {
            AnsiConsole.MarkupLine("compiling this tree's device benchmark with INSTRUCTION_COUNT and running it under callgrind (several minutes) ...");
            string current = Path.Combine(work, "instructions-current");
            rows = CallgrindRun.Run(kit, valgrind, DeviceBuild.Current(kit, repoRoot, current, Define), current, TimeLimitSeconds);
            if (revision != null)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"the same for the core of {revision} ..."));
                string old = Path.Combine(work, "instructions-baseline");
                baseline = CallgrindRun.Run(kit, valgrind, DeviceBuild.Baseline(kit, repoRoot, old, revision, Define), old, TimeLimitSeconds);
            }
        }
        catch (InvalidOperationException e)
        {
            AnsiConsole.MarkupLine($"[red]device-instructions failed:[/] {Markup.Escape(e.Message)}");
            Environment.ExitCode = 1;
            table.Add("failed", e.Message.Split('\n')[0], double.NaN, double.NaN, "see above");
            return table;
        }
        foreach (var row in rows.Where(r => r.Mode == "natives"))
        {
            var against = baseline == null
                ? rows.FirstOrDefault(r => r.Mode == "portable" && r.Name == row.Name)
                : baseline.FirstOrDefault(r => r.Name == row.Name);
            string output = against.Name == null || against.Check == row.Check || row.Check < 0 ? string.Empty : $"; output differs ({row.Check} now, {against.Check} there)";
            table.Add(row.Name, "instructions per operation", row.Instructions, against.Name == null ? double.NaN : against.Instructions, "lower is better" + output);
        }
        if (baseline != null && DeviceBuild.SameCommit(repoRoot, revision!, IssueBaseline.Revision))
        {
            AddIssueGoals(table, rows, baseline);
        }
        return table;
    }

    // With the issue's own core counted, the issue's goals at the issue machine's speed from counts.
    private static void AddIssueGoals(ResultTable table, List<(string Mode, string Name, double Instructions, long Check)> rows,
        List<(string Mode, string Name, double Instructions, long Check)> baseline)
    {
        var issueCore = baseline.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First().Instructions);
        IssueRateEstimate? rate = IssueRateEstimate.From(issueCore);
        if (rate == null)
        {
            return;
        }
        AnsiConsole.MarkupLine(Markup.Escape("issue machine's rate: " + rate.Derivation));
        table.Add("issue machine's nanoCLR", "instructions per µs", rate.InstructionsPerUs, double.NaN, "from the issue's µs and its core's counts (above)");
        double Now(string name) => rows.FirstOrDefault(r => r.Mode == "natives" && r.Name == name).Instructions;
        double Then(string name) => issueCore.TryGetValue(name, out double value) ? value : double.NaN;
        void Goal(string name, string what, string metric, double goalMs, string goal) =>
            table.Add(what, metric, rate.Esp32Ms(Now(name)), rate.Esp32Ms(Then(name)), rate.Verdict(Now(name), goalMs, goal));
        Goal("emit", "emit (begin, fill, encode, enqueue)", "ESP32 ms per event at issue speed", 5, "<= 5 ms");
        Goal("pipeline-device", "whole pipeline per event, device defaults", "ESP32 ms per event at issue speed", 10, "<= 10 ms");
        Goal("gzip-device-batch", "gzip, device defaults (level 1, 32 events)", "ESP32 ms per batch at issue speed", 300, "<= 300 ms");
    }
}
