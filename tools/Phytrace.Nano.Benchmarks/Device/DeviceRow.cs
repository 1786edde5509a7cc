namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// One workload measured on nanoCLR: wall-clock median and best per operation over the rounds,
/// and, where the host could sample it, the nanoCLR process's CPU time per operation.
/// </summary>
public sealed record DeviceRow(string Mode, string Name, int Operations, int Rounds, double MedianUs, double BestUs, long Check, double? CpuUs)
{
    /// <summary>The figure the table reports: CPU time where sampled, else the best round.</summary>
    public double Us => CpuUs ?? BestUs;
}
