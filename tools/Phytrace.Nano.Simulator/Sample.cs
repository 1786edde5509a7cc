namespace Phytrace.Nano.Simulator;

/// <summary>One point of the time series behind the chart.</summary>
public sealed record Sample(double Seconds, long[] Buffered, long Accepted, long Delivered);

/// <summary>What the progress display shows at one moment.</summary>
public sealed record ProgressSnapshot(
    double Seconds,
    double EmitSeconds,
    bool Draining,
    IReadOnlyList<NodeProgress> Nodes,
    long Accepted,
    long Delivered,
    long Duplicates,
    IReadOnlyList<string> ActiveFaults);

/// <summary>One node's line in the progress display.</summary>
public sealed record NodeProgress(string SourceId, string State, long Buffered, long Emitted, long Delivered);
