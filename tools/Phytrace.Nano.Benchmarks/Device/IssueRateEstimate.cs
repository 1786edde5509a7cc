using System.Globalization;

namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// Issue 17's goals judged from instruction counts instead of CPU time. The issue's core
/// (<see cref="IssueBaseline.Revision"/>) counted under callgrind, divided by the µs the issue
/// measured for the same workloads, gives how many nanoCLR instructions the issue's machine ran
/// per µs; this tree's counts at that rate, times 90, are ESP32 estimates at the issue machine's
/// speed that no load on this machine can move (CPU-time rows swing by 25 % between quiet runs).
/// The rate is the median over the issue's workloads; the spread of the per-workload rates is
/// reported with each verdict, since a native or a cache miss costs more than its count.
/// </summary>
public sealed class IssueRateEstimate
{
    private readonly double median;
    private readonly double least;
    private readonly double most;

    private IssueRateEstimate(double median, double least, double most, string derivation)
    {
        this.median = median;
        this.least = least;
        this.most = most;
        Derivation = derivation;
    }

    /// <summary>How the rate was derived, workload by workload.</summary>
    public string Derivation { get; }

    /// <summary>Instructions per µs of the issue's machine (median over the issue's workloads).</summary>
    public double InstructionsPerUs => median;

    /// <summary>The rate from the issue core's counts by workload name, or null if none of the issue's workloads was counted.</summary>
    public static IssueRateEstimate? From(IReadOnlyDictionary<string, double> issueCoreInstructions)
    {
        var rates = new List<(string Name, double Rate)>();
        foreach (string name in IssueBaseline.Workloads)
        {
            if (issueCoreInstructions.TryGetValue(name, out double instructions) && instructions > 0)
            {
                rates.Add((name, instructions / IssueBaseline.Us(name)));
            }
        }
        if (rates.Count == 0)
        {
            return null;
        }
        var sorted = rates.Select(r => r.Rate).ToList();
        double median = IssueMachineSpeed.Median(sorted);
        string each = string.Join(", ", rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.Rate:#,0}")));
        return new IssueRateEstimate(median, sorted[0], sorted[^1], string.Create(CultureInfo.InvariantCulture,
            $"{median:#,0} instructions per µs: median over {rates.Count} workloads of {IssueBaseline.Revision}'s count / the issue's µs ({each})"));
    }

    /// <summary>ESP32 milliseconds (x90) at the issue machine's speed for <paramref name="instructions"/>.</summary>
    public double Esp32Ms(double instructions) => instructions / median * DeviceBenchmark.Esp32Factor / 1000;

    /// <summary>"met"/"NOT met" against <paramref name="goalMs"/>, with the range the per-workload rates give.</summary>
    public string Verdict(double instructions, double goalMs, string goal)
    {
        double ms = Esp32Ms(instructions);
        double low = instructions / most * DeviceBenchmark.Esp32Factor / 1000;
        double high = instructions / least * DeviceBenchmark.Esp32Factor / 1000;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(ms <= goalMs ? "met" : "NOT met")}: {goal} ({low:0.##}-{high:0.##} ms by the fastest and slowest workload's rate)");
    }
}
