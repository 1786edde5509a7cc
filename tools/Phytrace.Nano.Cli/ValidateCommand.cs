using System.CommandLine;
using Phytrace.Nano.Host.Udm;
using Spectre.Console;

namespace Phytrace.Nano.Cli;

/// <summary>`validate &lt;ndjson&gt;`: each line an event, checked against the UDM v0.0.3 schema.</summary>
public static class ValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("ndjson") { Description = "file with one UDM event (JSON) per line" };
        var schemas = new Option<DirectoryInfo?>("--schemas")
        {
            Description = "a phyudm checkout, or its schemas/v0.0.3 folder, with the UDM schemas (default: $" + UdmSchemaLocation.EnvironmentVariable + ")",
        };
        var command = new Command("validate", "validate NDJSON events against the UDM v0.0.3 JSON Schema") { file, schemas };
        command.SetAction(parse => Run(console, parse.GetValue(file)!, UdmSchemaLocation.Resolve(
            parse.GetValue(schemas)?.FullName, Environment.GetEnvironmentVariable(UdmSchemaLocation.EnvironmentVariable), AppContext.BaseDirectory)));
        return command;
    }

    public static int Run(IAnsiConsole console, FileInfo file, UdmSchemaLocation schemas)
    {
        if (!file.Exists)
        {
            console.MarkupLineInterpolated($"[red]error:[/] file '{file.FullName}' not found");
            return 2;
        }
        if (schemas.Directory == null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {schemas.Problem}");
            return 2;
        }
        UdmSchemaValidator validator;
        try
        {
            validator = new UdmSchemaValidator(schemas.Directory);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        int valid = 0;
        int invalid = 0;
        void Check(string json, string where)
        {
            IReadOnlyList<string> errors = validator.Validate(json);
            if (errors.Count == 0)
            {
                valid++;
                return;
            }
            invalid++;
            foreach (string error in errors.Take(5))
            {
                console.MarkupLineInterpolated($"[yellow]{where}:[/] {error}");
            }
        }

        IReadOnlyList<string>? document = OneDocument(file.FullName, out int documentLines);
        if (document != null)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {file.Name} is one JSON document over {documentLines} lines, not NDJSON (one event per line, as receive and inspect --export write); validating {(document.Count == 1 ? "it as one event" : "its " + document.Count + " array elements as events")}");
            for (int i = 0; i < document.Count; i++)
            {
                Check(document[i], document.Count == 1 ? "event" : "element " + i);
            }
        }
        else
        {
            int lineNumber = 0;
            foreach (string line in File.ReadLines(file.FullName))
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }
                Check(line, "line " + lineNumber);
            }
        }
        console.MarkupLineInterpolated($"{valid} valid, {invalid} invalid ({file.Name})");
        return invalid == 0 ? 0 : 1;
    }

    /// <summary>
    /// The events of a file that is not NDJSON but one JSON document spread over lines (a pretty-printed
    /// event, or an array of them): its first non-blank line is not JSON by itself, the whole file is.
    /// Null for anything else (NDJSON, or text that is no JSON at all: each line is then reported).
    /// </summary>
    private static IReadOnlyList<string>? OneDocument(string path, out int lines)
    {
        string[] all = File.ReadAllLines(path);
        lines = all.Length;
        string? first = all.FirstOrDefault(l => l.Trim().Length > 0);
        if (first == null || ParsesAlone(first))
        {
            return null;
        }
        try
        {
            System.Text.Json.Nodes.JsonNode? node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path));
            if (node is System.Text.Json.Nodes.JsonArray array)
            {
                return array.Select(e => e?.ToJsonString() ?? "null").ToList();
            }
            return node is System.Text.Json.Nodes.JsonObject ? new[] { File.ReadAllText(path) } : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool ParsesAlone(string line)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
