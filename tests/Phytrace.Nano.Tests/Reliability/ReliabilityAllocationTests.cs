using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Reliability;

/// <summary>The breaker and the back-off sit on the uplink's hot path: after construction they allocate nothing.</summary>
public class ReliabilityAllocationTests
{
    private const int Cycles = 20_000;

    // Warmed up (JIT, static initialisers), then the least of three runs: tiering can allocate on
    // this thread when it promotes a method under load; an allocation per call shows in every run.
    private static long AllocatedBy(Action work) => Allocations.SteadyState(work, warmupRounds: 1, rounds: 3);

    [Fact]
    public void Breaker_allow_and_record_allocate_nothing_in_any_state()
    {
        var clock = new ManualTickClock();
        var breaker = new CircuitBreaker(3, 1.0, 2, clock);
        int changes = 0;
        breaker.StateChanged += (_, _) => changes++;

        long bytes = AllocatedBy(() =>
        {
            for (int i = 0; i < Cycles; i++)
            {
                // Mix successes and failures so the breaker cycles Closed -> Open -> HalfOpen -> Closed/Open.
                if (breaker.AllowRequest())
                {
                    if (i % 7 < 4)
                    {
                        breaker.RecordFailure();
                    }
                    else
                    {
                        breaker.RecordSuccess();
                    }
                }
                clock.Advance(97);
                _ = breaker.Stats;
                _ = breaker.MsUntilHalfOpen;
                _ = breaker.NextProbeAtMs;
            }
        });

        Assert.Equal(0, bytes);
        Assert.True(breaker.Stats.TimesOpened > 10, "the loop should have tripped the breaker repeatedly");
        Assert.True(breaker.Stats.TimesClosed > 10, "the loop should have recovered the breaker repeatedly");
        Assert.True(changes > 30);
    }

    [Fact]
    public void Get_delay_allocates_nothing_with_or_without_jitter()
    {
        var jittered = new RetryPolicy(new XorShiftRandom(1));
        var plain = TestPolicies.NoJitter();
        long sum = 0;
        long bytes = AllocatedBy(() =>
        {
            for (int i = 0; i < Cycles; i++)
            {
                sum += jittered.GetDelayMs(i % 40) + plain.GetDelayMs(i) + (jittered.ShouldRetry(ErrorType.Timeout, i % 9) ? 1 : 0);
            }
        });
        Assert.Equal(0, bytes);
        Assert.True(sum > 0);
    }

    [Fact]
    public void Retry_schedule_allocates_nothing()
    {
        var clock = new ManualTickClock();
        var schedule = new RetrySchedule(new RetryPolicy(new XorShiftRandom(2)), clock);
        long waited = 0;
        long bytes = AllocatedBy(() =>
        {
            for (int i = 0; i < Cycles; i++)
            {
                if (!schedule.RecordFailure(ErrorType.NetworkError))
                {
                    schedule.Reset();
                }
                waited += schedule.MsUntilDue + schedule.DueAtMs;
                clock.Advance(50);
                if (schedule.IsDue && i % 3 == 0)
                {
                    schedule.RecordSuccess();
                }
            }
        });
        Assert.Equal(0, bytes);
        Assert.NotEqual(0, waited);
    }
}
