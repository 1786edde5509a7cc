using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// Material some tests need that is not part of this repository: the phyudm UDM schemas and
/// conformance fixtures, and the nanoFramework kit. Both live in ../shared beside the checkout (the
/// layout CI runs in); a user's fresh clone has neither.
/// <para>
/// A test that needs one is [SkippableFact] or [SkippableTheory], says so in its class or method
/// name ("phyudm", "kit": `dotnet test` lists skipped tests by name, not by reason), and gets the
/// path it reads from <see cref="Require"/> (or, where its own check of the material failed,
/// calls <see cref="ReportMissing"/>). Where the material is missing the test is reported as
/// skipped with a reason naming what it needs and where it looked. Under
/// <c>PHYTRACE_REQUIRE_SHARED=1</c> (set by .ci/run) missing material is a failure instead, so CI
/// cannot skip its way to green. Keep what does not need the material in tests of its own, so a
/// fresh clone still runs it.
/// </para>
/// <code>
/// [SkippableFact]
/// public void Every_valid_phyudm_fixture_passes_through()
/// {
///     string fixtures = SharedMaterial.PhyUdm.Require("conformance", "valid");
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

    private readonly string name;
    private readonly string what;
    private readonly string nameToken;
    private readonly bool? required;

    /// <summary>Material <paramref name="name"/> in <paramref name="sharedFolder"/> (../shared); <paramref name="required"/> overrides <see cref="RequireVariable"/> (for tests of this class).</summary>
    internal SharedMaterial(string name, string what, string nameToken, string sharedFolder, bool? required = null)
    {
        this.name = name;
        this.what = what;
        this.nameToken = nameToken;
        this.required = required;
        Root = Path.Combine(sharedFolder, name);
    }

    /// <summary>phyudm (Apache-2.0): UDM v0.0.3 JSON Schemas under schemas/, conformance fixtures under conformance/. Tests using it have "phyudm" in their class or method name.</summary>
    public static SharedMaterial PhyUdm { get; } = new("phyudm", "the UDM v0.0.3 schemas and conformance fixtures of phyudm", "phyudm", RepoPaths.Shared);

    /// <summary>The nanoFramework kit: nanoCLR for Linux, metadata processor, TestFramework, package assemblies. Tests using it have "kit" in their class or method name.</summary>
    public static SharedMaterial NanoKit { get; } = new("nanoframework", "the nanoFramework kit (nanoCLR, metadata processor, TestFramework, package assemblies)", "kit", RepoPaths.Shared);

    /// <summary>Where the material is expected: ../shared/{name} beside the repository.</summary>
    public string Root { get; }

    /// <summary>True when missing material fails tests (<see cref="RequireVariable"/> is 1).</summary>
    public bool IsRequired => required ?? Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>
    /// The path of <paramref name="parts"/> under <see cref="Root"/> if that file or folder exists;
    /// otherwise skips the calling test (or fails it under <see cref="RequireVariable"/>=1).
    /// </summary>
    public string Require(params string[] parts)
    {
        AssertTestNameSaysWhatItNeeds();
        string path = Path.Combine(Root, Path.Combine(parts));
        if (Has(parts))
        {
            return path;
        }
        string relative = string.Join('/', new[] { name }.Concat(parts));
        throw Missing($"{SkipReasonPrefix}{relative}: {what}, not part of this repository (looked in {path}; see docs/testing.md)");
    }

    /// <summary>
    /// For a test that looked for the material its own way and did not find it usable:
    /// skips it with <paramref name="why"/> (or fails it under <see cref="RequireVariable"/>=1).
    /// </summary>
    [DoesNotReturn]
    public void ReportMissing(string why)
    {
        AssertTestNameSaysWhatItNeeds();
        throw Missing($"{SkipReasonPrefix}{name}: {why}");
    }

    private Exception Missing(string reason)
    {
        if (IsRequired)
        {
            Assert.Fail($"{reason}. {RequireVariable}=1 makes missing material a failure.");
        }
        return new SkipException(reason);
    }

    /// <summary>
    /// True when <paramref name="parts"/> exists under <see cref="Root"/>. Private on purpose: a test
    /// that checked this and carried on without the material would pass where it did not run.
    /// </summary>
    private bool Has(params string[] parts)
    {
        string path = Path.Combine(Root, Path.Combine(parts));
        return Directory.Exists(path) || File.Exists(path);
    }

    /// <summary>
    /// Fails a test that reads this material without saying so in its name: where the material is
    /// missing, `dotnet test` lists the skipped tests by name only. Checked wherever the material is
    /// present too, so CI catches a new test named without it.
    /// </summary>
    private void AssertTestNameSaysWhatItNeeds()
    {
        foreach (StackFrame frame in new StackTrace().GetFrames())
        {
            MethodBase? method = frame.GetMethod();
            if (method != null && method.IsDefined(typeof(FactAttribute), inherit: true))
            {
                string test = method.DeclaringType?.Name + "." + method.Name;
                Assert.True(test.Contains(nameToken, StringComparison.OrdinalIgnoreCase),
                    $"{test} reads ../shared/{name}: put \"{nameToken}\" in its class or method name, so a clone without it lists what the skipped test needs");
                return;
            }
        }
    }

    /// <summary>
    /// Theory data: the names of the files matching <paramref name="pattern"/> in the folder
    /// <paramref name="parts"/>, in ordinal order. Where the folder is missing there is one row,
    /// "needs ../shared/{name}/...", so the theory still runs once, its <see cref="Require"/> call
    /// reports the skip, and the listed row says what is missing (a theory with no rows would fail
    /// with "no data").
    /// </summary>
    public TheoryData<string> FileNames(string pattern, params string[] parts)
    {
        var data = new TheoryData<string>();
        string folder = Path.Combine(Root, Path.Combine(parts));
        if (!Directory.Exists(folder))
        {
            data.Add(SkipReasonPrefix + string.Join('/', new[] { name }.Concat(parts)));
            return data;
        }
        foreach (string file in Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }
}
