using System.Diagnostics;
using System.Globalization;

namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// Runs a device benchmark build (compiled with INSTRUCTION_COUNT) on the kit's nanoCLR under
/// valgrind's callgrind and counts the instructions nanoCLR executes in each workload's measured
/// round. Instruction counts do not depend on other load on the machine, so two builds compare
/// exactly even on a busy machine (CPU time swings 10-25 % there); they are not time: a cache miss
/// or a slow native costs more than its count says.
/// How the rounds are found: callgrind dumps its counters each time nanoCLR enters the native
/// Thread.Sleep (--dump-before), and the program pauses right before and right after each
/// workload's measured rounds, so the part between those two pauses holds the rounds and nothing
/// else but two DateTime.UtcNow reads. nanoCLR enters a Sleep native twice, once to start the wait
/// and once more when the thread wakes, so each pause makes two parts (the second, the wait, is a
/// few thousand instructions).
/// </summary>
public static class CallgrindRun
{
    // nanoCLR's native for System.Threading.Thread.Sleep(int), as callgrind names it (demangled).
    private const string SleepNative = "*Library_corlib_native_System_Threading_Thread::Sleep___STATIC__VOID__I4*";

    /// <summary>valgrind's path, or null with <paramref name="reason"/>.</summary>
    public static string? LocateValgrind(out string reason)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "valgrind");
            if (File.Exists(candidate))
            {
                reason = string.Empty;
                return candidate;
            }
        }
        reason = "valgrind is not installed (Debian: apt-get install valgrind)";
        return null;
    }

    /// <summary>Instructions per operation, per row of the program's output (mode, workload).</summary>
    public static List<(string Mode, string Name, double InstructionsPerOperation, long Check)> Run(NanoKit kit, string valgrind, DeviceBuild build, string workDir, int timeLimitSeconds)
    {
        string dumps = Path.Combine(workDir, "callgrind");
        if (Directory.Exists(dumps))
        {
            Directory.Delete(dumps, true);
        }
        Directory.CreateDirectory(dumps);
        var info = new ProcessStartInfo(valgrind)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--tool=callgrind", "--dump-before=" + SleepNative, "--callgrind-out-file=" + Path.Combine(dumps, "callgrind.out"), Path.Combine(kit.Root, "nanoclr", "bin", "nanoFramework.nanoCLR.test"), kit.MscorlibPe })
        {
            info.ArgumentList.Add(argument);
        }
        foreach (string assembly in build.RunList)
        {
            info.ArgumentList.Add(kit.ResolvePe(assembly));
        }
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start valgrind");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeLimitSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"nanoCLR under callgrind did not finish within {timeLimitSeconds} s");
        }
        string text = output.Result + errors.Result;
        if (!text.Contains("device benchmark done", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the device benchmark did not finish under callgrind:\n" + text);
        }
        return Rows(text, PartTotals(dumps));
    }

    // The program prints one row per workload after its second pause. Each pause makes two parts
    // (entering the wait, waking); part 1 runs from the start to the first pause, so workload k
    // (from 0) runs setup and warm-up in part 4k + 1 and its measured rounds in part 4k + 3.
    private static List<(string, string, double, long)> Rows(string output, IReadOnlyDictionary<int, long> parts)
    {
        var rows = new List<(string, string, double, long)>();
        foreach (string line in output.Split('\n'))
        {
            string[] f = line.Trim().Split(' ');
            if (f.Length != 10 || f[0] != "row")
            {
                continue;
            }
            int part = 4 * rows.Count + 3;
            if (!parts.TryGetValue(part, out long instructions))
            {
                throw new InvalidOperationException($"callgrind wrote no part {part} for row {rows.Count + 1} ({f[1]} {f[2]}); parts: {parts.Count}");
            }
            double operations = double.Parse(f[3], CultureInfo.InvariantCulture) * double.Parse(f[4], CultureInfo.InvariantCulture);
            rows.Add((f[1], f[2], instructions / operations, long.Parse(f[7], CultureInfo.InvariantCulture)));
        }
        // Every workload makes two pauses of two parts each, and the program's exit writes one more.
        if (rows.Count == 0 || parts.Count != 4 * rows.Count + 1)
        {
            throw new InvalidOperationException($"{rows.Count} rows but {parts.Count} callgrind parts (expected {4 * rows.Count + 1}): did a workload call Thread.Sleep itself?");
        }
        return rows;
    }

    // Each dump file says which part it is ("part: N") and its instruction total ("summary:" or "totals:").
    private static Dictionary<int, long> PartTotals(string dumps)
    {
        var totals = new Dictionary<int, long>();
        foreach (string file in Directory.GetFiles(dumps, "callgrind.out*"))
        {
            int part = 0;
            long? total = null;
            foreach (string line in File.ReadLines(file))
            {
                if (line.StartsWith("part: ", StringComparison.Ordinal))
                {
                    part = int.Parse(line.AsSpan(6), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("summary: ", StringComparison.Ordinal) || line.StartsWith("totals: ", StringComparison.Ordinal))
                {
                    total = long.Parse(line[(line.IndexOf(' ') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
            if (part == 0 || total == null)
            {
                throw new InvalidOperationException($"{file} has no part number or instruction total");
            }
            totals[part] = total.Value;
        }
        return totals;
    }
}
