using Phytrace.Nano.Cli;
using Spectre.Console;

return CliApp.Run(args, AnsiConsole.Console);
