namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// The real nanoFramework package assemblies of the kit (../shared/nanoframework/ref) and the
/// version the kit built each at (sources.tsv). Each accessor skips the calling test where the kit
/// is missing (see <see cref="SharedMaterial"/>): a test using it has "kit" in its class or name.
/// </summary>
public static class KitPackages
{
    /// <summary>The compile-time assemblies of the kit's packages (ref/*.dll).</summary>
    public static IReadOnlyList<string> RefAssemblies =>
        Directory.GetFiles(SharedMaterial.NanoKit.Require("ref"), "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToList();

    /// <summary>Assembly name to the version the kit built it at (sources.tsv: assembly, file, repo, tag, commit, version).</summary>
    public static IReadOnlyDictionary<string, string> AssemblyVersions
    {
        get
        {
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(SharedMaterial.NanoKit.Require("sources.tsv")).Skip(1))
            {
                string[] columns = line.Split('\t');
                if (columns.Length >= 6)
                {
                    versions[columns[0]] = columns[5];
                }
            }
            return versions;
        }
    }
}
