namespace Phytrace.Nano.Simulator;

/// <summary>
/// One outage from <see cref="StartSeconds"/> (inclusive) to <see cref="EndSeconds"/> (exclusive),
/// on one node (<see cref="Node"/>, 0-based) or, for a broker restart, on the broker (Node is null).
/// </summary>
public sealed record FaultWindow(FaultKind Kind, int? Node, double StartSeconds, double EndSeconds, bool Random)
{
    public double DurationSeconds => EndSeconds - StartSeconds;

    public bool IsActiveAt(double seconds) => seconds >= StartSeconds && seconds < EndSeconds;

    /// <summary>"power cut node 3 at 12.0-13.5 s" (node numbers 1-based, as the display shows them).</summary>
    public string Describe()
    {
        string target = Node is int n ? $" node {n + 1}" : string.Empty;
        string origin = Random ? " (random)" : string.Empty;
        return $"{FaultKindNames.ToLabel(Kind)}{target} at {StartSeconds:0.0}-{EndSeconds:0.0} s{origin}";
    }
}
