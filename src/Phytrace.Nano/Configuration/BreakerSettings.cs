using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// The circuit breaker, with the seed CircuitBreaker's defaults (failure_threshold 5,
    /// recovery_timeout_sec 60, half_open_requests 3). Every value that validates is one
    /// <see cref="CircuitBreaker"/>'s constructor accepts.
    /// </summary>
    public sealed class BreakerSettings
    {
        public int FailureThreshold = CircuitBreaker.DefaultFailureThreshold;
        public double RecoveryTimeoutSec = CircuitBreaker.DefaultRecoveryTimeoutSec;
        public int HalfOpenRequests = CircuitBreaker.DefaultHalfOpenRequests;

        internal void Validate(ConfigProblems problems)
        {
            if (FailureThreshold < 1 || FailureThreshold > 1000)
            {
                problems.Add(ConfigText.Problem("breaker.failure_threshold", FailureThreshold.ToString(), "1 to 1000 failures"));
            }
            if (!(RecoveryTimeoutSec >= 0.1 && RecoveryTimeoutSec <= 86400.0))
            {
                problems.Add(ConfigText.Problem("breaker.recovery_timeout_sec", ConfigText.Decimal(RecoveryTimeoutSec), "0.1 to 86400 seconds (one day)"));
            }
            if (HalfOpenRequests < 1 || HalfOpenRequests > 100)
            {
                problems.Add(ConfigText.Problem("breaker.half_open_requests", HalfOpenRequests.ToString(), "1 to 100 requests"));
            }
        }
    }
}
