using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.DeviceTests.Reliability
{
    /// <summary>Back-off delays (double arithmetic on the device), retries and the schedule.</summary>
    [TestClass]
    public class RetryPolicyTests
    {
        [TestMethod]
        public void DelaysDoubleUpToTheCap()
        {
            RetryPolicy policy = NoJitter(5);
            long[] expected = new long[] { 100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000 };
            for (int attempt = 0; attempt < expected.Length; attempt++)
            {
                Assert.AreEqual(expected[attempt], (long)policy.GetDelayMs(attempt), "delay of attempt " + attempt.ToString());
            }
        }

        [TestMethod]
        [DataRow(1000)]
        [DataRow(int.MaxValue)]
        public void HugeAttemptGivesTheCap(int attempt)
        {
            Assert.AreEqual(30000, NoJitter(5).GetDelayMs(attempt), "delay of attempt " + attempt.ToString());
        }

        [TestMethod]
        public void JitterStaysInHalfToFull()
        {
            RetryPolicy policy = new RetryPolicy(new XorShiftRandom(11));
            for (int i = 0; i < 200; i++)
            {
                int d = policy.GetDelayMs(2);
                Assert.IsTrue(d >= 200 && d <= 400, "jittered delay of attempt 2 in [200, 400], got " + d.ToString());
            }
        }

        [TestMethod]
        public void GivesUpAfterMaxRetries()
        {
            int calls = 0;
            int retries = 0;
            RetryOutcome outcome = NoJitter(3).ExecuteWithRetry(
                delegate { calls++; return ErrorType.Timeout; },
                delegate(int attempt, ErrorType error, int delayMs) { Assert.AreEqual(retries, attempt, "onRetry attempt"); retries++; },
                delegate(int ms) { });
            Assert.AreEqual(4, calls, "calls for 3 retries");
            Assert.AreEqual(3, retries, "onRetry calls");
            Assert.AreEqual(4, outcome.Attempts, "outcome attempts");
            Assert.AreEqual("timeout", ErrorTypeNames.Of(outcome.LastError), "last error");
        }

        [TestMethod]
        public void StopsOnNonRetryable()
        {
            int calls = 0;
            RetryOutcome outcome = NoJitter(3).ExecuteWithRetry(delegate { calls++; return ErrorType.AuthFailure; }, null, delegate(int ms) { });
            Assert.AreEqual(1, calls, "calls");
            Assert.IsFalse(outcome.Succeeded, "succeeded");
        }

        [TestMethod]
        public void ScheduleIsDueAfterTheDelay()
        {
            var clock = new ManualTickClock(1000);
            var schedule = new RetrySchedule(NoJitter(5), clock);
            Assert.IsTrue(schedule.RecordFailure(ErrorType.NetworkError), "retry scheduled");
            Assert.AreEqual(1100L, schedule.DueAtMs, "due tick");
            clock.Advance(100);
            Assert.IsTrue(schedule.IsDue, "due after 100 ms");
        }

        private static RetryPolicy NoJitter(int maxRetries)
        {
            return new RetryPolicy(maxRetries, 100, 30000, 2.0, false, ErrorTypeSet.SeedRetryable, null);
        }
    }
}
