namespace Phytrace.Nano.Uplink
{
    /// <summary>What the uplink worker is doing.</summary>
    public enum UplinkState
    {
        /// <summary>Not started, or stopped.</summary>
        Stopped = 0,

        /// <summary>No network: waiting for connectivity to come back.</summary>
        Offline = 1,

        /// <summary>Connected, buffer empty: waiting for events.</summary>
        Idle = 2,

        /// <summary>Connected and sending batches.</summary>
        Sending = 3,

        /// <summary>A connect or send failed: waiting for the retry policy's delay.</summary>
        BackingOff = 4,

        /// <summary>The circuit breaker is open: waiting for its recovery timeout.</summary>
        CircuitOpen = 5,
    }

    /// <summary>UDM-style names for <see cref="UplinkState"/> (Enum.ToString prints numbers on the device).</summary>
    public static class UplinkStateNames
    {
        public static string Of(UplinkState state)
        {
            switch (state)
            {
                case UplinkState.Stopped: return "stopped";
                case UplinkState.Offline: return "offline";
                case UplinkState.Idle: return "idle";
                case UplinkState.Sending: return "sending";
                case UplinkState.BackingOff: return "backing_off";
                case UplinkState.CircuitOpen: return "circuit_open";
                default: return "unknown";
            }
        }
    }
}
