using System.Diagnostics;
using System.Globalization;

namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// Runs the compiled device benchmark with the kit's nano-run and reads its rows
/// (see tools/Phytrace.Nano.DeviceBenchmark/Device/Program.cs for the line format), adding the
/// CPU time per operation from a <see cref="CpuSampler"/> on the nanoCLR process.
/// </summary>
public static class DeviceRun
{
    // The device program sleeps this long after each instant it prints (Program.PauseMs).
    private static readonly long PauseTicks = TimeSpan.FromMilliseconds(250).Ticks;

    public static (List<DeviceRow> Rows, List<AllocationRow> Allocations) Run(NanoKit kit, DeviceBuild build, int timeLimitSeconds)
    {
        string[] arguments = ["-t", timeLimitSeconds.ToString(CultureInfo.InvariantCulture), "-expect", "^device benchmark done", .. build.RunList];
        using Process process = kit.Start("nano-run", arguments);
        string output;
        using (var sampler = new CpuSampler(process.Id))
        {
            Task<string> errors = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            output += errors.Result;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"nano-run failed (exit {process.ExitCode}):\n{output}");
            }
            List<DeviceRow> rows = Parse(output, sampler);
            if (rows.Any(r => r.CpuUs == null))
            {
                Console.WriteLine($"note: no CPU time for {rows.Count(r => r.CpuUs == null)} of {rows.Count} rows ({sampler.Summary()}); wall clock used for those");
            }
            return (rows, ParseAllocations(output));
        }
    }

    private static List<DeviceRow> Parse(string output, CpuSampler sampler)
    {
        var rows = new List<DeviceRow>();
        foreach (string line in output.Split('\n'))
        {
            string[] f = line.Trim().Split(' ');
            if (f.Length != 10 || f[0] != "row")
            {
                continue;
            }
            int operations = Int(f[3]);
            int rounds = Int(f[4]);
            long begin = Long(f[8]);
            long end = Long(f[9]);
            long? cpuBegin = sampler.CpuAt(begin, PauseTicks);
            long? cpuEnd = sampler.CpuAt(end, PauseTicks);
            double? cpuUs = cpuBegin != null && cpuEnd != null ? (cpuEnd.Value - cpuBegin.Value) / 1000.0 / (operations * (double)rounds) : null;
            rows.Add(new DeviceRow(f[1], f[2], operations, rounds, Long(f[5]) / 1000.0, Long(f[6]) / 1000.0, Long(f[7]), cpuUs));
        }
        if (rows.Count == 0)
        {
            throw new InvalidOperationException("the device benchmark printed no rows:\n" + output);
        }
        return rows;
    }

    private static List<AllocationRow> ParseAllocations(string output)
    {
        var rows = new List<AllocationRow>();
        foreach (string line in output.Split('\n'))
        {
            string[] f = line.Trim().Split(' ');
            if (f.Length == 7 && f[0] == "alloc")
            {
                rows.Add(new AllocationRow(f[1], f[2], Int(f[3]), Long(f[4]), Int(f[5]), f[6] == "1"));
            }
        }
        return rows;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);
}
