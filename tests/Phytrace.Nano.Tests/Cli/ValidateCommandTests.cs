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

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var console = new TestConsole();
        int code = CliApp.Run(new[] { "validate", "/no/such/file.ndjson", "--schemas", SchemaDir }, console);
        Assert.Equal(2, code);
        Assert.Contains("'/no/such/file.ndjson' not found", console.Output, StringComparison.Ordinal);
    }
}
