using Phytrace.Nano.DeviceTestRunner;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.DeviceTestRunner;

/// <summary>The glue suite compiles the glue against the packages its .nfproj names, as the Windows build would.</summary>
public class GlueSuiteTests
{
    [Fact]
    public void Reads_the_glue_projects_package_references_without_mscorlib()
    {
        string nfproj = Path.Combine(RepoPaths.Root, "src", "Phytrace.Nano.Esp32", "Phytrace.Nano.Esp32.nfproj");

        IReadOnlyList<string> references = GlueSuite.References(nfproj);

        Assert.Contains("nanoFramework.M2Mqtt", references);
        Assert.Contains("System.IO.FileSystem", references);
        Assert.Contains("nanoFramework.Hardware.Esp32", references);
        Assert.DoesNotContain("mscorlib", references);
        Assert.Equal(references.Count, references.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Reads_every_reference_item_of_a_project()
    {
        string nfproj = Path.Combine(Path.GetTempPath(), "glue-" + Guid.NewGuid().ToString("N") + ".nfproj");
        File.WriteAllText(nfproj, """
            <Project>
              <ItemGroup>
                <Reference Include="mscorlib"><HintPath>a</HintPath></Reference>
                <Reference Include="System.Net"><HintPath>b</HintPath></Reference>
                <Reference Include="nanoFramework.Runtime.Native" />
                <ProjectReference Include="..\Core\Core.nfproj" />
              </ItemGroup>
            </Project>
            """);
        try
        {
            Assert.Equal(new[] { "System.Net", "nanoFramework.Runtime.Native" }, GlueSuite.References(nfproj));
        }
        finally
        {
            File.Delete(nfproj);
        }
    }
}
