using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

public class CircuitBreakerTransitionTests
{
    private readonly ManualTickClock clock = new(1_000_000);
    private readonly CircuitBreaker breaker;
    private readonly List<(CircuitState From, CircuitState To)> changes = [];

    public CircuitBreakerTransitionTests()
    {
        breaker = new CircuitBreaker(clock);
        breaker.StateChanged += (from, to) => changes.Add((from, to));
    }

    private void Fail(int times)
    {
        for (int i = 0; i < times; i++)
        {
            Assert.True(breaker.AllowRequest());
            breaker.RecordFailure();
        }
    }

    private void Trip()
    {
        Fail(5);
        Assert.Equal(CircuitState.Open, breaker.State);
        changes.Clear();
    }

    [Fact]
    public void Defaults_are_the_seeds()
    {
        Assert.Equal(5, breaker.FailureThreshold);
        Assert.Equal(60_000, breaker.RecoveryTimeoutMs);
        Assert.Equal(3, breaker.HalfOpenRequests);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Closed_opens_at_the_failure_threshold_and_then_rejects()
    {
        Fail(4);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Empty(changes);

        Fail(1);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal([(CircuitState.Closed, CircuitState.Open)], changes);
        Assert.False(breaker.AllowRequest());
        Assert.Equal(60_000, breaker.MsUntilHalfOpen);
        Assert.Equal(clock.NowMs + 60_000, breaker.NextProbeAtMs);

        CircuitBreakerStats stats = breaker.Stats;
        Assert.Equal(5, stats.Allowed);
        Assert.Equal(1, stats.Rejected);
        Assert.Equal(5, stats.Failures);
        Assert.Equal(1, stats.TimesOpened);
    }

    [Fact]
    public void A_success_in_closed_resets_the_failure_count()
    {
        Fail(4);
        Assert.True(breaker.AllowRequest());
        breaker.RecordSuccess();
        Assert.Equal(0, breaker.Stats.ConsecutiveFailures);
        Fail(4);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Fail(1);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void Open_turns_half_open_once_the_recovery_timeout_has_passed()
    {
        Trip();
        clock.Advance(59_999);
        Assert.False(breaker.AllowRequest());
        Assert.Equal(1, breaker.MsUntilHalfOpen);
        Assert.Equal(CircuitState.Open, breaker.State);

        clock.Advance(1);
        Assert.Equal(0, breaker.MsUntilHalfOpen);
        Assert.True(breaker.AllowRequest());
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.Equal([(CircuitState.Open, CircuitState.HalfOpen)], changes);
        Assert.Equal(0, breaker.MsUntilHalfOpen);
    }

    [Fact]
    public void Half_open_admits_at_most_half_open_requests_probes_and_closes_after_that_many_successes()
    {
        Trip();
        clock.Advance(60_000);
        Assert.True(breaker.AllowRequest());
        Assert.True(breaker.AllowRequest());
        Assert.True(breaker.AllowRequest());
        Assert.False(breaker.AllowRequest());

        breaker.RecordSuccess();
        breaker.RecordSuccess();
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.AllowRequest());
        breaker.RecordSuccess();

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal([(CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Closed)], changes);
        Assert.True(breaker.AllowRequest());
        Assert.Equal(1, breaker.Stats.TimesClosed);
    }

    [Fact]
    public void Probes_one_at_a_time_also_close_it()
    {
        Trip();
        clock.Advance(60_000);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(breaker.AllowRequest());
            breaker.RecordSuccess();
        }
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void A_failure_in_half_open_reopens_and_restarts_the_timeout()
    {
        Trip();
        clock.Advance(60_000);
        Assert.True(breaker.AllowRequest());
        breaker.RecordSuccess();
        Assert.True(breaker.AllowRequest());
        breaker.RecordFailure();

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal([(CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Open)], changes);
        Assert.False(breaker.AllowRequest());
        Assert.Equal(60_000, breaker.MsUntilHalfOpen);
        Assert.Equal(2, breaker.Stats.TimesOpened);

        // The next half-open period starts with fresh probe slots.
        clock.Advance(60_000);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(breaker.AllowRequest());
        }
        Assert.False(breaker.AllowRequest());
    }

    [Fact]
    public void Late_results_while_open_do_not_close_it_and_a_late_failure_restarts_the_timeout()
    {
        Trip();
        breaker.RecordSuccess();
        Assert.Equal(CircuitState.Open, breaker.State);
        clock.Advance(30_000);
        breaker.RecordFailure();
        Assert.Equal(60_000, breaker.MsUntilHalfOpen);
        Assert.Empty(changes);
    }

    [Fact]
    public void Reset_closes_a_tripped_breaker_and_forgets_failures()
    {
        Fail(3);
        breaker.Reset();
        Assert.Empty(changes);
        Fail(4);
        Assert.Equal(CircuitState.Closed, breaker.State);

        Fail(1);
        changes.Clear();
        breaker.Reset();
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal([(CircuitState.Open, CircuitState.Closed)], changes);
        Assert.True(breaker.AllowRequest());
        Assert.Equal(3 + 4 + 1, breaker.Stats.Failures);
    }

    [Fact]
    public void A_probe_whose_outcome_is_never_recorded_frees_its_slot_after_a_recovery_timeout()
    {
        Trip();
        clock.Advance(60_000);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(breaker.AllowRequest());
        }
        clock.Advance(59_999);
        Assert.False(breaker.AllowRequest());
        clock.Advance(1);
        Assert.True(breaker.AllowRequest());
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public void Handler_may_call_the_breaker_and_can_be_removed()
    {
        var seen = new List<CircuitState>();
        void OnChange(CircuitState from, CircuitState to) => seen.Add(breaker.State);
        breaker.StateChanged += OnChange;
        Fail(5);
        Assert.Equal([CircuitState.Open], seen);
        breaker.StateChanged -= OnChange;
        breaker.Reset();
        Assert.Single(seen);
    }

    [Fact]
    public void Custom_settings_are_honoured()
    {
        var quick = new CircuitBreaker(1, 0.25, 1, clock);
        Assert.Equal(250, quick.RecoveryTimeoutMs);
        Assert.True(quick.AllowRequest());
        quick.RecordFailure();
        Assert.Equal(CircuitState.Open, quick.State);
        clock.Advance(250);
        Assert.True(quick.AllowRequest());
        Assert.False(quick.AllowRequest());
        quick.RecordSuccess();
        Assert.Equal(CircuitState.Closed, quick.State);
    }

    [Theory]
    [InlineData(0, 60.0, 3, "failureThreshold")]
    [InlineData(5, -1.0, 3, "recoveryTimeoutSec")]
    [InlineData(5, double.NaN, 3, "recoveryTimeoutSec")]
    [InlineData(5, 3e6, 3, "recoveryTimeoutSec")]
    [InlineData(5, 60.0, 0, "halfOpenRequests")]
    public void Bad_settings_are_refused_naming_the_parameter(int failureThreshold, double recoveryTimeoutSec, int halfOpenRequests, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitBreaker(failureThreshold, recoveryTimeoutSec, halfOpenRequests, clock));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message, StringComparison.Ordinal);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new CircuitBreaker(null!)).ParamName);
    }
}
