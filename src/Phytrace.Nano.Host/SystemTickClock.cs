using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Host;

/// <summary>The host's monotonic millisecond clock (Environment.TickCount64, as on the device).</summary>
public sealed class SystemTickClock : ITickClock
{
    public static readonly SystemTickClock Instance = new();

    public long NowMs => Environment.TickCount64;
}
