namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// The nanoFramework kit beside the checkout (../shared/nanoframework): the real package
/// assemblies in ref/ and the version of each in sources.tsv. A user's clone has no kit; tests
/// that need it skip, naming what is missing.
/// </summary>
public static class NanoKitPackages
{
    public static string Root => Path.Combine(RepoPaths.Shared, "nanoframework");

    public static string RefFolder => Path.Combine(Root, "ref");

    public static bool IsPresent => File.Exists(Path.Combine(Root, "sources.tsv")) && Directory.Exists(RefFolder);

    /// <summary>Skips the calling test unless the kit is present.</summary>
    public static void SkipUnlessPresent() =>
        Skip.IfNot(IsPresent, "the nanoFramework kit is not at " + Root + " (../shared/nanoframework beside the checkout): nothing real to compare against");

    /// <summary>The compile-time assemblies of the kit's packages (ref/*.dll).</summary>
    public static IReadOnlyList<string> RefAssemblies => Directory.GetFiles(RefFolder, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToList();

    /// <summary>Assembly name to the version the kit built it at (sources.tsv: assembly, file, repo, tag, commit, version).</summary>
    public static IReadOnlyDictionary<string, string> AssemblyVersions
    {
        get
        {
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(Path.Combine(Root, "sources.tsv")).Skip(1))
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
