using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Platform
{
    [TestClass]
    public class ClockPlausibilityTests
    {
        [TestMethod]
        public void BootClockIsNotPlausible()
        {
            Assert.IsFalse(ClockPlausibility.IsPlausible(new DateTime(1970, 1, 1)), "1970");
            Assert.IsTrue(ClockPlausibility.IsPlausible(new DateTime(2026, 11, 27)), "2026");
        }
    }
}
