using Phytrace.Nano.DeviceGolden;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.DeviceGolden;

/// <summary>
/// The device tests compare the device's outputs with golden data the .NET build produced
/// (tests/Phytrace.Nano.DeviceTests/Golden). This holds the checked-in data to what the .NET build
/// produces now, every output checked against .NET's own libraries on the way: a change of the
/// core's output shows here first, with the command that regenerates the data.
/// </summary>
public class GoldenDataTests
{
    public static TheoryData<string> Sets()
    {
        var data = new TheoryData<string>();
        foreach (GoldenEntry entry in GoldenCatalog.All)
        {
            data.Add(entry.Set.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Checked_in_golden_data_is_what_the_dotnet_build_produces(string set)
    {
        GoldenEntry entry = GoldenCatalog.Find(set)!;
        string expected = GoldenFile.Render(entry, GoldenFile.Outputs(entry));
        string path = GoldenFile.PathOf(RepoPaths.Root, entry);
        Assert.True(File.Exists(path), $"{path} is missing: run `{GoldenFile.Command}`");
        Assert.True(File.ReadAllText(path) == expected, $"{path} is stale (the core's .NET output changed): run `{GoldenFile.Command}` and review the diff");
    }

    [Fact]
    public void Every_set_has_a_distinct_name_and_class()
    {
        Assert.Equal(GoldenCatalog.All.Count, GoldenCatalog.All.Select(e => e.Set.Name).Distinct().Count());
        Assert.Equal(GoldenCatalog.All.Count, GoldenCatalog.All.Select(e => e.ClassName).Distinct().Count());
    }
}
