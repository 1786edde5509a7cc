using System.Diagnostics;

namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// The nanoFramework kit (../shared/nanoframework beside the checkout, or $NANOFRAMEWORK_KIT): its
/// scripts nano-compile, nano-pe and nano-run, and the NuGet package nanoFramework.CoreLibrary
/// 1.17.11 they take mscorlib from.
/// </summary>
public sealed class NanoKit
{
    private NanoKit(string root, string mscorlibPe)
    {
        Root = root;
        MscorlibPe = mscorlibPe;
    }

    public string Root { get; }

    /// <summary>nanoFramework.CoreLibrary's mscorlib.pe, which nanoCLR loads first.</summary>
    public string MscorlibPe { get; }

    /// <summary>
    /// A .pe to load, as nano-run finds it: a file path as it is, else a kit assembly by name (its
    /// ref/ or testframework/ folder).
    /// </summary>
    public string ResolvePe(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return nameOrPath;
        }
        foreach (string folder in new[] { "ref", "testframework" })
        {
            string candidate = Path.Combine(Root, folder, nameOrPath + ".pe");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"{nameOrPath}: no such .pe file, nor in the kit's ref/ or testframework/ ({Root})");
    }

    /// <summary>The kit, or null with <paramref name="reason"/> saying what is missing and where it was looked for.</summary>
    public static NanoKit? Locate(string repoRoot, out string reason)
    {
        string root = Environment.GetEnvironmentVariable("NANOFRAMEWORK_KIT")
            ?? Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "nanoframework"));
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string mscorlib = Path.Combine(packages, "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.pe");
        if (!File.Exists(Path.Combine(root, "bin", "nano-run")))
        {
            reason = $"the nanoFramework kit was not found at {root} (its bin/nano-run is missing); put the kit there or set NANOFRAMEWORK_KIT";
            return null;
        }
        if (!File.Exists(mscorlib))
        {
            reason = $"nanoFramework.CoreLibrary 1.17.11 is not in the NuGet cache ({mscorlib}); run 'dotnet restore Phytrace.Nano.sln'";
            return null;
        }
        reason = string.Empty;
        return new NanoKit(root, mscorlib);
    }

    /// <summary>Runs kit script <paramref name="script"/>; throws with its output if it fails.</summary>
    public string Run(string script, IEnumerable<string> arguments)
    {
        using Process process = Start(script, arguments);
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {process.ExitCode}):\n{output}");
        }
        return output;
    }

    /// <summary>Starts kit script <paramref name="script"/> with standard output and error redirected.</summary>
    public Process Start(string script, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(Root, "bin", script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + script);
    }
}
