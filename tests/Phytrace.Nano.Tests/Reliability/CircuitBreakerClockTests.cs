using CsCheck;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

/// <summary>The tick clock should be monotonic; these show a clock that is not cannot wedge the breaker.</summary>
public class CircuitBreakerClockTests
{
    private static CircuitBreaker TrippedAt(ManualTickClock clock)
    {
        var breaker = new CircuitBreaker(clock);
        for (int i = 0; i < 5; i++)
        {
            breaker.RecordFailure();
        }
        Assert.Equal(CircuitState.Open, breaker.State);
        return breaker;
    }

    [Fact]
    public void A_32_bit_tick_counter_wrapping_while_open_delays_recovery_by_at_most_one_timeout()
    {
        var clock = new ManualTickClock(int.MaxValue - 1000);
        var breaker = TrippedAt(clock);
        clock.Set(int.MinValue + 500); // 1.5 s later on a wrapping 32-bit counter
        Assert.False(breaker.AllowRequest());
        Assert.Equal(60_000, breaker.MsUntilHalfOpen);
        clock.Advance(60_000);
        Assert.True(breaker.AllowRequest());
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public void A_jump_backwards_does_not_stall_the_open_period()
    {
        var clock = new ManualTickClock(10_000_000);
        var breaker = TrippedAt(clock);
        clock.Advance(30_000);
        clock.Set(0);
        Assert.Equal(60_000, breaker.MsUntilHalfOpen);
        clock.Advance(60_000);
        Assert.True(breaker.AllowRequest());
    }

    [Fact]
    public void Extreme_clock_values_do_not_overflow_into_a_stall()
    {
        var clock = new ManualTickClock(long.MaxValue - 10);
        var breaker = TrippedAt(clock);
        clock.Set(long.MinValue);
        Assert.False(breaker.AllowRequest());
        clock.Advance(60_000);
        Assert.True(breaker.AllowRequest());

        var forward = TrippedAt(new ManualTickClock(long.MinValue));
        Assert.False(forward.AllowRequest());
    }

    [Fact]
    public void A_forward_jump_counts_as_time_passed()
    {
        var clock = new ManualTickClock(0);
        var breaker = TrippedAt(clock);
        clock.Set(long.MaxValue);
        Assert.True(breaker.AllowRequest());
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public void Half_open_probe_slots_free_up_after_a_backward_jump()
    {
        var clock = new ManualTickClock(5_000_000);
        var breaker = TrippedAt(clock);
        clock.Advance(60_000);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(breaker.AllowRequest());
        }
        clock.Set(-5_000_000);
        Assert.False(breaker.AllowRequest());
        clock.Advance(60_000);
        Assert.True(breaker.AllowRequest());
    }

    private enum Step { Allow, Success, Failure, Advance, Jump }

    [Fact]
    public void Under_any_history_the_breaker_keeps_its_promises()
    {
        var steps = Gen.Select(Gen.Enum<Step>(), Gen.Long).Array[0, 120];
        Gen.Select(steps, Gen.Int[1, 4], Gen.Int[1, 4]).Sample((history, threshold, probes) =>
        {
            var clock = new ManualTickClock(0);
            var breaker = new CircuitBreaker(threshold, 1.0, probes, clock);
            long allowCalls = 0, allowed = 0, outstanding = 0, outstandingInHalfOpen = 0;
            foreach ((Step step, long value) in history)
            {
                switch (step)
                {
                    case Step.Allow:
                        CircuitState before = breaker.State;
                        allowCalls++;
                        if (breaker.AllowRequest())
                        {
                            allowed++;
                            outstanding++;
                            outstandingInHalfOpen = breaker.State == CircuitState.HalfOpen ? (before == CircuitState.HalfOpen ? outstandingInHalfOpen + 1 : 1) : 0;
                            // Promise: never more probes at once than halfOpenRequests (lost probes aside, which need a full timeout).
                            Assert.True(outstandingInHalfOpen <= probes, $"{outstandingInHalfOpen} probes in flight, limit {probes}");
                        }
                        break;
                    case Step.Success when outstanding > 0:
                        outstanding--;
                        outstandingInHalfOpen = Math.Max(0, outstandingInHalfOpen - 1);
                        breaker.RecordSuccess();
                        break;
                    case Step.Failure when outstanding > 0:
                        outstanding--;
                        outstandingInHalfOpen = 0;
                        breaker.RecordFailure();
                        break;
                    case Step.Advance:
                        clock.Set(unchecked(clock.NowMs + Math.Abs(value % 3000)));
                        outstandingInHalfOpen = 0; // allow the lost-probe release to count as fresh slots
                        break;
                    case Step.Jump:
                        clock.Set(value);
                        outstandingInHalfOpen = 0;
                        break;
                }
            }
            CircuitBreakerStats stats = breaker.Stats;
            Assert.Equal(allowCalls, stats.Allowed + stats.Rejected);
            Assert.Equal(allowed, stats.Allowed);

            // Promise: whatever happened, a steady clock brings a request through within two recovery timeouts.
            bool through = false;
            for (int i = 0; i <= 2 && !through; i++)
            {
                through = breaker.AllowRequest();
                clock.Set(unchecked(clock.NowMs + 1000));
            }
            Assert.True(through, $"wedged in {breaker.State}");
            Assert.InRange(breaker.MsUntilHalfOpen, 0, 1000);
        }, iter: 3000);
    }
}
