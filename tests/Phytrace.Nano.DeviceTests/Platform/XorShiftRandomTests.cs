using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Platform
{
    [TestClass]
    public class XorShiftRandomTests
    {
        [TestMethod]
        public void IsDeterministicPerSeed()
        {
            var a = new XorShiftRandom(42);
            var b = new XorShiftRandom(42);
            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual(a.NextInt(1000), b.NextInt(1000), "draw " + i.ToString());
            }
        }

        [TestMethod]
        public void StaysInRange()
        {
            var random = new XorShiftRandom(7);
            for (int i = 0; i < 1000; i++)
            {
                int v = random.NextInt(3);
                Assert.IsTrue(v >= 0 && v < 3, "NextInt(3) in [0,3), got " + v.ToString());
            }
        }
    }
}
