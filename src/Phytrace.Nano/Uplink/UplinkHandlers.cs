using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Uplink
{
    /// <summary>Raised once when the uplink meets a new kind of failure (not once per attempt).</summary>
    public delegate void UplinkErrorHandler(ErrorType error, string message);

    /// <summary>
    /// Raised once per record the uplink set aside because it could not be sent as an event:
    /// <paramref name="published"/> is true when it went to the quarantine topic (and was then
    /// removed), false when the broker would not take it there either and it was dropped.
    /// </summary>
    public delegate void RecordQuarantinedHandler(long sequence, bool published, string reason);

    /// <summary>Raised when the uplink worker changes state.</summary>
    public delegate void UplinkStateChangedHandler(UplinkState oldState, UplinkState newState);
}
