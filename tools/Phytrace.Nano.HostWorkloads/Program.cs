using System.Globalization;
using Phytrace.Nano.DeviceBenchmark;

// Usage: dotnet Phytrace.Nano.HostWorkloads.dll [REPETITIONS]
// Prints "host NAME MICROSECONDS CHECK" per workload (best round per operation over the
// repetitions), then "host workloads done". Read by host-compare (tools/Phytrace.Nano.Benchmarks).
int repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
foreach (KeyValuePair<string, (double Us, long Check)> row in HostRun.Run(repetitions))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host {row.Key} {row.Value.Us:R} {row.Value.Check}"));
}
Console.WriteLine("host workloads done");
return 0;
