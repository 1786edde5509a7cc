using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Events
{
    [TestClass]
    public class Uuid7GeneratorTests
    {
        [TestMethod]
        public void LayoutAndOrderOnFrozenClock()
        {
            var g = new Uuid7Generator(new ManualWallClock(new DateTime(1970, 1, 1, 0, 0, 5), false), new ManualTickClock(), new XorShiftRandom(9));
            var a = new byte[16];
            var b = new byte[16];
            g.Next(a, 0);
            for (int i = 0; i < 5000; i++)
            {
                g.Next(b, 0);
                Assert.IsTrue(Compare(a, b) < 0, "id " + i.ToString() + " sorts after the previous one");
                Array.Copy(b, a, 16);
            }
            Assert.AreEqual(0x70, b[6] & 0xF0, "version 7");
            Assert.AreEqual(0x80, b[8] & 0xC0, "variant 10");
            Assert.IsTrue(Uuid7Generator.TimestampMs(b, 0) >= 5000, "timestamp at or after the wall clock");
        }

        private static int Compare(byte[] a, byte[] b)
        {
            for (int i = 0; i < 16; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] < b[i] ? -1 : 1;
                }
            }
            return 0;
        }
    }
}
