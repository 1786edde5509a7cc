using Phytrace.Nano.Simulator;
using Spectre.Console;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
if (Console.IsOutputRedirected)
{
    // One progress line per second reads best unwrapped in a log.
    AnsiConsole.Profile.Width = 240;
}
return SimulatorApp.Run(args, AnsiConsole.Console, cancel.Token);
