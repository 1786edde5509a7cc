using CsCheck;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

public class RetryScheduleTests
{
    [Fact]
    public void A_fresh_schedule_is_due_now()
    {
        var clock = new ManualTickClock(5000);
        var schedule = new RetrySchedule(TestPolicies.NoJitter(), clock);
        Assert.True(schedule.IsDue);
        Assert.Equal(0, schedule.MsUntilDue);
        Assert.Equal(5000, schedule.DueAtMs);
        Assert.Equal(0, schedule.FailedAttempts);
    }

    [Fact]
    public void A_failure_makes_the_next_attempt_due_after_the_policys_delay()
    {
        var clock = new ManualTickClock(1000);
        var schedule = new RetrySchedule(TestPolicies.NoJitter(), clock);

        Assert.True(schedule.RecordFailure(ErrorType.Timeout));
        Assert.False(schedule.IsDue);
        Assert.Equal(100, schedule.MsUntilDue);
        Assert.Equal(1100, schedule.DueAtMs);
        clock.Advance(99);
        Assert.False(schedule.IsDue);
        Assert.Equal(1, schedule.MsUntilDue);
        clock.Advance(1);
        Assert.True(schedule.IsDue);
        Assert.Equal(ErrorType.Timeout, schedule.LastError);
    }

    [Fact]
    public void Successive_failures_back_off_then_give_up_after_max_retries()
    {
        var clock = new ManualTickClock();
        var schedule = new RetrySchedule(TestPolicies.NoJitter(), clock);
        int[] expected = [100, 200, 400, 800, 1600];
        foreach (int delay in expected)
        {
            Assert.True(schedule.RecordFailure(ErrorType.NetworkError));
            Assert.Equal(clock.NowMs + delay, schedule.DueAtMs);
            clock.Advance(delay);
            Assert.True(schedule.IsDue);
        }

        Assert.False(schedule.RecordFailure(ErrorType.NetworkError));
        Assert.True(schedule.HasGivenUp);
        Assert.False(schedule.IsDue);
        Assert.Equal(Timeout.Infinite, schedule.MsUntilDue);
        Assert.Equal(long.MaxValue, schedule.DueAtMs);
        Assert.Equal(6, schedule.FailedAttempts);
        Assert.False(schedule.RecordFailure(ErrorType.NetworkError));
    }

    [Fact]
    public void Non_retryable_failure_gives_up_at_once_and_success_starts_over()
    {
        var clock = new ManualTickClock();
        var schedule = new RetrySchedule(TestPolicies.NoJitter(), clock);
        Assert.False(schedule.RecordFailure(ErrorType.AuthFailure));
        Assert.True(schedule.HasGivenUp);

        schedule.RecordSuccess();
        Assert.True(schedule.IsDue);
        Assert.False(schedule.HasGivenUp);
        Assert.Equal(ErrorType.None, schedule.LastError);
        Assert.True(schedule.RecordFailure(ErrorType.Timeout));
        Assert.Equal(100, schedule.MsUntilDue);

        schedule.Reset();
        Assert.True(schedule.IsDue);
        Assert.Equal(0, schedule.FailedAttempts);
    }

    [Fact]
    public void A_clock_going_backwards_restarts_the_wait_instead_of_stalling_it()
    {
        var clock = new ManualTickClock(10_000);
        var schedule = new RetrySchedule(TestPolicies.NoJitter(), clock);
        Assert.True(schedule.RecordFailure(ErrorType.Timeout));
        clock.Set(-1_000_000_000);
        Assert.Equal(100, schedule.MsUntilDue);
        clock.Advance(100);
        Assert.True(schedule.IsDue);
    }

    [Fact]
    public void A_forward_jump_makes_the_retry_due()
    {
        var clock = new ManualTickClock(10_000);
        var schedule = new RetrySchedule(TestPolicies.NoJitter(), clock);
        Assert.True(schedule.RecordFailure(ErrorType.Timeout));
        clock.Set(long.MaxValue);
        Assert.True(schedule.IsDue);
    }

    [Fact]
    public void Wait_never_exceeds_the_policy_delay_whatever_the_clock_does()
    {
        Gen.Select(Gen.ULong, Gen.Long.Array[1, 20], Gen.Int[1, 5]).Sample((seed, clockValues, failures) =>
        {
            var clock = new ManualTickClock(clockValues[0]);
            var policy = new RetryPolicy(10, 100, 30000, 2.0, true, ErrorTypeSet.SeedRetryable, new XorShiftRandom(seed));
            var schedule = new RetrySchedule(policy, clock);
            for (int i = 0; i < failures; i++)
            {
                Assert.True(schedule.RecordFailure(ErrorType.ServerError));
            }
            int firstWait = schedule.MsUntilDue;
            Assert.InRange(firstWait, 0, 100 << (failures - 1));
            foreach (long value in clockValues)
            {
                clock.Set(value);
                Assert.InRange(schedule.MsUntilDue, 0, firstWait);
            }
            clock.Set(clockValues[^1] + firstWait);
            Assert.True(schedule.IsDue || clockValues[^1] > long.MaxValue - firstWait);
        }, iter: 2000);
    }
}
