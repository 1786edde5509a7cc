namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// The nanoFramework kit (../shared/nanoframework in CI): its scripts compile against nano
/// mscorlib, convert to .pe and run the UnitTestLauncher on the POSIX nanoCLR. The project copies
/// none of it; without it the device suite is skipped with the reason.
/// </summary>
public sealed class NanoKit
{
    /// <summary>Environment variable that points at a kit elsewhere.</summary>
    public const string KitVariable = "PHYTRACE_NANO_KIT";

    private static readonly string[] Scripts = { "nano-compile", "nano-pe", "nano-test" };

    private NanoKit(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Where a kit is looked for: --kit, then $PHYTRACE_NANO_KIT, then ../shared/nanoframework beside the checkout.</summary>
    public static string DefaultLocation(string repoRoot)
        => Environment.GetEnvironmentVariable(KitVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "nanoframework"));

    /// <summary>The kit at <paramref name="directory"/>, or null with the reason it cannot be used.</summary>
    public static NanoKit? Find(string directory, out string whyNot)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            whyNot = $"no nanoFramework kit at {directory} (CI has it at ../shared/nanoframework; elsewhere set {KitVariable} or pass --kit)";
            return null;
        }
        foreach (string script in Scripts)
        {
            if (!File.Exists(Path.Combine(directory, "bin", script)))
            {
                whyNot = $"the kit at {directory} has no bin/{script}";
                return null;
            }
        }
        string mscorlib = NanoMscorlibDirectory();
        if (!File.Exists(Path.Combine(mscorlib, "mscorlib.pe")))
        {
            whyNot = $"nanoFramework.CoreLibrary 1.17.11 is not in the NuGet cache ({mscorlib}): run 'dotnet restore Phytrace.Nano.sln'";
            return null;
        }
        whyNot = string.Empty;
        return new NanoKit(directory);
    }

    /// <summary>Runs bin/<paramref name="script"/> with <paramref name="arguments"/>.</summary>
    public ToolResult Run(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var all = new List<string> { Path.Combine(Directory, "bin", script) };
        all.AddRange(arguments);
        return ToolProcess.Run("bash", all, timeout);
    }

    // Where the kit's scripts look for mscorlib (bin/_common.sh).
    private static string NanoMscorlibDirectory()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "nanoframework.corelibrary", "1.17.11", "lib");
    }
}
