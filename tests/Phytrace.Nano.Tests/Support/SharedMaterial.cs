namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// Material some tests need that is not part of this repository: the phyudm UDM schemas and
/// conformance fixtures, and the nanoFramework kit. Both live in ../shared beside the checkout (the
/// layout CI runs in); a user's fresh clone has neither.
/// <para>
/// A test that needs one is marked [SharedMaterialFact("phyudm")] or [SharedMaterialTheory(...)]
/// and asks for the path it reads through <see cref="Require"/>. When the material is missing the
/// test is reported as skipped, listed as "needs ../shared/phyudm: {test}", with a reason that
/// names what it needs and where it looked. Under
/// <c>PHYTRACE_REQUIRE_SHARED=1</c> (set by .ci/run) a missing piece is a failure instead, so CI
/// cannot skip its way to green. Do the test's own checks first and ask for the material last
/// where that is possible: a fresh clone then still runs everything that does not need it.
/// </para>
/// <code>
/// [SharedMaterialFact("phyudm")]
/// public void Fixture_validates()
/// {
///     string dir = SharedMaterial.PhyUdm.Require("conformance", "valid");
///     ...
/// }
/// </code>
/// </summary>
public sealed class SharedMaterial
{
    /// <summary>The variable under which missing material fails the test instead of skipping it.</summary>
    public const string RequireVariable = "PHYTRACE_REQUIRE_SHARED";

    /// <summary>Every skip reason from here starts with this, so a run's skips can be told apart.</summary>
    public const string SkipReasonPrefix = "needs ../shared/";

    /// <summary>The one row of <see cref="FileNames"/> when the material is missing.</summary>
    public const string MissingRow = "(missing)";

    private readonly string name;
    private readonly string what;

    private SharedMaterial(string name, string what)
    {
        this.name = name;
        this.what = what;
    }

    /// <summary>phyudm (Apache-2.0): UDM v0.0.3 JSON Schemas under schemas/, conformance fixtures under conformance/.</summary>
    public static SharedMaterial PhyUdm { get; } = new("phyudm", "the UDM v0.0.3 schemas and conformance fixtures of phyudm");

    /// <summary>The nanoFramework kit: nanoCLR for Linux, metadata processor, TestFramework, package assemblies.</summary>
    public static SharedMaterial NanoFrameworkKit { get; } = new("nanoframework", "the nanoFramework kit (nanoCLR, metadata processor, TestFramework)");

    /// <summary>The material of folder <paramref name="name"/> under ../shared ("phyudm", "nanoframework").</summary>
    public static SharedMaterial Named(string name) => name switch
    {
        "phyudm" => PhyUdm,
        "nanoframework" => NanoFrameworkKit,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "\"phyudm\" or \"nanoframework\""),
    };

    /// <summary>Where the material is expected: ../shared/{name} beside the repository.</summary>
    public string Root => Path.Combine(RepoPaths.Shared, name);

    /// <summary>
    /// "needs ../shared/{name}: {test}" where the material is missing, else null (the test keeps
    /// its usual name): what [SharedMaterialFact] lists a test as.
    /// </summary>
    public string? DisplayNameWhereMissing(string test) => Directory.Exists(Root) ? null : $"{SkipReasonPrefix}{name}: {test}";

    /// <summary>
    /// True when <paramref name="parts"/> exists under <see cref="Root"/>. Only for a test that does
    /// part of its work without the material: it must still end with <see cref="Require"/>, so a
    /// run without the material reports the skip rather than a pass.
    /// </summary>
    public bool Has(params string[] parts)
    {
        string path = Path.Combine(Root, Path.Combine(parts));
        return Directory.Exists(path) || File.Exists(path);
    }

    /// <summary>True when missing material fails tests (<see cref="RequireVariable"/> is 1).</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>
    /// Theory data: the names of the files matching <paramref name="pattern"/> in the folder
    /// <paramref name="parts"/>, in ordinal order. When the folder is missing there is one row,
    /// <see cref="MissingRow"/>, so the theory still runs once and its <see cref="Require"/> call
    /// reports the skip (a theory with no rows would fail with "no data").
    /// </summary>
    public TheoryData<string> FileNames(string pattern, params string[] parts)
    {
        var data = new TheoryData<string>();
        string folder = Path.Combine(Root, Path.Combine(parts));
        if (!Directory.Exists(folder))
        {
            data.Add(MissingRow);
            return data;
        }
        foreach (string file in Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    /// <summary>
    /// The path of <paramref name="parts"/> under <see cref="Root"/> if that file or folder exists;
    /// otherwise skips the calling test (or fails it under <see cref="RequireVariable"/>=1).
    /// </summary>
    public string Require(params string[] parts)
    {
        string path = Path.Combine(Root, Path.Combine(parts));
        if (Has(parts))
        {
            return path;
        }
        string relative = string.Join('/', new[] { name }.Concat(parts));
        string reason = $"{SkipReasonPrefix}{relative}: {what}, not part of this repository (looked in {path}; see docs/testing.md)";
        if (IsRequired)
        {
            Assert.Fail($"{reason}. {RequireVariable}=1 makes missing material a failure.");
        }
        throw new SkipException(reason);
    }
}
