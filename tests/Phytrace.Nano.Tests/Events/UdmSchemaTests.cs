namespace Phytrace.Nano.Tests.Events;

/// <summary>The validator used by the event tests must accept the conformance suite's valid fixtures and reject its invalid ones, or its verdicts mean nothing.</summary>
public class UdmSchemaTests
{
    public static TheoryData<string> Fixtures(string folder)
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(Support.RepoPaths.PhyUdm, "conformance", folder), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures), "valid")]
    public void Valid_fixture_validates(string name)
    {
        UdmSchema.AssertValid(File.ReadAllText(Path.Combine(Support.RepoPaths.PhyUdm, "conformance", "valid", name)));
    }

    [Theory]
    [MemberData(nameof(Fixtures), "invalid")]
    public void Invalid_fixture_is_rejected(string name)
    {
        Assert.NotEmpty(UdmSchema.Errors(File.ReadAllText(Path.Combine(Support.RepoPaths.PhyUdm, "conformance", "invalid", name))));
    }
}
