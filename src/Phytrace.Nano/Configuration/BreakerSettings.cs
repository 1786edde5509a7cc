namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// The circuit breaker, with the seed CircuitBreaker's defaults (failure_threshold 5,
    /// recovery_timeout_sec 60, half_open_requests 3); the timeout is in milliseconds of the tick clock.
    /// </summary>
    public sealed class BreakerSettings
    {
        public int FailureThreshold = 5;
        public int RecoveryTimeoutMs = 60000;
        public int HalfOpenRequests = 3;

        internal void Validate(ConfigProblems problems)
        {
            if (FailureThreshold < 1 || FailureThreshold > 1000)
            {
                problems.Add(ConfigText.Problem("breaker.failure_threshold", FailureThreshold.ToString(), "1 to 1000 failures"));
            }
            if (RecoveryTimeoutMs < 100 || RecoveryTimeoutMs > 86400000)
            {
                problems.Add(ConfigText.Problem("breaker.recovery_timeout_ms", RecoveryTimeoutMs.ToString(), "100 to 86400000 ms (one day)"));
            }
            if (HalfOpenRequests < 1 || HalfOpenRequests > 100)
            {
                problems.Add(ConfigText.Problem("breaker.half_open_requests", HalfOpenRequests.ToString(), "1 to 100 requests"));
            }
        }
    }
}
