namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// A snapshot of a <see cref="CircuitBreaker"/>'s state and counters, returned by value so reading
    /// it allocates nothing. Counters count since construction; <see cref="CircuitBreaker.Reset"/> does
    /// not clear them.
    /// </summary>
    public struct CircuitBreakerStats
    {
        private readonly CircuitState state;
        private readonly int consecutiveFailures;
        private readonly long allowed;
        private readonly long rejected;
        private readonly long successes;
        private readonly long failures;
        private readonly long timesOpened;
        private readonly long timesClosed;

        public CircuitBreakerStats(CircuitState state, int consecutiveFailures, long allowed, long rejected, long successes, long failures, long timesOpened, long timesClosed)
        {
            this.state = state;
            this.consecutiveFailures = consecutiveFailures;
            this.allowed = allowed;
            this.rejected = rejected;
            this.successes = successes;
            this.failures = failures;
            this.timesOpened = timesOpened;
            this.timesClosed = timesClosed;
        }

        /// <summary>The state when the snapshot was taken.</summary>
        public CircuitState State
        {
            get { return state; }
        }

        /// <summary>Failures recorded in Closed since the last success (opens the breaker at the threshold).</summary>
        public int ConsecutiveFailures
        {
            get { return consecutiveFailures; }
        }

        /// <summary>Requests AllowRequest let through (probes included).</summary>
        public long Allowed
        {
            get { return allowed; }
        }

        /// <summary>Requests AllowRequest refused.</summary>
        public long Rejected
        {
            get { return rejected; }
        }

        /// <summary>RecordSuccess calls.</summary>
        public long Successes
        {
            get { return successes; }
        }

        /// <summary>RecordFailure calls.</summary>
        public long Failures
        {
            get { return failures; }
        }

        /// <summary>Transitions into Open (from Closed or HalfOpen).</summary>
        public long TimesOpened
        {
            get { return timesOpened; }
        }

        /// <summary>Transitions into Closed (recovery after half-open, or Reset of a tripped breaker).</summary>
        public long TimesClosed
        {
            get { return timesClosed; }
        }
    }
}
