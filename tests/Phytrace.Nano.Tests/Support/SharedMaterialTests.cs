using Xunit.Sdk;

namespace Phytrace.Nano.Tests.Support;

/// <summary>The skip-or-fail rule for material outside the repository, on a folder that has it and one that does not.</summary>
public sealed class SharedMaterialTests : IDisposable
{
    private readonly string shared = Path.Combine(Path.GetTempPath(), "phytrace-shared-" + Guid.NewGuid().ToString("N"));

    public SharedMaterialTests() => Directory.CreateDirectory(shared);

    public void Dispose() => Directory.Delete(shared, recursive: true);

    private SharedMaterial Material(bool required) => new("phyudm", "the test material", "phyudm", shared, required);

    [Fact]
    public void Missing_phyudm_material_skips_with_a_reason_naming_it_and_where_it_was_looked_for()
    {
        var skip = Assert.Throws<Xunit.SkipException>(() => Material(required: false).Require("schemas", "v0.0.3"));
        Assert.Equal(
            $"needs ../shared/phyudm/schemas/v0.0.3: the test material, not part of this repository (looked in {Path.Combine(shared, "phyudm", "schemas", "v0.0.3")}; see docs/testing.md)",
            skip.Message);
    }

    [Fact]
    public void Missing_phyudm_material_fails_where_it_is_required()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => Material(required: true).Require("schemas"));
        Assert.IsNotType<Xunit.SkipException>(failure);
        Assert.Contains("needs ../shared/phyudm/schemas", failure.Message, StringComparison.Ordinal);
        Assert.Contains("PHYTRACE_REQUIRE_SHARED=1 makes missing material a failure", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Present_phyudm_material_is_returned_and_lists_its_files()
    {
        string fixtures = Path.Combine(shared, "phyudm", "conformance", "valid");
        Directory.CreateDirectory(fixtures);
        File.WriteAllText(Path.Combine(fixtures, "b.json"), "{}");
        File.WriteAllText(Path.Combine(fixtures, "a.json"), "{}");
        File.WriteAllText(Path.Combine(fixtures, "a.meta.yaml"), "");

        Assert.Equal(fixtures, Material(required: true).Require("conformance", "valid"));
        Assert.Equal(new[] { "a.json", "b.json" }, Rows(Material(required: true).FileNames("*.json", "conformance", "valid")));
    }

    [Fact]
    public void Theory_data_of_missing_phyudm_material_is_one_row_naming_it()
    {
        Assert.Equal(new[] { "needs ../shared/phyudm/conformance/valid" }, Rows(Material(required: false).FileNames("*.json", "conformance", "valid")));
    }

    private static string[] Rows(TheoryData<string> data) => ((IEnumerable<object[]>)data).Select(row => (string)row[0]).ToArray();

    [Fact]
    public void A_test_reading_the_material_must_say_so_in_its_name()
    {
        string fixtures = Path.Combine(shared, "phyudm");
        Directory.CreateDirectory(fixtures);

        // This test's own name lacks the material's name: the check fails even though the material is there.
        var failure = Assert.ThrowsAny<XunitException>(() => Material(required: true).Require());
        Assert.Contains("SharedMaterialTests.A_test_reading_the_material_must_say_so_in_its_name reads ../shared/phyudm: put \"phyudm\" in its class or method name", failure.Message, StringComparison.Ordinal);
    }
}
