namespace Phytrace.Nano.Simulator;

/// <summary>
/// Builds the fault timeline of a scenario for a run of a given length. Every window is placed in
/// proportion to the run so that a 7 s test run and a 25 s demo have the same shape, and all
/// faults end by 80 % of the run so the tail shows the recovery. Random windows come from the seed.
/// </summary>
public static class Scenario
{
    /// <summary>Where the faults stop: the rest of the run is calm, then the final drain.</summary>
    public const double FaultsEndFraction = 0.8;

    public static FaultTimeline Build(ScenarioKind kind, int nodes, double seconds, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(seconds, 0);
        var random = new Random(SeedOf(seed));
        var windows = new List<FaultWindow>();
        switch (kind)
        {
            case ScenarioKind.Calm:
                break;
            case ScenarioKind.Default:
                windows.Add(new FaultWindow(FaultKind.WifiDrop, 0, 0.15 * seconds, 0.35 * seconds, Random: false));
                if (nodes > 1)
                {
                    windows.Add(RandomWifiDrop(random, 1, seconds));
                }
                windows.Add(new FaultWindow(FaultKind.BrokerRestart, null, 0.45 * seconds, 0.45 * seconds + Outage(seconds, 0.06), Random: false));
                // The power cut comes while the last node is offline, so its file holds events
                // when the power goes: they must come back from the file after the reboot.
                windows.Add(new FaultWindow(FaultKind.WifiDrop, nodes - 1, 0.55 * seconds, 0.75 * seconds, Random: false));
                windows.Add(new FaultWindow(FaultKind.PowerCut, nodes - 1, 0.62 * seconds, 0.62 * seconds + Outage(seconds, 0.06), Random: false));
                break;
            case ScenarioKind.Stormy:
                for (int n = 0; n < nodes; n++)
                {
                    int drops = 2 + (int)(random.NextDouble() * 2);
                    for (int d = 0; d < drops; d++)
                    {
                        windows.Add(RandomWifiDrop(random, n, seconds));
                    }
                }
                windows.Add(new FaultWindow(FaultKind.BrokerRestart, null, 0.3 * seconds, 0.3 * seconds + Outage(seconds, 0.05), Random: false));
                windows.Add(new FaultWindow(FaultKind.BrokerRestart, null, 0.65 * seconds, 0.65 * seconds + Outage(seconds, 0.05), Random: false));
                for (int c = 0; c < 2; c++)
                {
                    int node = (int)(random.NextDouble() * nodes);
                    double start = seconds * (0.2 + random.NextDouble() * 0.5);
                    windows.Add(new FaultWindow(FaultKind.PowerCut, node, start, start + Outage(seconds, 0.08), Random: true));
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown scenario");
        }
        return new FaultTimeline(windows, nodes);
    }

    /// <summary>System.Random's seed from the 64-bit option value.</summary>
    public static int SeedOf(ulong seed) => unchecked((int)seed ^ (int)(seed >> 32));

    /// <summary>An outage of this fraction of the run, at least half a second and at most 4 s.</summary>
    private static double Outage(double seconds, double fraction) => Math.Clamp(fraction * seconds, 0.5, 4.0);

    private static FaultWindow RandomWifiDrop(Random random, int node, double seconds)
    {
        double length = Outage(seconds, 0.05 + random.NextDouble() * 0.1);
        double latestStart = Math.Max(0.1 * seconds, FaultsEndFraction * seconds - length);
        double start = 0.1 * seconds + random.NextDouble() * (latestStart - 0.1 * seconds);
        return new FaultWindow(FaultKind.WifiDrop, node, start, start + length, Random: true);
    }
}
