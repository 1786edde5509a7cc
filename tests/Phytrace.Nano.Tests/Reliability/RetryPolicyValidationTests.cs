using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

public class RetryPolicyValidationTests
{
    private static readonly IRandomSource Random = new XorShiftRandom(1);

    [Theory]
    [InlineData(-1, 100, 30000, 2.0, "maxRetries")]
    [InlineData(5, -1, 30000, 2.0, "initialDelayMs")]
    [InlineData(5, 100, 99, 2.0, "maxDelayMs")]
    [InlineData(5, 100, 30000, 0.5, "exponentialBase")]
    [InlineData(5, 100, 30000, double.NaN, "exponentialBase")]
    [InlineData(5, 100, 30000, double.PositiveInfinity, "exponentialBase")]
    public void Bad_settings_are_refused_naming_the_parameter(int maxRetries, int initialDelayMs, int maxDelayMs, double exponentialBase, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(maxRetries, initialDelayMs, maxDelayMs, exponentialBase, true, ErrorTypeSet.SeedRetryable, Random));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jitter_without_a_random_source_is_refused()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new RetryPolicy(5, 100, 30000, 2.0, true, ErrorTypeSet.SeedRetryable, null));
        Assert.Equal("random", e.ParamName);
        Assert.Equal(100, new RetryPolicy(5, 100, 30000, 2.0, false, ErrorTypeSet.SeedRetryable, null).GetDelayMs(0));
    }

    [Fact]
    public void Error_type_sets_hold_exactly_what_was_put_in()
    {
        var set = ErrorTypeSet.Of(ErrorType.Timeout, ErrorType.AuthFailure, ErrorType.Timeout);
        Assert.Equal(2, set.Count);
        Assert.True(set.Contains(ErrorType.Timeout));
        Assert.True(set.Contains(ErrorType.AuthFailure));
        Assert.False(set.Contains(ErrorType.NetworkError));
        Assert.False(set.Without(ErrorType.Timeout).Contains(ErrorType.Timeout));
        Assert.False(set.Contains((ErrorType)40));
        Assert.Equal(0, ErrorTypeSet.Empty.Count);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => set.With((ErrorType)32));
        Assert.Equal("errorType", e.ParamName);
    }

    [Fact]
    public void Error_types_have_the_seeds_names()
    {
        Assert.Equal("network_error", ErrorTypeNames.Of(ErrorType.NetworkError));
        Assert.Equal("rate_limited", ErrorTypeNames.Of(ErrorType.RateLimited));
        Assert.Equal("payload_too_large", ErrorTypeNames.Of(ErrorType.PayloadTooLarge));
        Assert.Equal("error_type_99", ErrorTypeNames.Of((ErrorType)99));
        Assert.Equal("half_open", CircuitStateNames.Of(CircuitState.HalfOpen));
    }
}
