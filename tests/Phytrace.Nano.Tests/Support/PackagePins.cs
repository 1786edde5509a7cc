using System.Text.RegularExpressions;

namespace Phytrace.Nano.Tests.Support;

/// <summary>One place that names a nanoFramework package version: a file, the package and the version (and, for an .nfproj reference, the assembly).</summary>
public sealed record PackagePin(string File, string Package, string Version, string? Assembly);

/// <summary>
/// Every nanoFramework package version the repository names: packages.config, the .nfproj
/// HintPaths (packages\ID.VERSION\lib\ASSEMBLY.dll), the .nuspec dependencies, and the headers and
/// table of tools/NanoReference (which say what each declaration was checked against).
/// </summary>
public static partial class PackagePins
{
    public static IReadOnlyList<PackagePin> Collect(string root)
    {
        var pins = new List<PackagePin>();
        foreach (string path in Files(root))
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            string text = File.ReadAllText(path);
            string name = Path.GetFileName(path);
            if (name == "packages.config")
            {
                pins.AddRange(ConfigPackage().Matches(text).Select(m => new PackagePin(relative, m.Groups["id"].Value, m.Groups["version"].Value, null)));
            }
            else if (name.EndsWith(".nfproj", StringComparison.Ordinal))
            {
                pins.AddRange(HintPath().Matches(text).Select(m => new PackagePin(relative, m.Groups["id"].Value, m.Groups["version"].Value, m.Groups["assembly"].Value)));
            }
            else if (name.EndsWith(".nuspec", StringComparison.Ordinal))
            {
                pins.AddRange(NuspecDependency().Matches(text)
                    .Where(m => m.Groups["id"].Value.StartsWith("nanoFramework.", StringComparison.Ordinal))
                    .Select(m => new PackagePin(relative, m.Groups["id"].Value, m.Groups["version"].Value, null)));
            }
            else if (name.EndsWith(".cs", StringComparison.Ordinal))
            {
                Match header = DeclarationHeader().Match(text);
                if (header.Success)
                {
                    pins.Add(new PackagePin(relative, header.Groups["id"].Value, header.Groups["version"].Value, null));
                }
            }
            else if (name == "README.md")
            {
                pins.AddRange(ReadmeRow().Matches(text).Select(m => new PackagePin(relative, m.Groups["id"].Value, m.Groups["version"].Value, null)));
            }
        }
        return pins;
    }

    /// <summary>Each package named at more than one version, with where each version is named.</summary>
    public static IReadOnlyList<string> Conflicts(IEnumerable<PackagePin> pins) =>
        pins.GroupBy(p => p.Package)
            .Where(g => g.Select(p => p.Version).Distinct().Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ": " + string.Join("; ", g.GroupBy(p => p.Version).Select(v => v.Key + " in " + string.Join(", ", v.Select(p => p.File).Distinct()))))
            .ToList();

    private static IEnumerable<string> Files(string root)
    {
        foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.StartsWith(".git/", StringComparison.Ordinal) || relative.StartsWith("artifacts/", StringComparison.Ordinal)
                || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }
            string name = Path.GetFileName(path);
            bool declaration = relative.StartsWith("tools/NanoReference/", StringComparison.Ordinal)
                && (name.EndsWith(".cs", StringComparison.Ordinal) || name == "README.md");
            if (name == "packages.config" || name.EndsWith(".nfproj", StringComparison.Ordinal) || name.EndsWith(".nuspec", StringComparison.Ordinal) || declaration)
            {
                yield return path;
            }
        }
    }

    [GeneratedRegex("<package id=\"(?<id>[^\"]+)\" version=\"(?<version>[^\"]+)\"")]
    private static partial Regex ConfigPackage();

    [GeneratedRegex(@"packages\\(?<id>nanoFramework\.[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\(?<assembly>[^\\<]+)\.dll")]
    private static partial Regex HintPath();

    [GeneratedRegex("<dependency id=\"(?<id>[^\"]+)\" version=\"\\[?(?<version>[^\\]\"]+)\\]?\"")]
    private static partial Regex NuspecDependency();

    [GeneratedRegex(@"^// Reference declaration \(signatures only\) of (?<id>nanoFramework\.[A-Za-z0-9.]+) (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex DeclarationHeader();

    [GeneratedRegex(@"^\| (?<id>nanoFramework\.[A-Za-z0-9.]+) \| (?<version>\d+\.\d+\.\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
