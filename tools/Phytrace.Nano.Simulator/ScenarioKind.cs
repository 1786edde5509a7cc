namespace Phytrace.Nano.Simulator;

/// <summary>How rough the scripted weather is.</summary>
public enum ScenarioKind
{
    /// <summary>A scheduled Wi-Fi drop, a random one, a broker restart, and a power cut during a third Wi-Fi drop.</summary>
    Default,

    /// <summary>No faults: the baseline.</summary>
    Calm,

    /// <summary>Random Wi-Fi drops on every node, two broker restarts, two power cuts.</summary>
    Stormy,
}
