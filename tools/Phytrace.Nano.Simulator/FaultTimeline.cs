namespace Phytrace.Nano.Simulator;

/// <summary>
/// The scripted outages of a run. The simulation asks it, at each tick, what should be down now
/// (overlapping windows simply keep a thing down longer) and applies the difference.
/// </summary>
public sealed class FaultTimeline
{
    private readonly List<FaultWindow> windows;

    public FaultTimeline(IEnumerable<FaultWindow> windows, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(windows);
        this.windows = windows.OrderBy(w => w.StartSeconds).ToList();
        foreach (FaultWindow w in this.windows)
        {
            if (!(w.EndSeconds > w.StartSeconds) || w.StartSeconds < 0)
            {
                throw new ArgumentException($"fault window {w.Describe()}: expected 0 <= start < end");
            }
            bool needsNode = w.Kind != FaultKind.BrokerRestart;
            if (needsNode && (w.Node is not int n || n < 0 || n >= nodeCount))
            {
                throw new ArgumentException($"fault window {w.Describe()}: node must be 0 to {nodeCount - 1}, got {w.Node?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
            }
            if (!needsNode && w.Node != null)
            {
                throw new ArgumentException($"fault window {w.Describe()}: a broker restart names no node");
            }
        }
    }

    public static FaultTimeline Empty(int nodeCount) => new([], nodeCount);

    public IReadOnlyList<FaultWindow> Windows => windows;

    /// <summary>When the last window ends (0 when there is none).</summary>
    public double EndSeconds => windows.Count == 0 ? 0 : windows.Max(w => w.EndSeconds);

    public bool IsWifiDown(int node, double seconds) => Any(FaultKind.WifiDrop, node, seconds);

    public bool IsPowerOff(int node, double seconds) => Any(FaultKind.PowerCut, node, seconds);

    public bool IsBrokerDown(double seconds) => Any(FaultKind.BrokerRestart, null, seconds);

    public IEnumerable<FaultWindow> ActiveAt(double seconds) => windows.Where(w => w.IsActiveAt(seconds));

    /// <summary>The same timeline without broker restarts (an external broker is not ours to restart).</summary>
    public FaultTimeline WithoutBrokerRestarts(int nodeCount) => new(windows.Where(w => w.Kind != FaultKind.BrokerRestart), nodeCount);

    private bool Any(FaultKind kind, int? node, double seconds)
    {
        foreach (FaultWindow w in windows)
        {
            if (w.Kind == kind && w.Node == node && w.IsActiveAt(seconds))
            {
                return true;
            }
        }
        return false;
    }
}
