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
        int lineNumber = 0;
        foreach (string line in File.ReadLines(file.FullName))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            IReadOnlyList<string> errors = validator.Validate(line);
            if (errors.Count == 0)
            {
                valid++;
                continue;
            }
            invalid++;
            foreach (string error in errors.Take(5))
            {
                console.MarkupLineInterpolated($"[yellow]line {lineNumber}:[/] {error}");
            }
        }
        console.MarkupLineInterpolated($"{valid} valid, {invalid} invalid ({file.Name})");
        return invalid == 0 ? 0 : 1;
    }
}
