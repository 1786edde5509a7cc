using System.Globalization;
using Spectre.Console;

namespace Phytrace.Nano.Simulator;

/// <summary>
/// The progress display: a live Spectre.Console table on an interactive terminal, one plain line
/// per second when the output is redirected (CI, tests, a log file).
/// </summary>
public sealed class ProgressView
{
    private readonly IAnsiConsole console;

    public ProgressView(IAnsiConsole console)
    {
        this.console = console;
        Live = console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
    }

    /// <summary>True for the live table, false for plain lines.</summary>
    public bool Live { get; }

    /// <summary>Seconds between updates.</summary>
    public double Interval => Live ? 0.25 : 1.0;

    /// <summary>Runs <paramref name="loop"/>, giving it the function that shows a snapshot.</summary>
    public void Run(Action<Action<ProgressSnapshot>> loop)
    {
        if (!Live)
        {
            loop(s => console.WriteLine(PlainLine(s), Style.Plain));
            return;
        }
        console.Live(new Text("starting nodes...")).AutoClear(false).Start(context =>
            loop(s =>
            {
                context.UpdateTarget(Table(s));
                context.Refresh();
            }));
    }

    /// <summary>"[ 3.0/24 s] emitted 90 delivered 85 dup 0 | node-1 sending 2/30/28 ... | Wi-Fi drop node 1 ...".</summary>
    public static string PlainLine(ProgressSnapshot s)
    {
        string phase = s.Draining ? "drain" : string.Create(CultureInfo.InvariantCulture, $"{s.Seconds,5:0.0}/{s.EmitSeconds:0} s");
        string perNode = string.Join(" ", s.Nodes.Select(n => $"{n.SourceId}:{n.State}:{n.Buffered}/{n.Emitted}/{n.Delivered}"));
        string faults = s.ActiveFaults.Count == 0 ? string.Empty : " | " + string.Join("; ", s.ActiveFaults);
        return $"[{phase}] emitted {s.Accepted} delivered {s.Delivered} duplicates {s.Duplicates} | node:state:buffered/emitted/delivered {perNode}{faults}";
    }

    private static Table Table(ProgressSnapshot s)
    {
        string title = s.Draining
            ? "[yellow]draining[/]: faults cleared, waiting for every buffered event"
            : string.Create(CultureInfo.InvariantCulture, $"running {s.Seconds:0.0} / {s.EmitSeconds:0} s");
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn("node");
        table.AddColumn("state");
        table.AddColumn(new TableColumn("buffered").RightAligned());
        table.AddColumn(new TableColumn("emitted").RightAligned());
        table.AddColumn(new TableColumn("delivered").RightAligned());
        foreach (NodeProgress n in s.Nodes)
        {
            string state = n.State switch
            {
                "power off" => "[red]power off[/]",
                "no wifi" => "[yellow]no wifi[/]",
                "idle" or "sending" => $"[green]{n.State}[/]",
                _ => Markup.Escape(n.State),
            };
            table.AddRow(Markup.Escape(n.SourceId), state, Num(n.Buffered), Num(n.Emitted), Num(n.Delivered));
        }
        table.AddRow("[bold]total[/]", $"duplicates {Num(s.Duplicates)}", Num(s.Nodes.Sum(n => n.Buffered)), Num(s.Accepted), Num(s.Delivered));
        string faults = s.ActiveFaults.Count == 0 ? "none" : string.Join("; ", s.ActiveFaults);
        table.Caption("active faults: " + Markup.Escape(faults));
        return table;
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
