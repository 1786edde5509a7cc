using System.CommandLine;
using Phytrace.Nano.Host.Mqtt;
using Spectre.Console;

namespace Phytrace.Nano.Simulator;

/// <summary>The command line of the simulator: options to <see cref="SimulationOptions"/>, then a run.</summary>
public static class SimulatorApp
{
    /// <summary>Exit code for bad options or a broker that does not answer.</summary>
    public const int UsageError = 2;

    public static int Run(string[] args, IAnsiConsole console, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var defaults = new SimulationOptions();
        var nodes = new Option<int>("--nodes") { Description = "virtual sensor nodes", DefaultValueFactory = _ => defaults.Nodes };
        var seconds = new Option<double>("--seconds") { Description = "length of the emitting phase in seconds (the final drain follows)", DefaultValueFactory = _ => defaults.Seconds };
        var rate = new Option<double>("--rate") { Description = "events per second per node", DefaultValueFactory = _ => defaults.Rate };
        var seed = new Option<ulong>("--seed") { Description = "seed of the random faults and telemetry values", DefaultValueFactory = _ => defaults.Seed };
        var broker = new Option<string?>("--broker") { Description = "external broker mqtt://host[:port] or mqtts://host[:port] (TLS) (default: an embedded MQTTnet broker)" };
        var caFile = new Option<string?>(TlsCommandLine.CaFileOption) { Description = TlsCommandLine.CaFileHelp };
        var certFile = new Option<string?>(TlsCommandLine.CertFileOption) { Description = TlsCommandLine.CertFileHelp };
        var keyFile = new Option<string?>(TlsCommandLine.KeyFileOption) { Description = TlsCommandLine.KeyFileHelp };
        var output = new Option<string>("--out") { Description = "folder for the buffer files, summary.json and chart.png", DefaultValueFactory = _ => defaults.OutputDirectory };
        var scenario = new Option<ScenarioKind>("--scenario") { Description = "default | calm | stormy", DefaultValueFactory = _ => defaults.Scenario };
        var noChart = new Option<bool>("--no-chart") { Description = "skip chart.png" };

        var root = new RootCommand("Phytrace.Nano simulator: virtual sensor nodes on real buffer files, an MQTT broker and scripted faults (Wi-Fi drops, broker restarts, power cuts)")
        {
            nodes, seconds, rate, seed, broker, caFile, certFile, keyFile, output, scenario, noChart,
        };
        int exitCode = 0;
        root.SetAction(parse =>
        {
            var options = new SimulationOptions
            {
                Nodes = parse.GetValue(nodes),
                Seconds = parse.GetValue(seconds),
                Rate = parse.GetValue(rate),
                Seed = parse.GetValue(seed),
                Broker = parse.GetValue(broker),
                CaFile = parse.GetValue(caFile),
                CertFile = parse.GetValue(certFile),
                KeyFile = parse.GetValue(keyFile),
                OutputDirectory = parse.GetValue(output)!,
                Scenario = parse.GetValue(scenario),
                Chart = !parse.GetValue(noChart),
            };
            exitCode = RunOptions(options, console, cancel);
            return exitCode;
        });

        ParseResult result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                console.MarkupLine("[red]error:[/] " + Markup.Escape(error.Message));
            }
            console.WriteLine("run with --help for the options");
            return UsageError;
        }
        var text = new StringWriter();
        int code = result.Invoke(new InvocationConfiguration { Output = text, Error = text });
        if (text.GetStringBuilder().Length > 0)
        {
            console.Write(new Text(text.ToString()));
        }
        return code;
    }

    /// <summary>Runs with already-parsed options; prints a clear error and returns 2 for bad options or an unreachable broker.</summary>
    public static int RunOptions(SimulationOptions options, IAnsiConsole console, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                console.MarkupLine("[red]error:[/] " + Markup.Escape(problem));
            }
            return UsageError;
        }
        try
        {
            return Simulation.Run(options, console, cancel).ExitCode;
        }
        catch (TimeoutException e)
        {
            console.MarkupLine("[red]error:[/] " + Markup.Escape(e.Message) + " (is the broker running? start one or leave out --broker for the embedded one)");
            return UsageError;
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            console.MarkupLine("[red]error:[/] " + Markup.Escape(e.Message));
            return UsageError;
        }
    }
}
