using Phytrace.Nano.Host.Udm;

namespace Phytrace.Nano.Tests.Cli;

/// <summary>How `validate` finds the UDM schemas: --schemas, then PHYUDM_SCHEMAS, then a developer's ../shared.</summary>
public sealed class UdmSchemaLocationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "phytrace-schemas-" + Guid.NewGuid().ToString("N"));

    public UdmSchemaLocationTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A folder shaped like a phyudm checkout (only the file the location looks for).</summary>
    private string FakeCheckout(string name)
    {
        string versionFolder = Path.Combine(folder, name, "schemas", "v0.0.3");
        Directory.CreateDirectory(versionFolder);
        File.WriteAllText(Path.Combine(versionFolder, UdmSchemaLocation.EventSchemaFile), "{}");
        return Path.Combine(folder, name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("schemas")]
    [InlineData("schemas/v0.0.3")]
    public void A_checkout_its_schemas_folder_or_the_version_folder_all_resolve(string below)
    {
        string checkout = FakeCheckout("phyudm");
        UdmSchemaLocation location = UdmSchemaLocation.Resolve(Path.Combine(checkout, below), null, folder);
        Assert.Null(location.Problem);
        Assert.Equal(Path.Combine(checkout, "schemas", "v0.0.3"), location.Directory);
    }

    [Fact]
    public void The_option_wins_over_the_environment_and_the_environment_is_used_without_it()
    {
        string fromOption = FakeCheckout("option");
        string fromEnvironment = FakeCheckout("environment");

        Assert.StartsWith(fromOption, UdmSchemaLocation.Resolve(fromOption, fromEnvironment, folder).Directory, StringComparison.Ordinal);
        Assert.StartsWith(fromEnvironment, UdmSchemaLocation.Resolve(null, fromEnvironment, folder).Directory, StringComparison.Ordinal);
        Assert.StartsWith(fromEnvironment, UdmSchemaLocation.Resolve("", fromEnvironment, folder).Directory, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_folder_without_schemas_is_a_problem_even_where_a_default_exists()
    {
        string empty = Path.Combine(folder, "empty");
        Directory.CreateDirectory(empty);
        string missing = Path.Combine(folder, "missing");

        UdmSchemaLocation wrongEnvironment = UdmSchemaLocation.Resolve(null, empty, AppContext.BaseDirectory);
        UdmSchemaLocation wrongOption = UdmSchemaLocation.Resolve(missing, null, AppContext.BaseDirectory);

        Assert.Null(wrongEnvironment.Directory);
        Assert.StartsWith($"PHYUDM_SCHEMAS '{empty}' holds no event.schema.json", wrongEnvironment.Problem, StringComparison.Ordinal);
        Assert.Null(wrongOption.Directory);
        Assert.StartsWith($"--schemas '{missing}' does not exist", wrongOption.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_developer_checkout_finds_phyudm_beside_it_and_nothing_else_does()
    {
        // <folder>/work/Phytrace.Nano.sln with the tool under it, and <folder>/shared/phyudm beside.
        string checkout = Path.Combine(folder, "work");
        string tool = Path.Combine(checkout, "tools", "bin");
        Directory.CreateDirectory(tool);
        File.WriteAllText(Path.Combine(checkout, "Phytrace.Nano.sln"), string.Empty);
        Assert.Null(UdmSchemaLocation.Resolve(null, null, tool).Directory);

        Directory.CreateDirectory(Path.Combine(folder, "shared"));
        string phyudm = FakeCheckout(Path.Combine("shared", "phyudm"));

        Assert.Equal(Path.Combine(phyudm, "schemas", "v0.0.3"), UdmSchemaLocation.Resolve(null, null, tool).Directory);
        Assert.Null(UdmSchemaLocation.Resolve(null, null, folder).Directory);
    }
}
