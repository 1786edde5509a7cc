using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Host;

/// <summary>The host's UTC clock, which a PC keeps synchronised.</summary>
public sealed class SystemWallClock : IWallClock
{
    public static readonly SystemWallClock Instance = new();

    public DateTime UtcNow => DateTime.UtcNow;

    public bool IsSynchronized => true;
}
