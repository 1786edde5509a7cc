namespace Phytrace.Nano.Host.Udm;

/// <summary>
/// Where the UDM v0.0.3 JSON Schemas are, for tools that validate events. The schemas belong to
/// phyudm (the UDM specification, Apache-2.0), not to this repository: the user names a phyudm
/// checkout, or its schemas/v0.0.3 folder, with an option or with <see cref="EnvironmentVariable"/>.
/// A developer's checkout of this repository with phyudm at ../shared/phyudm beside it (the CI
/// layout) finds it there without either.
/// </summary>
public sealed class UdmSchemaLocation
{
    /// <summary>The environment variable naming a phyudm checkout or its schemas/v0.0.3 folder.</summary>
    public const string EnvironmentVariable = "PHYUDM_SCHEMAS";

    /// <summary>What a folder must hold to be the schema folder.</summary>
    public const string EventSchemaFile = "event.schema.json";

    private const string UsageHint =
        "pass --schemas <folder> or set " + EnvironmentVariable + "=<folder>, where <folder> is a phyudm checkout or its schemas/v0.0.3 folder";

    private UdmSchemaLocation(string? directory, string? problem)
    {
        Directory = directory;
        Problem = problem;
    }

    /// <summary>The schemas/v0.0.3 folder, or null when none was found (see <see cref="Problem"/>).</summary>
    public string? Directory { get; }

    /// <summary>Why no folder was found, naming what was tried and how to point at one; null when found.</summary>
    public string? Problem { get; }

    /// <summary>
    /// The schema folder from <paramref name="option"/> (--schemas) if given, else from
    /// <paramref name="environment"/> (the value of <see cref="EnvironmentVariable"/>) if set,
    /// else ../shared/phyudm beside the repository checkout that holds <paramref name="toolDirectory"/>.
    /// A folder that was named but holds no schemas is a problem, never silently passed over.
    /// </summary>
    public static UdmSchemaLocation Resolve(string? option, string? environment, string toolDirectory)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return FromNamed("--schemas", option);
        }
        if (!string.IsNullOrEmpty(environment))
        {
            return FromNamed(EnvironmentVariable, environment);
        }
        string? beside = BesideDeveloperCheckout(toolDirectory);
        if (beside != null)
        {
            return new UdmSchemaLocation(beside, null);
        }
        return new UdmSchemaLocation(null, "no UDM v0.0.3 schemas given: " + UsageHint);
    }

    /// <summary>
    /// The folder holding <see cref="EventSchemaFile"/> among <paramref name="folder"/> itself, its
    /// v0.0.3 and its schemas/v0.0.3 (so a phyudm checkout, its schemas folder or the version folder
    /// all work); null if none does.
    /// </summary>
    public static string? SchemaFolderIn(string folder)
    {
        string[] candidates =
        {
            folder,
            Path.Combine(folder, "v0.0.3"),
            Path.Combine(folder, "schemas", "v0.0.3"),
        };
        foreach (string candidate in candidates)
        {
            if (File.Exists(Path.Combine(candidate, EventSchemaFile)))
            {
                return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    private static UdmSchemaLocation FromNamed(string source, string folder)
    {
        string full = Path.GetFullPath(folder);
        if (!System.IO.Directory.Exists(full))
        {
            return new UdmSchemaLocation(null, $"{source} '{full}' does not exist: {UsageHint}");
        }
        string? found = SchemaFolderIn(full);
        if (found == null)
        {
            return new UdmSchemaLocation(null, $"{source} '{full}' holds no {EventSchemaFile} (in itself, v0.0.3/ or schemas/v0.0.3/): {UsageHint}");
        }
        return new UdmSchemaLocation(found, null);
    }

    /// <summary>
    /// A developer convenience: when the tool runs from a build inside a checkout of this repository
    /// (Phytrace.Nano.sln above it) and phyudm sits at ../shared/phyudm beside that checkout.
    /// </summary>
    private static string? BesideDeveloperCheckout(string toolDirectory)
    {
        for (string? dir = Path.GetFullPath(toolDirectory); dir != null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Phytrace.Nano.sln")))
            {
                string phyudm = Path.GetFullPath(Path.Combine(dir, "..", "shared", "phyudm"));
                return System.IO.Directory.Exists(phyudm) ? SchemaFolderIn(phyudm) : null;
            }
        }
        return null;
    }
}
