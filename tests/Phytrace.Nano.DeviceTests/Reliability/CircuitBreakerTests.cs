using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.DeviceTests.Reliability
{
    /// <summary>Breaker transitions on a manual clock: non-generic delegates, events, catch-and-rethrow, locks.</summary>
    [TestClass]
    public class CircuitBreakerTests
    {
        [TestMethod]
        public void OpensProbesAndCloses()
        {
            var clock = new ManualTickClock(0);
            var breaker = new CircuitBreaker(clock);
            int changes = 0;
            breaker.StateChanged += delegate(CircuitState from, CircuitState to) { changes++; };
            for (int i = 0; i < 5; i++)
            {
                breaker.RecordFailure();
            }
            Assert.AreEqual("open", CircuitStateNames.Of(breaker.State), "state after 5 failures");
            Assert.IsFalse(breaker.AllowRequest(), "allowed while open");
            clock.Advance(60000);
            Assert.IsTrue(breaker.AllowRequest(), "probe 1");
            Assert.IsTrue(breaker.AllowRequest(), "probe 2");
            Assert.IsTrue(breaker.AllowRequest(), "probe 3");
            Assert.IsFalse(breaker.AllowRequest(), "probe 4");
            breaker.RecordSuccess();
            breaker.RecordSuccess();
            breaker.RecordSuccess();
            Assert.AreEqual("closed", CircuitStateNames.Of(breaker.State), "state after 3 probe successes");
            Assert.AreEqual(3, changes, "state changes");
        }

        [TestMethod]
        public void SurvivesAClockWrap()
        {
            var clock = new ManualTickClock(int.MaxValue - 10);
            var breaker = new CircuitBreaker(1, 1.0, 1, clock);
            breaker.RecordFailure();
            clock.Set(int.MinValue);
            Assert.IsFalse(breaker.AllowRequest(), "allowed right after the wrap");
            clock.Advance(1000);
            Assert.IsTrue(breaker.AllowRequest(), "allowed one timeout after the wrap");
        }

        [TestMethod]
        public void ExecuteThrowsWhenOpen()
        {
            var breaker = new CircuitBreaker(1, 10.0, 1, new ManualTickClock(0));
            ExceptionAssert.Catch(delegate { breaker.Execute(delegate { throw new InvalidOperationException("boom"); }); }, "operation exception propagates");
            Exception e = ExceptionAssert.Catch(delegate { breaker.Execute(delegate { return ErrorType.None; }); }, "execute while open");
            Assert.IsTrue(e is CircuitOpenException, "CircuitOpenException, got " + e.GetType().Name);
            Assert.AreEqual(1L, breaker.Stats.Rejected, "rejected count");
        }
    }
}
