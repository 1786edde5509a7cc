using System.Diagnostics;

namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// Compiles what the device benchmark runs, as a Release deployment would (nano-compile with
/// -optimize, then nano-pe): the core, the natives assembly against the kit's real
/// nanoFramework.System.IO.Hashing and nanoFramework.System.Text, and the benchmark program
/// (tools/Phytrace.Nano.DeviceBenchmark). With a baseline revision, the core of that git revision
/// (one assembly or two, natives where it has them) and the program compiled for it.
/// </summary>
public sealed class DeviceBuild
{
    private DeviceBuild(IReadOnlyList<string> runList) => RunList = runList;

    /// <summary>What nano-run loads, in order (kit names and .pe paths).</summary>
    public IReadOnlyList<string> RunList { get; }

    /// <summary>
    /// This tree's core, natives and benchmark program; <paramref name="programDefines"/> (for
    /// example INSTRUCTION_COUNT) are defined when the program is compiled.
    /// </summary>
    public static DeviceBuild Current(NanoKit kit, string repoRoot, string workDir, params string[] programDefines)
    {
        Directory.CreateDirectory(workDir);
        string foundation = Compile(kit, workDir, "Phytrace.Nano.Foundation.dll", "library", [], Path.Combine(repoRoot, "src", "Phytrace.Nano.Foundation"));
        string core = Compile(kit, workDir, "Phytrace.Nano.dll", "library", ["-r", foundation], Path.Combine(repoRoot, "src", "Phytrace.Nano"));
        string natives = Compile(kit, workDir, "Phytrace.Nano.Natives.dll", "library",
            ["-r", foundation, "-r", "nanoFramework.System.IO.Hashing", "-r", "nanoFramework.System.Text"],
            Path.Combine(repoRoot, "src", "Phytrace.Nano.Natives"));
        string[] defines = programDefines.Length == 0 ? [] : ["-define:" + string.Join(';', programDefines)];
        string program = Compile(kit, workDir, "Phytrace.Nano.DeviceBenchmark.exe", "exe", ["-r", foundation, "-r", core, "-r", natives, "-r", "nanoFramework.Runtime.Native", .. defines],
            Path.Combine(repoRoot, "tools", "Phytrace.Nano.DeviceBenchmark"));
        return new DeviceBuild([
            "nanoFramework.System.IO.Hashing", "nanoFramework.System.Text", "nanoFramework.Runtime.Native",
            Pe(kit, foundation), Pe(kit, core, foundation), Pe(kit, natives, foundation), Pe(kit, program, foundation, core, natives)]);
    }

    /// <summary>
    /// The core as it was at git revision <paramref name="revision"/>, with the benchmark program of
    /// today compiled with BASELINE (workloads that need only the API every revision has). The
    /// revision decides what is built: before the split, one assembly (src/Phytrace.Nano); after
    /// it, the Foundation and the core; where it has src/Phytrace.Nano.Natives, the natives too,
    /// installed as that revision's device path runs (BASELINE_NATIVES).
    /// </summary>
    public static DeviceBuild Baseline(NanoKit kit, string repoRoot, string workDir, string revision, params string[] programDefines)
    {
        Directory.CreateDirectory(workDir);
        string source = Path.Combine(workDir, "baseline-src");
        if (Directory.Exists(source))
        {
            Directory.Delete(source, true);
        }
        Directory.CreateDirectory(source);
        bool split = HasFolder(repoRoot, revision, "src/Phytrace.Nano.Foundation");
        bool hasNatives = HasFolder(repoRoot, revision, "src/Phytrace.Nano.Natives");
        var folders = new List<string> { "src/Phytrace.Nano" };
        if (split)
        {
            folders.Add("src/Phytrace.Nano.Foundation");
        }
        if (hasNatives)
        {
            folders.Add("src/Phytrace.Nano.Natives");
        }
        string archive = Path.Combine(workDir, "baseline.tar");
        Git(repoRoot, ["archive", "-o", archive, revision, .. folders]);
        Exec("tar", source, "-xf", archive);
        string Sources(string project) => Path.Combine(source, "src", project);

        var runList = new List<string> { "nanoFramework.Runtime.Native" };
        var coreReferences = new List<string>();
        var programReferences = new List<string>();
        var loaded = new List<string>();
        // A revision with the API this tree's workloads use runs exactly their work (vetted enqueue,
        // the uplink's send-time check, the node's gzip block size); an older one, the same work
        // through API every revision has (BASELINE_OLD_API), and its rows say less.
        bool oldApi = !HasCurrentWorkloadApi(source);
        // A revision whose node compressed with GzipEncoder's default window and hash table.
        bool nodeGzipDefaults = !oldApi && !SourcesContain(source, "GzipWindowBits");
        string defines = "-define:" + string.Join(';', [.. oldApi ? new[] { "BASELINE", "BASELINE_OLD_API" } : nodeGzipDefaults ? ["BASELINE", "BASELINE_NODE_GZIP_DEFAULTS"] : ["BASELINE"], .. programDefines]);
        if (split)
        {
            string foundation = Compile(kit, workDir, "Phytrace.Nano.Foundation.dll", "library", [], Sources("Phytrace.Nano.Foundation"));
            coreReferences.AddRange(["-r", foundation]);
            runList.Add(Pe(kit, foundation));
            loaded.Add(foundation);
        }
        string core = Compile(kit, workDir, "Phytrace.Nano.dll", "library", coreReferences, Sources("Phytrace.Nano"));
        runList.Add(Pe(kit, core, [.. loaded]));
        loaded.Add(core);
        if (hasNatives)
        {
            // What the natives reference moved with the split (the core before it, the Foundation after): offer both.
            var nativesReferences = new List<string> { "-r", "nanoFramework.System.IO.Hashing", "-r", "nanoFramework.System.Text" };
            foreach (string assembly in loaded)
            {
                nativesReferences.AddRange(["-r", assembly]);
            }
            string natives = Compile(kit, workDir, "Phytrace.Nano.Natives.dll", "library", nativesReferences, Sources("Phytrace.Nano.Natives"));
            runList.Add(Pe(kit, natives, [.. loaded]));
            loaded.Add(natives);
            runList.InsertRange(0, ["nanoFramework.System.IO.Hashing", "nanoFramework.System.Text"]);
            defines += ";BASELINE_NATIVES";
        }
        foreach (string assembly in loaded)
        {
            programReferences.AddRange(["-r", assembly]);
        }
        string program = Compile(kit, workDir, "Phytrace.Nano.DeviceBenchmark.exe", "exe", [.. programReferences, "-r", "nanoFramework.Runtime.Native", defines],
            Path.Combine(repoRoot, "tools", "Phytrace.Nano.DeviceBenchmark"));
        runList.Add(Pe(kit, program, [.. loaded]));
        return new DeviceBuild(runList);
    }

    // The names NodeRig and WorkloadSet use outside BASELINE_OLD_API, looked for in the exported sources.
    private static bool HasCurrentWorkloadApi(string source)
    {
        string[] needed = ["EnqueueVetted(", "class SendableCheck", "GzipBlockSymbols", "DefaultCompressionLevel"];
        return needed.All(name => SourcesContain(source, name));
    }

    private static bool SourcesContain(string source, string name)
    {
        return Directory.EnumerateFiles(Path.Combine(source, "src"), "*.cs", SearchOption.AllDirectories)
            .Any(file => File.ReadAllText(file).Contains(name, StringComparison.Ordinal));
    }

    /// <summary>True when both revisions name the same commit of the repository at <paramref name="repoRoot"/>.</summary>
    public static bool SameCommit(string repoRoot, string first, string second)
    {
        string? a = Commit(repoRoot, first);
        return a != null && a == Commit(repoRoot, second);
    }

    private static string? Commit(string repoRoot, string revision)
    {
        (int code, string output, _) = RunGit(repoRoot, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return code == 0 && output.Length > 0 ? output : null;
    }

    // True when git revision `revision` has the folder `path`.
    private static bool HasFolder(string repoRoot, string revision, string path)
    {
        (int code, string output, string errors) = RunGit(repoRoot, "ls-tree", "-d", "--name-only", revision, path);
        if (code != 0)
        {
            throw new InvalidOperationException($"git revision '{revision}' not found ({errors}); --baseline takes a commit of this repository, for example {IssueBaseline.Revision}");
        }
        return output.Length > 0;
    }

    private static (int Code, string Output, string Errors) RunGit(string repoRoot, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = repoRoot, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start git");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim(), errors.Result.Trim());
    }

    private static string Compile(NanoKit kit, string workDir, string output, string target, IEnumerable<string> options, string sources)
    {
        string path = Path.Combine(workDir, output);
        kit.Run("nano-compile", ["-out", path, "-target", target, "-optimize", .. options, sources]);
        return path;
    }

    private static string Pe(NanoKit kit, string assembly, params string[] references)
    {
        kit.Run("nano-pe", [assembly, .. references]);
        return Path.ChangeExtension(assembly, ".pe");
    }

    private static void Git(string repoRoot, string[] arguments) => Exec("git", repoRoot, arguments);

    private static void Exec(string file, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {output}");
        }
    }
}
