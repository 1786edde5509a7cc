using System.Reflection;
using Phytrace.Nano.Benchmarks;
using Spectre.Console;

// Usage: dotnet run -c Release --project tools/Phytrace.Nano.Benchmarks -- [all|NAME ...] [--quick]
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200;
}

const string Usage = "usage: dotnet run -c Release --project tools/Phytrace.Nano.Benchmarks -- [all|list|NAME ...] [--quick] [--baseline=REV (device: also measure the core of git revision REV; host-compare: compare with it, default 802382e)]";
bool quick = args.Contains("--quick");
bool help = args.Contains("--help") || args.Contains("-h");
string? baseline = args.FirstOrDefault(a => a.StartsWith("--baseline=", StringComparison.Ordinal));
DeviceBenchmark.BaselineRevision = baseline?["--baseline=".Length..];
var badOptions = args.Where(a => a.StartsWith('-') && a is not ("--quick" or "--help" or "-h") && a != baseline).ToList();
if (badOptions.Count > 0)
{
    AnsiConsole.MarkupLine($"[red]unknown option(s): {Markup.Escape(string.Join(", ", badOptions))}[/]; {Markup.Escape(Usage)}");
    return 2;
}
var names = args.Where(a => !a.StartsWith('-')).ToList();
if (help || names.Count == 0 || names.Contains("list"))
{
    AnsiConsole.MarkupLine(Markup.Escape(Usage));
    foreach (IBenchmark b in benchmarks)
    {
        AnsiConsole.MarkupLine($"  [bold]{Markup.Escape(b.Name)}[/]  {Markup.Escape(b.Description)}");
    }
    return 0;
}

var selected = names.Contains("all") ? benchmarks : benchmarks.Where(b => names.Contains(b.Name)).ToList();
var unknown = names.Where(n => n != "all" && benchmarks.All(b => b.Name != n)).ToList();
if (unknown.Count > 0)
{
    AnsiConsole.MarkupLine($"[red]unknown benchmark(s): {Markup.Escape(string.Join(", ", unknown))}[/]; known: {Markup.Escape(string.Join(", ", benchmarks.Select(b => b.Name)))}");
    return 2;
}

foreach (IBenchmark benchmark in selected)
{
    AnsiConsole.MarkupLine($"[bold]{Markup.Escape(benchmark.Name)}[/]: {Markup.Escape(benchmark.Description)}");
    benchmark.Run(quick).Print();
    AnsiConsole.WriteLine();
}
return Environment.ExitCode;
