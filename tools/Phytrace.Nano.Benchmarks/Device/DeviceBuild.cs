using System.Diagnostics;

namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// Compiles what the device benchmark runs, as a Release deployment would (nano-compile with
/// -optimize, then nano-pe): the core, the natives assembly against the kit's real
/// nanoFramework.System.IO.Hashing and nanoFramework.System.Text, and the benchmark program
/// (tools/Phytrace.Nano.DeviceBenchmark). With a baseline revision, the core of that git revision
/// and the program without the natives.
/// </summary>
public sealed class DeviceBuild
{
    private DeviceBuild(IReadOnlyList<string> runList) => RunList = runList;

    /// <summary>What nano-run loads, in order (kit names and .pe paths).</summary>
    public IReadOnlyList<string> RunList { get; }

    public static DeviceBuild Current(NanoKit kit, string repoRoot, string workDir)
    {
        Directory.CreateDirectory(workDir);
        string foundation = Compile(kit, workDir, "Phytrace.Nano.Foundation.dll", "library", [], Path.Combine(repoRoot, "src", "Phytrace.Nano.Foundation"));
        string core = Compile(kit, workDir, "Phytrace.Nano.dll", "library", ["-r", foundation], Path.Combine(repoRoot, "src", "Phytrace.Nano"));
        string natives = Compile(kit, workDir, "Phytrace.Nano.Natives.dll", "library",
            ["-r", foundation, "-r", "nanoFramework.System.IO.Hashing", "-r", "nanoFramework.System.Text"],
            Path.Combine(repoRoot, "src", "Phytrace.Nano.Natives"));
        string program = Compile(kit, workDir, "Phytrace.Nano.DeviceBenchmark.exe", "exe", ["-r", foundation, "-r", core, "-r", natives, "-r", "nanoFramework.Runtime.Native"],
            Path.Combine(repoRoot, "tools", "Phytrace.Nano.DeviceBenchmark"));
        return new DeviceBuild([
            "nanoFramework.System.IO.Hashing", "nanoFramework.System.Text", "nanoFramework.Runtime.Native",
            Pe(kit, foundation), Pe(kit, core, foundation), Pe(kit, natives, foundation), Pe(kit, program, foundation, core, natives)]);
    }

    /// <summary>The core as it was at git revision <paramref name="revision"/>, with the benchmark program of today.</summary>
    public static DeviceBuild Baseline(NanoKit kit, string repoRoot, string workDir, string revision)
    {
        string source = Path.Combine(workDir, "baseline-src");
        if (Directory.Exists(source))
        {
            Directory.Delete(source, true);
        }
        Directory.CreateDirectory(source);
        string archive = Path.Combine(workDir, "baseline.tar");
        Git(repoRoot, "archive", "-o", archive, revision, "src/Phytrace.Nano");
        Exec("tar", source, "-xf", archive);
        string core = Compile(kit, workDir, "Phytrace.Nano.dll", "library", [], Path.Combine(source, "src", "Phytrace.Nano"));
        string program = Compile(kit, workDir, "Phytrace.Nano.DeviceBenchmark.exe", "exe", ["-r", core, "-r", "nanoFramework.Runtime.Native", "-define:BASELINE"],
            Path.Combine(repoRoot, "tools", "Phytrace.Nano.DeviceBenchmark"));
        return new DeviceBuild(["nanoFramework.Runtime.Native", Pe(kit, core), Pe(kit, program, core)]);
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

    private static void Git(string repoRoot, params string[] arguments) => Exec("git", repoRoot, arguments);

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
