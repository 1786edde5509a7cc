using System.CommandLine;
using Spectre.Console;

namespace Phytrace.Nano.Cli;

/// <summary>The phytrace-nano command line: one subcommand per file in this folder.</summary>
public static class CliApp
{
    public static int Run(string[] args, IAnsiConsole console, CancellationToken cancel = default)
    {
        var root = new RootCommand("phytrace-nano: inspect Phytrace.Nano buffer images, receive UDM batches from MQTT, validate events");
        root.Add(ReceiveCommand.Create(console, cancel));
        root.Add(ValidateCommand.Create(console));
        root.Add(InspectCommand.Create(console));
        ParseResult parse = root.Parse(args);
        var output = new StringWriter();
        int code = parse.Invoke(new InvocationConfiguration { Output = output, Error = output });
        string text = output.ToString();
        if (text.Length > 0)
        {
            console.Write(new Text(text));
        }
        // Bad arguments exit 2 in every command (1 means the input was read and found faulty).
        return parse.Errors.Count > 0 ? 2 : code;
    }
}
