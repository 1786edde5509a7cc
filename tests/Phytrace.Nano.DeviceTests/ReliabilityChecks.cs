using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Checks of the retry policy and circuit breaker on the device's runtime: double arithmetic of
    /// the back-off, non-generic delegates, events, catch-and-rethrow and locks.
    /// </summary>
    public static class ReliabilityChecks
    {
        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Reliability");
            r.Run("DelaysDoubleUpToTheCap", delegate
            {
                RetryPolicy policy = NoJitter(5);
                long[] expected = new long[] { 100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000 };
                for (int attempt = 0; attempt < expected.Length; attempt++)
                {
                    Expect.Equal(expected[attempt], policy.GetDelayMs(attempt), "delay of attempt " + attempt.ToString());
                }
            });
            r.Run("HugeAttemptGivesTheCap", delegate
            {
                Expect.Equal(30000, NoJitter(5).GetDelayMs(1000), "delay of attempt 1000");
                Expect.Equal(30000, NoJitter(5).GetDelayMs(int.MaxValue), "delay of attempt int.MaxValue");
            });
            r.Run("JitterStaysInHalfToFull", delegate
            {
                RetryPolicy policy = new RetryPolicy(new XorShiftRandom(11));
                for (int i = 0; i < 200; i++)
                {
                    int d = policy.GetDelayMs(2);
                    Expect.True(d >= 200 && d <= 400, "jittered delay of attempt 2 in [200, 400], got " + d.ToString());
                }
            });
            r.Run("RetryGivesUpAfterMaxRetries", delegate
            {
                int calls = 0;
                int retries = 0;
                RetryOutcome outcome = NoJitter(3).ExecuteWithRetry(
                    delegate { calls++; return ErrorType.Timeout; },
                    delegate(int attempt, ErrorType error, int delayMs) { Expect.Equal(retries, attempt, "onRetry attempt"); retries++; },
                    delegate(int ms) { });
                Expect.Equal(4, calls, "calls for 3 retries");
                Expect.Equal(3, retries, "onRetry calls");
                Expect.Equal(4, outcome.Attempts, "outcome attempts");
                Expect.Equal("timeout", ErrorTypeNames.Of(outcome.LastError), "last error");
            });
            r.Run("RetryStopsOnNonRetryable", delegate
            {
                int calls = 0;
                RetryOutcome outcome = NoJitter(3).ExecuteWithRetry(delegate { calls++; return ErrorType.AuthFailure; }, null, delegate(int ms) { });
                Expect.Equal(1, calls, "calls");
                Expect.False(outcome.Succeeded, "succeeded");
            });
            r.Run("ScheduleIsDueAfterTheDelay", delegate
            {
                var clock = new ManualTickClock(1000);
                var schedule = new RetrySchedule(NoJitter(5), clock);
                Expect.True(schedule.RecordFailure(ErrorType.NetworkError), "retry scheduled");
                Expect.Equal(1100, schedule.DueAtMs, "due tick");
                clock.Advance(100);
                Expect.True(schedule.IsDue, "due after 100 ms");
            });
            r.Run("BreakerOpensProbesAndCloses", delegate
            {
                var clock = new ManualTickClock(0);
                var breaker = new CircuitBreaker(clock);
                int changes = 0;
                breaker.StateChanged += delegate(CircuitState from, CircuitState to) { changes++; };
                for (int i = 0; i < 5; i++)
                {
                    breaker.RecordFailure();
                }
                Expect.Equal("open", CircuitStateNames.Of(breaker.State), "state after 5 failures");
                Expect.False(breaker.AllowRequest(), "allowed while open");
                clock.Advance(60000);
                Expect.True(breaker.AllowRequest(), "probe 1");
                Expect.True(breaker.AllowRequest(), "probe 2");
                Expect.True(breaker.AllowRequest(), "probe 3");
                Expect.False(breaker.AllowRequest(), "probe 4");
                breaker.RecordSuccess();
                breaker.RecordSuccess();
                breaker.RecordSuccess();
                Expect.Equal("closed", CircuitStateNames.Of(breaker.State), "state after 3 probe successes");
                Expect.Equal(3, changes, "state changes");
            });
            r.Run("BreakerSurvivesAClockWrap", delegate
            {
                var clock = new ManualTickClock(int.MaxValue - 10);
                var breaker = new CircuitBreaker(1, 1.0, 1, clock);
                breaker.RecordFailure();
                clock.Set(int.MinValue);
                Expect.False(breaker.AllowRequest(), "allowed right after the wrap");
                clock.Advance(1000);
                Expect.True(breaker.AllowRequest(), "allowed one timeout after the wrap");
            });
            r.Run("ExecuteThrowsWhenOpen", delegate
            {
                var breaker = new CircuitBreaker(1, 10.0, 1, new ManualTickClock(0));
                Expect.Throws(delegate { breaker.Execute(delegate { throw new System.InvalidOperationException("boom"); }); }, "operation exception propagates");
                System.Exception e = Expect.Throws(delegate { breaker.Execute(delegate { return ErrorType.None; }); }, "execute while open");
                Expect.True(e is CircuitOpenException, "CircuitOpenException, got " + e.GetType().Name);
                Expect.Equal(1, breaker.Stats.Rejected, "rejected count");
            });
        }

        private static RetryPolicy NoJitter(int maxRetries)
        {
            return new RetryPolicy(maxRetries, 100, 30000, 2.0, false, ErrorTypeSet.SeedRetryable, null);
        }
    }
}
