using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Compat;

/// <summary>
/// One consistent nanoFramework package set: every packages.config, .nfproj HintPath, .nuspec
/// dependency and NanoReference header names the same version of each package, and (with the kit)
/// the version the kit's real assemblies were built at. Mixed pins are what broke the Windows
/// build (M2Mqtt 5.1.220 built against System.Net 1.11.60 next to a 1.11.54 pin: CS1705).
/// </summary>
public class NanoPackagePinsTests
{
    private readonly ITestOutputHelper output;

    public NanoPackagePinsTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Every_file_names_the_same_version_of_each_package()
    {
        IReadOnlyList<PackagePin> pins = PackagePins.Collect(RepoPaths.Root);
        output.WriteLine($"{pins.Count} pins in {pins.Select(p => p.File).Distinct().Count()} files");

        Assert.Contains(pins, p => p.File.EndsWith("Phytrace.Nano.Esp32.nfproj", StringComparison.Ordinal) && p.Assembly == "nanoFramework.M2Mqtt.Core");
        Assert.True(pins.Count(p => p.File.EndsWith("packages.config", StringComparison.Ordinal)) >= 40, "packages.config files were not read");
        IReadOnlyList<string> conflicts = PackagePins.Conflicts(pins);
        Assert.True(conflicts.Count == 0, string.Join("\n", conflicts));
    }

    [Fact]
    public void Every_nfproj_reference_is_listed_in_its_packages_config()
    {
        IReadOnlyList<PackagePin> pins = PackagePins.Collect(RepoPaths.Root);
        var missing = pins.Where(p => p.Assembly != null)
            .Where(hint => !pins.Any(p => p.File == Path.GetDirectoryName(hint.File)!.Replace('\\', '/') + "/packages.config" && p.Package == hint.Package && p.Version == hint.Version))
            .Select(hint => hint.File + " references " + hint.Assembly + " from " + hint.Package + " " + hint.Version + ", which its packages.config does not list")
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [SkippableFact]
    public void Every_pinned_version_is_the_kits()
    {
        IReadOnlyDictionary<string, string> kit = KitPackages.AssemblyVersions;
        IReadOnlyList<PackagePin> pins = PackagePins.Collect(RepoPaths.Root);
        // Package -> kit version, through the assemblies the .nfproj files take from it.
        var kitVersionOf = new Dictionary<string, string>(StringComparer.Ordinal) { ["nanoFramework.CoreLibrary"] = "1.17.11" };
        var problems = new List<string>();
        foreach (PackagePin hint in pins.Where(p => p.Assembly != null && p.Assembly != "mscorlib"))
        {
            if (!kit.TryGetValue(hint.Assembly!, out string? version))
            {
                problems.Add(hint.File + ": " + hint.Assembly + " is not an assembly of the kit");
                continue;
            }
            kitVersionOf[hint.Package] = version;
        }
        foreach (PackagePin pin in pins)
        {
            if (!kitVersionOf.TryGetValue(pin.Package, out string? version))
            {
                problems.Add(pin.File + ": " + pin.Package + " " + pin.Version + ": no .nfproj takes an assembly from it, so its kit version is unknown");
            }
            else if (pin.Version != version)
            {
                problems.Add(pin.File + ": " + pin.Package + " " + pin.Version + ", the kit has " + version);
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void A_package_named_at_two_versions_is_reported_with_the_files()
    {
        var pins = new[]
        {
            new PackagePin("src/a/packages.config", "nanoFramework.System.Net", "1.11.54", null),
            new PackagePin("src/a/a.nfproj", "nanoFramework.System.Net", "1.11.54", "System.Net"),
            new PackagePin("boards/b/packages.config", "nanoFramework.System.Net", "1.11.60", null),
            new PackagePin("boards/b/packages.config", "nanoFramework.M2Mqtt", "5.1.220", null),
        };

        Assert.Equal(
            new[] { "nanoFramework.System.Net: 1.11.54 in src/a/packages.config, src/a/a.nfproj; 1.11.60 in boards/b/packages.config" },
            PackagePins.Conflicts(pins));
    }
}
