using System;

namespace Phytrace.Nano.Reliability
{
    /// <summary>Thrown by <see cref="CircuitBreaker.Execute"/> when the breaker rejects the request (the seed's CircuitOpenError).</summary>
    public sealed class CircuitOpenException : Exception
    {
        private readonly int msUntilHalfOpen;

        public CircuitOpenException(int msUntilHalfOpen)
            : base("circuit breaker is open: request rejected, next probe allowed in " + msUntilHalfOpen.ToString() + " ms")
        {
            this.msUntilHalfOpen = msUntilHalfOpen;
        }

        /// <summary>Milliseconds until the breaker admits a probe (0 if it is half-open with every probe slot taken).</summary>
        public int MsUntilHalfOpen
        {
            get { return msUntilHalfOpen; }
        }
    }
}
