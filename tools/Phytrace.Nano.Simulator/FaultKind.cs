namespace Phytrace.Nano.Simulator;

/// <summary>The outages the simulator can script.</summary>
public enum FaultKind
{
    /// <summary>One node loses its Wi-Fi: its connectivity reports down, the uplink goes offline.</summary>
    WifiDrop,

    /// <summary>The broker stops for the window and starts again on the same port (embedded broker only).</summary>
    BrokerRestart,

    /// <summary>One node loses power: its process state is gone, its buffer file is what survives.</summary>
    PowerCut,
}

/// <summary>Names for reports and JSON (stable, lower case).</summary>
public static class FaultKindNames
{
    public static string ToText(FaultKind kind) => kind switch
    {
        FaultKind.WifiDrop => "wifi_drop",
        FaultKind.BrokerRestart => "broker_restart",
        FaultKind.PowerCut => "power_cut",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown fault kind"),
    };

    public static string ToLabel(FaultKind kind) => kind switch
    {
        FaultKind.WifiDrop => "Wi-Fi drop",
        FaultKind.BrokerRestart => "broker restart",
        FaultKind.PowerCut => "power cut",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown fault kind"),
    };
}
