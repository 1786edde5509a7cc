using System.Globalization;

namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// How fast this machine runs nanoCLR against the machine issue 17 measured on, so each goal can
/// also be judged at the issue machine's speed (the goals stay the issue's). <see cref="Factor"/>
/// is issue µs / this run's µs for the same code: below 1 when this machine is slower.
/// Best source: the issue's own core (<see cref="IssueBaseline.Revision"/>, --baseline) measured in
/// this run, the median ratio over the workloads the issue lists. Fallback: the portable CRC-32
/// tables of this run's core, code the device path left as it was (one workload only).
/// </summary>
public sealed record IssueMachineSpeed(double Factor, string Derivation)
{
    /// <summary>The factor from this run's rows, or null when neither source ran.</summary>
    /// <param name="baselineIsIssueRevision">True when the "baseline" rows are the core of <see cref="IssueBaseline.Revision"/>.</param>
    public static IssueMachineSpeed? From(IReadOnlyList<DeviceRow> rows, bool baselineIsIssueRevision)
    {
        if (baselineIsIssueRevision)
        {
            var ratios = new List<(string Name, double Ratio)>();
            foreach (string name in IssueBaseline.Workloads)
            {
                DeviceRow? row = rows.FirstOrDefault(r => r.Mode == "baseline" && r.Name == name);
                if (row != null && row.Us > 0)
                {
                    ratios.Add((name, IssueBaseline.Us(name) / row.Us));
                }
            }
            if (ratios.Count > 0)
            {
                double median = Median(ratios.Select(r => r.Ratio).ToList());
                string each = string.Join(", ", ratios.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name} x{r.Ratio:0.00}")));
                return new IssueMachineSpeed(median, string.Create(CultureInfo.InvariantCulture,
                    $"x{median:0.00}: median over {ratios.Count} workloads of the issue's nanoCLR µs / {IssueBaseline.Revision}'s µs measured in this run ({each})"));
            }
        }
        DeviceRow? tables = rows.FirstOrDefault(r => r.Mode == "portable" && r.Name == "crc32-4k");
        if (tables == null || tables.Us <= 0)
        {
            return null;
        }
        double factor = IssueBaseline.Us("crc32-4k") / tables.Us;
        return new IssueMachineSpeed(factor, string.Create(CultureInfo.InvariantCulture,
            $"x{factor:0.00}: fallback, one workload: the issue's {IssueBaseline.Us("crc32-4k"):0} µs for the portable CRC-32 of 4 KiB / {tables.Us:0.#} µs in this run (add --baseline={IssueBaseline.Revision} to derive it from the issue's own core over {IssueBaseline.Workloads.Count} workloads)"));
    }

    /// <summary>The median of <paramref name="values"/> (sorts the list).</summary>
    internal static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
