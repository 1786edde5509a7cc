using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Retry with exponential back-off and jitter, with the seed RetryPolicy's defaults
    /// (max_retries 5, initial_delay_ms 100, max_delay_ms 30000, exponential_base 2.0, jitter on).
    /// Every value that validates is one <see cref="RetryPolicy"/>'s constructor accepts.
    /// </summary>
    public sealed class RetrySettings
    {
        public int MaxRetries = RetryPolicy.DefaultMaxRetries;
        public int InitialDelayMs = RetryPolicy.DefaultInitialDelayMs;
        public int MaxDelayMs = RetryPolicy.DefaultMaxDelayMs;
        public double ExponentialBase = RetryPolicy.DefaultExponentialBase;
        public bool Jitter = RetryPolicy.DefaultJitter;

        internal void Validate(ConfigProblems problems)
        {
            if (MaxRetries < 0 || MaxRetries > 1000)
            {
                problems.Add(ConfigText.Problem("retry.max_retries", MaxRetries.ToString(), "0 to 1000"));
            }
            if (InitialDelayMs < 1 || InitialDelayMs > 3600000)
            {
                problems.Add(ConfigText.Problem("retry.initial_delay_ms", InitialDelayMs.ToString(), "1 to 3600000 ms"));
            }
            if (MaxDelayMs < InitialDelayMs || MaxDelayMs > 3600000)
            {
                problems.Add(ConfigText.Problem("retry.max_delay_ms", MaxDelayMs.ToString(), "at least retry.initial_delay_ms (" + InitialDelayMs.ToString() + ") and at most 3600000 ms"));
            }
            if (!(ExponentialBase >= 1.0 && ExponentialBase <= 10.0))
            {
                problems.Add(ConfigText.Problem("retry.exponential_base", ConfigText.Decimal(ExponentialBase), "1 to 10"));
            }
        }
    }
}
