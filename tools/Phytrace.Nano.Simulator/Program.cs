using Phytrace.Nano.Simulator;
using Spectre.Console;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return SimulatorApp.Run(args, AnsiConsole.Console, cancel.Token);
