using CsCheck;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

public class RetryPolicyDelayTests
{
    /// <summary>The independent reference: the seed's formula with Math.Pow, truncated to whole milliseconds.</summary>
    private static int Reference(int initialDelayMs, int maxDelayMs, double exponentialBase, int attempt)
    {
        double delay = initialDelayMs * Math.Pow(exponentialBase, attempt);
        return delay >= maxDelayMs ? maxDelayMs : (int)delay;
    }

    [Fact]
    public void Seed_defaults_double_from_100_ms_up_to_the_30_s_cap()
    {
        var policy = TestPolicies.NoJitter();
        int[] expected = [100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000];
        for (int attempt = 0; attempt < expected.Length; attempt++)
        {
            Assert.Equal(expected[attempt], policy.GetDelayMs(attempt));
        }
    }

    [Fact]
    public void Defaults_are_the_seeds()
    {
        var policy = new RetryPolicy(new XorShiftRandom(1));
        Assert.Equal(5, policy.MaxRetries);
        Assert.Equal(100, policy.InitialDelayMs);
        Assert.Equal(30000, policy.MaxDelayMs);
        Assert.Equal(2.0, policy.ExponentialBase);
        Assert.True(policy.Jitter);
        Assert.Equal(ErrorTypeSet.Of(ErrorType.NetworkError, ErrorType.Timeout, ErrorType.ServerError, ErrorType.RateLimited).Mask, policy.RetryableErrors.Mask);
        Assert.True(new RetryPolicy().Jitter);
    }

    [Fact]
    public void Non_integer_base_gives_the_truncated_seed_formula()
    {
        var policy = TestPolicies.NoJitter(initialDelayMs: 1000, maxDelayMs: 100_000, exponentialBase: 1.5);
        int[] expected = [1000, 1500, 2250, 3375, 5062, 7593, 11390];
        for (int attempt = 0; attempt < expected.Length; attempt++)
        {
            Assert.Equal(expected[attempt], policy.GetDelayMs(attempt));
        }
    }

    [Fact]
    public void Delays_match_a_math_pow_reference_for_any_settings()
    {
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 2_000_000], Gen.Double[1.0, 4.0], Gen.Int[0, 200]).Sample((initial, extra, b, attempt) =>
        {
            int max = initial + extra;
            var policy = TestPolicies.NoJitter(initialDelayMs: initial, maxDelayMs: max, exponentialBase: b);
            int expected = Reference(initial, max, b, attempt);
            int actual = policy.GetDelayMs(attempt);
            // Square-and-multiply and Math.Pow may round the last bit differently: at most 1 ms apart.
            Assert.InRange(actual, expected - 1, expected + 1);
            Assert.InRange(actual, 0, max);
        }, iter: 5000);
    }

    [Fact]
    public void Base_two_matches_the_math_pow_reference_exactly()
    {
        Gen.Select(Gen.Int[1, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, 70]).Sample((initial, max, attempt) =>
        {
            max = Math.Max(initial, max);
            Assert.Equal(Reference(initial, max, 2.0, attempt), TestPolicies.NoJitter(initialDelayMs: initial, maxDelayMs: max).GetDelayMs(attempt));
        }, iter: 5000);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1_000_000)]
    [InlineData(int.MaxValue - 1)]
    [InlineData(int.MaxValue)]
    public void Huge_attempt_numbers_give_the_cap_without_overflow(int attempt)
    {
        Assert.Equal(30000, TestPolicies.NoJitter().GetDelayMs(attempt));
        Assert.Equal(int.MaxValue, TestPolicies.NoJitter(initialDelayMs: 1, maxDelayMs: int.MaxValue, exponentialBase: 1e300).GetDelayMs(attempt));
        // A base barely above 1 takes ~31 squarings, not billions of multiplications, and agrees with Math.Pow.
        int slow = TestPolicies.NoJitter(exponentialBase: 1.0000001).GetDelayMs(attempt);
        int expected = Reference(100, 30000, 1.0000001, attempt);
        Assert.InRange(slow, expected - 1, expected + 1);
        var jittered = new RetryPolicy(5, 100, 30000, 2.0, true, ErrorTypeSet.SeedRetryable, new XorShiftRandom(9));
        Assert.InRange(jittered.GetDelayMs(attempt), 15000, 30000);
    }

    [Fact]
    public void Base_one_keeps_the_initial_delay_and_zero_initial_delay_stays_zero()
    {
        Assert.Equal(250, TestPolicies.NoJitter(initialDelayMs: 250, exponentialBase: 1.0).GetDelayMs(int.MaxValue));
        Assert.Equal(0, TestPolicies.NoJitter(initialDelayMs: 0, maxDelayMs: 0).GetDelayMs(12));
        var jittered = new RetryPolicy(5, 0, 10, 2.0, true, ErrorTypeSet.SeedRetryable, new XorShiftRandom(3));
        Assert.Equal(0, jittered.GetDelayMs(0));
    }

    [Fact]
    public void Jittered_delay_lies_between_half_and_all_of_the_backoff_for_every_seed()
    {
        Gen.Select(Gen.ULong, Gen.Int[0, 1000], Gen.Int[1, 5000], Gen.Int[0, 100_000]).Sample((seed, attempt, initial, extra) =>
        {
            int max = initial + extra;
            var jittered = new RetryPolicy(5, initial, max, 2.0, true, ErrorTypeSet.SeedRetryable, new XorShiftRandom(seed));
            int backoff = TestPolicies.NoJitter(initialDelayMs: initial, maxDelayMs: max).GetDelayMs(attempt);
            int delay = jittered.GetDelayMs(attempt);
            Assert.InRange(delay, backoff / 2, backoff);
            Assert.True(delay <= max, $"delay {delay} exceeds maxDelayMs {max}");
        }, iter: 5000);
    }

    [Fact]
    public void Jitter_spreads_over_the_whole_range()
    {
        var policy = new RetryPolicy(new XorShiftRandom(12345));
        int min = int.MaxValue, max = int.MinValue;
        var distinct = new HashSet<int>();
        for (int i = 0; i < 10_000; i++)
        {
            int d = policy.GetDelayMs(3); // backoff 800 -> [400, 800]
            min = Math.Min(min, d);
            max = Math.Max(max, d);
            distinct.Add(d);
        }
        Assert.InRange(min, 400, 410);
        Assert.InRange(max, 790, 800);
        Assert.True(distinct.Count > 300, $"only {distinct.Count} distinct delays");
    }

    [Fact]
    public void Same_seed_gives_the_same_jitter()
    {
        var a = new RetryPolicy(new XorShiftRandom(77));
        var b = new RetryPolicy(new XorShiftRandom(77));
        for (int attempt = 0; attempt < 50; attempt++)
        {
            Assert.Equal(a.GetDelayMs(attempt), b.GetDelayMs(attempt));
        }
    }

    [Fact]
    public void Negative_attempt_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TestPolicies.NoJitter().GetDelayMs(-1));
        Assert.Equal("attempt", e.ParamName);
    }
}
