using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Node
{
    /// <summary>A snapshot of the node: its buffer, its uplink and its circuit breaker.</summary>
    public sealed class NodeStats
    {
        public readonly BufferStats Buffer = new BufferStats();
        public readonly UplinkCounters Uplink = new UplinkCounters();
        public UplinkState UplinkState;
        public ErrorType LastError;
        public CircuitBreakerStats Breaker;

        /// <summary>Events Emit or EmitJson refused (buffer full under Reject, medium error, expired, too large, or invalid).</summary>
        public long EmitFailures;

        /// <summary>Of those, events refused as invalid (UdmValidationException, UdmScanException): nothing was stored.</summary>
        public long InvalidEvents;
    }
}
