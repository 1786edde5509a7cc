using System.Globalization;
using Phytrace.Nano.Benchmarks.Device;
using Phytrace.Nano.DeviceTestRunner;
using Spectre.Console;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// "The host build and its benchmarks must not get slower" (issue 17), shown: the device
/// benchmark's workloads on .NET (tools/Phytrace.Nano.HostWorkloads) built against this tree's core
/// and against the core of an older revision (--baseline=REV, default the issue's 802382e),
/// exported with git archive into a temporary folder and built there with its own build settings.
/// The two programs run in alternating processes, several times each, and each workload keeps its
/// best figure per side; the table gives this tree / baseline (below 1: faster now).
/// </summary>
public sealed class HostCompareBenchmark : IBenchmark
{
    // A ratio above this is reported as slower; below it, differences are within what a shared
    // machine's noise gives between two processes running the same code.
    private const double SlowerAbove = 1.10;

    public string Name => "host-compare";

    public string Description => $"the device benchmark's workloads on .NET: this tree's core against the core of --baseline=REV (default {IssueBaseline.Revision}), alternating processes, ratio per workload";

    public ResultTable Run(bool quick)
    {
        string revision = DeviceBenchmark.BaselineRevision ?? IssueBaseline.Revision;
        var table = new ResultTable($"host-compare: .NET µs per operation, this tree against {revision}", revision);
        string repoRoot = DeviceBenchmark.FindRepoRoot();
        string workloads = Path.Combine(repoRoot, "tools", "Phytrace.Nano.DeviceBenchmark", "Workloads") + Path.DirectorySeparatorChar;
        string current;
        string baseline;
        try
        {
            // Named by commit, so a later run reuses the export and its build (incremental, seconds
            // instead of about two minutes); a branch name that moved resolves to a new folder. The
            // export builds this tree's workload sources, so it is this tree's own (named by the
            // tree's path too): two worktrees comparing against one commit must not build each
            // other's workloads. A lock file keeps two runs from one tree out of each other's build.
            string commit = ResolveCommit(repoRoot, revision);
            string export = Path.Combine(Path.GetTempPath(), "phytrace-host-compare", commit + "-" + TreeTag(repoRoot));
            AnsiConsole.MarkupLine(Markup.Escape($"exporting {revision} ({commit[..12]}) to {export} (once per commit) and building the host workloads against both cores (Release) ..."));
            using (ExclusiveLock(export + ".lock"))
            {
                Export(repoRoot, revision, export);
                current = Build(Path.Combine(repoRoot, "tools", "Phytrace.Nano.HostWorkloads"), workloads);
                baseline = Build(Path.Combine(export, "tools", "Phytrace.Nano.HostWorkloads"), workloads);
            }
        }
        catch (InvalidOperationException e)
        {
            AnsiConsole.MarkupLine($"[red]host-compare failed:[/] {Markup.Escape(e.Message)}");
            Environment.ExitCode = 1;
            table.Add("failed", e.Message.Split('\n')[0], double.NaN, double.NaN, "see above");
            return table;
        }

        int rounds = quick ? 1 : 5;
        string repetitions = quick ? "2" : "5";
        var best = new Dictionary<string, (double Us, long Check)>[] { new(), new() };
        var order = new List<string>();
        for (int round = 0; round < rounds; round++)
        {
            // Alternate which side runs first, so a slow spell of the machine does not always hit the same one.
            int first = round % 2;
            for (int k = 0; k < 2; k++)
            {
                int side = (first + k) % 2;
                AnsiConsole.MarkupLine(Markup.Escape($"round {round + 1}/{rounds}: {(side == 0 ? "this tree" : revision)} ..."));
                foreach ((string name, double us, long check) in RunOnce(side == 0 ? current : baseline, repetitions))
                {
                    if (!order.Contains(name))
                    {
                        order.Add(name);
                    }
                    if (!best[side].TryGetValue(name, out var kept) || us < kept.Us)
                    {
                        best[side][name] = (us, check);
                    }
                }
            }
        }

        var ratios = new List<double>();
        foreach (string name in order)
        {
            if (!best[0].TryGetValue(name, out var now) || !best[1].TryGetValue(name, out var then))
            {
                table.Add(name, "µs per operation", best[0].TryGetValue(name, out now) ? now.Us : double.NaN, double.NaN, $"only one side ran it");
                continue;
            }
            double ratio = now.Us / then.Us;
            ratios.Add(ratio);
            string verdict = ratio > SlowerAbove ? "SLOWER" : ratio < 1 / SlowerAbove ? "faster" : "same (within noise)";
            string output = now.Check == then.Check ? string.Empty : $"; output differs (check {now.Check} now, {then.Check} then)";
            table.Add(name, "µs per operation", now.Us, then.Us, verdict + output);
        }
        if (ratios.Count > 0)
        {
            double geometricMean = Math.Exp(ratios.Average(Math.Log));
            table.Add("all workloads", "geometric mean of ratios", geometricMean, 1, string.Create(CultureInfo.InvariantCulture,
                $"{ratios.Count(r => r > SlowerAbove)} of {ratios.Count} slower than x{SlowerAbove:0.00}"));
        }
        AnsiConsole.MarkupLine(Markup.Escape($"best of {rounds} process(es) per side, each the best round of {repetitions} repetitions; ratio = this tree / {revision}; "
            + $"\"SLOWER\" above x{SlowerAbove:0.00}. Wall clock on .NET: other load on the machine inflates both sides alike only on average (load when done: {DeviceBenchmark.LoadAverage()})."));
        return table;
    }

    // Eight hex digits of the tree's full path: stable for one checkout, different between worktrees.
    private static string TreeTag(string repoRoot)
    {
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(repoRoot)));
        return Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
    }

    // Waits (up to the length of a baseline build) for another run of this tree to finish its build.
    private static FileStream ExclusiveLock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DateTime giveUp = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"waiting for another host-compare of this tree to finish its build ({path}) ..."));
                Thread.Sleep(5000);
            }
        }
    }

    private static string ResolveCommit(string repoRoot, string revision)
    {
        ToolResult parsed = ToolProcess.Run("git", ["-C", repoRoot, "rev-parse", "--verify", revision + "^{commit}"], TimeSpan.FromMinutes(1));
        Check(parsed, $"git rev-parse {revision} (is it a revision of this repository?)");
        return parsed.Output.Trim();
    }

    // The whole tree of `revision` (build settings, packages, core) plus today's HostWorkloads
    // project. A commit's tree never changes, so an export that finished (its marker file exists) is
    // kept; only the HostWorkloads sources are copied again, as they are this tree's.
    private static void Export(string repoRoot, string revision, string export)
    {
        string finished = Path.Combine(export, ".phytrace-export-complete");
        if (!File.Exists(finished))
        {
            if (Directory.Exists(export))
            {
                Directory.Delete(export, true);
            }
            Directory.CreateDirectory(export);
            string archive = export + ".tar";
            Check(ToolProcess.Run("git", ["-C", repoRoot, "archive", "-o", archive, revision], TimeSpan.FromMinutes(2)), $"git archive {revision}");
            Check(ToolProcess.Run("tar", ["-xf", archive, "-C", export], TimeSpan.FromMinutes(2)), "tar");
            File.Delete(archive);
            File.WriteAllText(finished, revision + "\n");
        }
        string project = Path.Combine(repoRoot, "tools", "Phytrace.Nano.HostWorkloads");
        string copy = Path.Combine(export, "tools", "Phytrace.Nano.HostWorkloads");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(project, "*.cs").Concat(Directory.GetFiles(project, "*.csproj")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), true);
        }
    }

    // Builds the HostWorkloads project in `projectDir` (Release) and returns its program.
    private static string Build(string projectDir, string workloads)
    {
        Check(ToolProcess.Run("dotnet", ["build", projectDir, "-c", "Release", "-nologo", "-v:q", "-p:DeviceWorkloadSources=" + workloads], TimeSpan.FromMinutes(15)),
            "dotnet build " + projectDir);
        string program = Path.Combine(projectDir, "bin", "Release", "net10.0", "Phytrace.Nano.HostWorkloads.dll");
        return File.Exists(program) ? program : throw new InvalidOperationException("the build made no " + program);
    }

    private static IEnumerable<(string Name, double Us, long Check)> RunOnce(string program, string repetitions)
    {
        ToolResult run = ToolProcess.Run("dotnet", [program, repetitions], TimeSpan.FromMinutes(10));
        Check(run, program);
        var rows = new List<(string, double, long)>();
        foreach (string line in run.Output.Split('\n'))
        {
            string[] f = line.Trim().Split(' ');
            if (f.Length == 4 && f[0] == "host")
            {
                rows.Add((f[1], double.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture)));
            }
        }
        return rows.Count > 0 ? rows : throw new InvalidOperationException($"{program} printed no rows:\n{run.Output}");
    }

    private static void Check(ToolResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}):\n{result.Output}");
        }
    }
}
