using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Events;

/// <summary>The validator used by the event tests must accept the conformance suite's valid fixtures and reject its invalid ones, or its verdicts mean nothing.</summary>
public class UdmSchemaTests
{
    /// <summary>The fixture file names of conformance/<paramref name="folder"/> (one placeholder row where phyudm is missing).</summary>
    public static TheoryData<string> Fixtures(string folder) => SharedMaterial.PhyUdm.FileNames("*.json", "conformance", folder);

    /// <summary>The text of a fixture; skips the test where phyudm is missing.</summary>
    public static string FixtureText(string folder, string name) =>
        File.ReadAllText(Path.Combine(SharedMaterial.PhyUdm.Require("conformance", folder), name));

    [SkippableTheory]
    [MemberData(nameof(Fixtures), "valid")]
    public void Valid_phyudm_fixture_validates(string name)
    {
        UdmSchema.AssertValid(FixtureText("valid", name));
    }

    [SkippableTheory]
    [MemberData(nameof(Fixtures), "invalid")]
    public void Invalid_phyudm_fixture_is_rejected(string name)
    {
        Assert.NotEmpty(UdmSchema.Errors(FixtureText("invalid", name)));
    }
}
