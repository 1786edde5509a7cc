using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Uplink
{
    /// <summary>Raised once when the uplink meets a new kind of failure (not once per attempt).</summary>
    public delegate void UplinkErrorHandler(ErrorType error, string message);

    /// <summary>Raised when the uplink worker changes state.</summary>
    public delegate void UplinkStateChangedHandler(UplinkState oldState, UplinkState newState);
}
