using System.Text.Json;
using Phytrace.Nano.Cli;
using Phytrace.Nano.Tests.Support;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Cli;

public class ValidateCommandTests
{
    private static string SchemaDir => Path.Combine(RepoPaths.PhyUdm, "schemas", "v0.0.3");

    private static FileInfo NdjsonOf(string folder)
    {
        string path = Path.Combine(Path.GetTempPath(), $"phytrace-{folder}-{Guid.NewGuid():N}.ndjson");
        var lines = Directory.EnumerateFiles(Path.Combine(RepoPaths.PhyUdm, "conformance", folder), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(f)).RootElement));
        File.WriteAllLines(path, lines);
        return new FileInfo(path);
    }

    [Fact]
    public void Every_valid_conformance_fixture_validates()
    {
        var console = new TestConsole();
        FileInfo file = NdjsonOf("valid");
        int count = File.ReadAllLines(file.FullName).Length;

        int code = CliApp.Run(new[] { "validate", file.FullName, "--schemas", SchemaDir }, console);

        Assert.Equal(0, code);
        Assert.Contains($"{count} valid, 0 invalid", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_invalid_conformance_fixture_is_reported_with_its_line()
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
    public void A_pretty_printed_event_is_named_not_ndjson_and_validated_as_one_event()
    {
        Skip.If(!Directory.Exists(SchemaDir), "../shared/phyudm is missing");
        string fixture = Path.Combine(RepoPaths.PhyUdm, "conformance", "valid", "warehouse-amr-picking.json");
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
    public void A_pretty_printed_array_of_events_is_validated_element_by_element()
    {
        Skip.If(!Directory.Exists(SchemaDir), "../shared/phyudm is missing");
        string path = Path.Combine(Path.GetTempPath(), $"phytrace-array-{Guid.NewGuid():N}.json");
        var events = new[] { "valid/domain-04-power.json", "invalid/envelope-bad-captured-at.json" }
            .Select(f => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.PhyUdm, "conformance", f))).RootElement).ToArray();
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
    public void Date_times_rfc_3339_forbids_are_invalid(string capturedAt)
    {
        Skip.If(!Directory.Exists(SchemaDir), "../shared/phyudm is missing");
        string path = Path.Combine(Path.GetTempPath(), $"phytrace-dates-{Guid.NewGuid():N}.ndjson");
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
        int code = CliApp.Run(new[] { "validate", "/no/such/file.ndjson", "--schemas", SchemaDir }, console);
        Assert.Equal(2, code);
        Assert.Contains("'/no/such/file.ndjson' not found", console.Output, StringComparison.Ordinal);
    }
}
