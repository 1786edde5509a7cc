using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Platform
{
    [TestClass]
    public class ManualTickClockTests
    {
        [TestMethod]
        public void Advances()
        {
            var clock = new ManualTickClock(5);
            clock.Advance(10);
            Assert.AreEqual(15L, clock.NowMs, "NowMs after Advance(10) from 5");
        }

        [TestMethod]
        public void RejectsGoingBack()
        {
            var clock = new ManualTickClock(0);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { clock.Advance(-1); }, "Advance(-1)");
            Assert.AreEqual(0L, clock.NowMs, "clock unchanged after a refused Advance");
        }
    }
}
