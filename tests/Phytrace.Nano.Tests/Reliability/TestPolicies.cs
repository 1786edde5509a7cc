using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

/// <summary>Policies the reliability tests share.</summary>
internal static class TestPolicies
{
    /// <summary>The seed's settings (unless given) without jitter, so delays are exact.</summary>
    public static RetryPolicy NoJitter(int maxRetries = 5, int initialDelayMs = 100, int maxDelayMs = 30000, double exponentialBase = 2.0) =>
        new(maxRetries, initialDelayMs, maxDelayMs, exponentialBase, jitter: false, ErrorTypeSet.SeedRetryable, random: null);
}
