using System.Text.Json;
using Phytrace.Nano.Cli;
using Phytrace.Nano.Host.Udm;
using Phytrace.Nano.Tests.Support;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "phytrace-validate-" + Guid.NewGuid().ToString("N"));

    public ValidateCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string SchemaDir => SharedMaterial.PhyUdm.Require("schemas", "v0.0.3");

    private static FileInfo NdjsonOf(string folder)
    {
        string fixtures = SharedMaterial.PhyUdm.Require("conformance", folder);
        string path = Path.Combine(Path.GetTempPath(), $"phytrace-{folder}-{Guid.NewGuid():N}.ndjson");
        var lines = Directory.EnumerateFiles(fixtures, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(f)).RootElement));
        File.WriteAllLines(path, lines);
        return new FileInfo(path);
    }

    [SkippableFact]
    public void Every_valid_phyudm_fixture_validates()
    {
        var console = new TestConsole();
        FileInfo file = NdjsonOf("valid");
        int count = File.ReadAllLines(file.FullName).Length;

        int code = CliApp.Run(new[] { "validate", file.FullName, "--schemas", SchemaDir }, console);

        Assert.Equal(0, code);
        Assert.Contains($"{count} valid, 0 invalid", console.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_invalid_phyudm_fixture_is_reported_with_its_line()
    {
        var console = new TestConsole();
        FileInfo file = NdjsonOf("invalid");
        int count = File.ReadAllLines(file.FullName).Length;

        int code = CliApp.Run(new[] { "validate", file.FullName, "--schemas", SchemaDir }, console);

        Assert.Equal(1, code);
        Assert.Contains($"0 valid, {count} invalid", console.Output, StringComparison.Ordinal);
        Assert.Contains("line 1:", console.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Schemas_may_name_the_phyudm_checkout_itself()
    {
        var console = new TestConsole();
        FileInfo file = NdjsonOf("valid");
        int count = File.ReadAllLines(file.FullName).Length;

        int code = CliApp.Run(new[] { "validate", file.FullName, "--schemas", SharedMaterial.PhyUdm.Require() }, console);

        Assert.Equal(0, code);
        Assert.Contains($"{count} valid, 0 invalid", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var console = new TestConsole();
        int code = CliApp.Run(new[] { "validate", "/no/such/file.ndjson", "--schemas", Path.GetTempPath() }, console);
        Assert.Equal(2, code);
        Assert.Contains("'/no/such/file.ndjson' not found", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_that_are_not_there_are_a_clear_error_naming_the_folder()
    {
        string ndjson = EmptyEventFile();
        TestConsole console = WideConsole();

        int code = CliApp.Run(new[] { "validate", ndjson, "--schemas", folder }, console);

        Assert.Equal(2, code);
        Assert.Contains($"--schemas '{folder}' holds no event.schema.json", console.Output, StringComparison.Ordinal);
        Assert.Contains("PHYUDM_SCHEMAS", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_schemas_the_error_names_both_ways_to_give_them()
    {
        string ndjson = EmptyEventFile();
        TestConsole console = WideConsole();

        // What a user's install sees: no --schemas, no PHYUDM_SCHEMAS, no checkout of this repository around the tool.
        int code = ValidateCommand.Run(console, new FileInfo(ndjson), UdmSchemaLocation.Resolve(null, null, folder));

        Assert.Equal(2, code);
        Assert.Contains("no UDM v0.0.3 schemas given: pass --schemas <folder> or set PHYUDM_SCHEMAS=<folder>, where <folder> is a phyudm checkout or its schemas/v0.0.3 folder",
            console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("shared", console.Output, StringComparison.Ordinal);
    }

    private string EmptyEventFile()
    {
        string path = Path.Combine(folder, "events.ndjson");
        File.WriteAllText(path, "{}\n");
        return path;
    }

    private static TestConsole WideConsole()
    {
        var console = new TestConsole();
        console.Profile.Width = 1000;
        return console;
    }
}
