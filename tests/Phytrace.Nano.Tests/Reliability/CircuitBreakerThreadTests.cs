using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

public class CircuitBreakerThreadTests
{
    [Fact]
    public void Two_threads_hammering_the_breaker_keep_its_counts_consistent()
    {
        var clock = new ManualTickClock();
        var breaker = new CircuitBreaker(4, 0.05, 2, clock);
        long transitions = 0;
        breaker.StateChanged += (_, _) => Interlocked.Increment(ref transitions);
        const int PerThread = 100_000;
        long[] allowedBy = new long[2];
        long[] recordedBy = new long[2];
        Exception? error = null;

        void Work(int id)
        {
            try
            {
                var random = new XorShiftRandom((ulong)id + 1);
                for (int i = 0; i < PerThread; i++)
                {
                    if (breaker.AllowRequest())
                    {
                        allowedBy[id]++;
                        if (random.NextInt(3) == 0)
                        {
                            breaker.RecordFailure();
                        }
                        else
                        {
                            breaker.RecordSuccess();
                        }
                        recordedBy[id]++;
                    }
                    if (id == 0 && i % 10 == 0)
                    {
                        clock.Advance(7);
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = e;
            }
        }

        var threads = new[] { new Thread(() => Work(0)), new Thread(() => Work(1)) };
        foreach (Thread t in threads)
        {
            t.Start();
        }
        foreach (Thread t in threads)
        {
            t.Join();
        }

        Assert.Null(error);
        CircuitBreakerStats stats = breaker.Stats;
        Assert.Equal(2L * PerThread, stats.Allowed + stats.Rejected);
        Assert.Equal(allowedBy[0] + allowedBy[1], stats.Allowed);
        Assert.Equal(recordedBy[0] + recordedBy[1], stats.Successes + stats.Failures);
        Assert.True(stats.TimesOpened > 0 && stats.Rejected > 0, "the run should have tripped the breaker");
        // Every transition is into Open, into Closed, or Open -> HalfOpen; opens and closes alternate around half-opens.
        Assert.InRange(transitions, stats.TimesOpened + stats.TimesClosed, (2 * stats.TimesOpened) + stats.TimesClosed);
    }
}
