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

    [SkippableFact]
    public void A_pretty_printed_phyudm_event_is_named_not_ndjson_and_validated_as_one_event()
    {
        string fixture = SharedMaterial.PhyUdm.Require("conformance", "valid", "warehouse-amr-picking.json");
        var console = new TestConsole();
        console.Profile.Width = 400;

        int code = CliApp.Run(new[] { "validate", fixture, "--schemas", SchemaDir }, console);

        Assert.Equal(0, code);
        Assert.Contains("is one JSON document over", console.Output, StringComparison.Ordinal);
        Assert.Contains("not NDJSON (one event per line", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 valid, 0 invalid", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not JSON", console.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_pretty_printed_array_of_phyudm_events_is_validated_element_by_element()
    {
        string path = Path.Combine(folder, "array.json");
        var events = new[] { "valid/domain-04-power.json", "invalid/envelope-bad-captured-at.json" }
            .Select(f => JsonDocument.Parse(File.ReadAllText(SharedMaterial.PhyUdm.Require("conformance", f))).RootElement).ToArray();
        File.WriteAllText(path, JsonSerializer.Serialize(events, new JsonSerializerOptions { WriteIndented = true }));
        var console = new TestConsole();
        console.Profile.Width = 400;

        int code = CliApp.Run(new[] { "validate", path, "--schemas", SchemaDir }, console);

        Assert.Equal(1, code);
        Assert.Contains("its 2 array elements as events", console.Output, StringComparison.Ordinal);
        Assert.Contains("element 1:", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 valid, 1 invalid", console.Output, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("2026-02-30T19:00:00Z")]
    [InlineData("2026-06-07T24:00:00Z")]
    [InlineData("2026-06-07T19:00:00+24:00")]
    [InlineData("2026-06-07 19:00:00Z")]
    [InlineData("2016-12-31T23:58:60Z")]
    public void Date_times_rfc_3339_forbids_are_invalid_against_the_phyudm_schema(string capturedAt)
    {
        string path = Path.Combine(folder, "dates.ndjson");
        string good = "{\"udm_version\":\"0.0.3\",\"event_id\":\"e\",\"event_type\":\"custom\",\"source_id\":\"s\",\"source_type\":\"custom\",\"captured_at\":\"2016-12-31T23:59:60Z\"}";
        File.WriteAllLines(path, new[] { good, good.Replace("2016-12-31T23:59:60Z", capturedAt, StringComparison.Ordinal) });
        var console = new TestConsole();
        console.Profile.Width = 400;

        int code = CliApp.Run(new[] { "validate", path, "--schemas", SchemaDir }, console);

        Assert.Equal(1, code);
        Assert.Contains("1 valid, 1 invalid", console.Output, StringComparison.Ordinal);
        Assert.Contains("line 2:", console.Output, StringComparison.Ordinal);
        Assert.Contains("is not an RFC 3339 date-time", console.Output, StringComparison.Ordinal);
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
