namespace Phytrace.Nano.Reliability
{
    /// <summary>The seed's three circuit-breaker states.</summary>
    public enum CircuitState
    {
        /// <summary>Normal operation: requests pass.</summary>
        Closed = 0,

        /// <summary>Failing: requests are rejected until the recovery timeout has passed.</summary>
        Open = 1,

        /// <summary>Testing recovery: a limited number of probe requests pass.</summary>
        HalfOpen = 2,
    }
}
