using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

public class CircuitBreakerExecuteTests
{
    private readonly ManualTickClock clock = new();

    [Fact]
    public void Execute_records_success_and_returned_errors()
    {
        var breaker = new CircuitBreaker(2, 10, 1, clock);
        Assert.Equal(ErrorType.None, breaker.Execute(() => ErrorType.None));
        Assert.Equal(ErrorType.Timeout, breaker.Execute(() => ErrorType.Timeout));
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(ErrorType.AuthFailure, breaker.Execute(() => ErrorType.AuthFailure));
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(1, breaker.Stats.Successes);
        Assert.Equal(2, breaker.Stats.Failures);
    }

    [Fact]
    public void Execute_throws_circuit_open_without_calling_the_operation()
    {
        var breaker = new CircuitBreaker(1, 10, 1, clock);
        breaker.Execute(() => ErrorType.ServerError);
        clock.Advance(4000);
        int calls = 0;
        var e = Assert.Throws<CircuitOpenException>(() => breaker.Execute(() => { calls++; return ErrorType.None; }));
        Assert.Equal(0, calls);
        Assert.Equal(6000, e.MsUntilHalfOpen);
        Assert.Contains("6000 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_from_the_operation_counts_as_failure_and_propagates()
    {
        var breaker = new CircuitBreaker(1, 10, 1, clock);
        Assert.Throws<InvalidOperationException>(() => breaker.Execute(() => throw new InvalidOperationException("boom")));
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(1, breaker.Stats.Failures);
    }

    [Fact]
    public void Execute_composes_with_the_retry_policy()
    {
        var breaker = new CircuitBreaker(3, 60, 1, clock);
        var policy = TestPolicies.NoJitter(maxRetries: 10, maxDelayMs: 1000);
        int sent = 0;
        Assert.Throws<CircuitOpenException>(() =>
            policy.ExecuteWithRetry(() => breaker.Execute(() => { sent++; return ErrorType.NetworkError; }), null, ms => clock.Advance(ms)));
        Assert.Equal(3, sent);
        Assert.Equal(CircuitState.Open, breaker.State);
    }
}
