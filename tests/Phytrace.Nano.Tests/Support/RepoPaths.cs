using System.Reflection;

namespace Phytrace.Nano.Tests.Support;

/// <summary>Where the repository, the shared folder and nanoFramework's mscorlib are, from a test.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// ../shared beside the checkout, where CI keeps material that is not part of the repository.
    /// Tests reach it through <see cref="SharedMaterial"/>, which skips them where it is missing.
    /// </summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string NanoMscorlib
    {
        get
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");
        }
    }

    /// <summary>The configuration this test assembly was built in (Debug, Release): the gate builds share it.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// The assembly a nano-compat gate project (tools/NanoCompat/<paramref name="gateProject"/>)
    /// built in this configuration.
    /// </summary>
    public static string NanoCompatOutput(string gateProject, string assemblyName) =>
        Path.Combine(Root, "tools", "NanoCompat", gateProject, "bin", Configuration, "net10.0", assemblyName + ".dll");

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "Phytrace.Nano.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new InvalidOperationException("Phytrace.Nano.sln not found above " + AppContext.BaseDirectory);
    }
}
