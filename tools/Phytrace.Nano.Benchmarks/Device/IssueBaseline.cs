namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// The figures issue 17 measured on the kit's nanoCLR before the device path existed (commit
/// 802382e, a quiet machine), kept so every run shows the ratio to them. A run with
/// --baseline=802382e measures that core again on this machine, now.
/// </summary>
public static class IssueBaseline
{
    public const string Revision = "802382e";

    /// <summary>The workloads the issue's table lists (each has a figure in <see cref="Us"/>).</summary>
    public static IReadOnlyList<string> Workloads { get; } =
        ["encode-event", "double-sensor", "enqueue-550", "dequeue-ack", "crc32-4k", "gzip6-batch", "pipeline-gzip6"];

    /// <summary>nanoCLR microseconds per operation, by workload name (NaN: not in the issue).</summary>
    public static double Us(string workload) => workload switch
    {
        "encode-event" => 503,
        "double-sensor" => 47,
        "enqueue-550" => 40,
        "dequeue-ack" => 45,
        "crc32-4k" => 181,
        "gzip6-batch" => 28_600,
        "pipeline-gzip6" => 1_160,
        _ => double.NaN,
    };
}
