using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
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

        [TestMethod]
        public void MakesTheIdDotNetMakesFromTheSameClockAndSeed()
        {
            // Printed by the .NET build of the same code: 48-bit millisecond timestamp, version,
            // 12-bit counter seeded at random, variant, random tail.
            var g = new Uuid7Generator(new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0), true), new ManualTickClock(), new XorShiftRandom(9));
            var id = new byte[16];
            g.Next(id, 0);
            byte[] expected = new byte[] { 0x01, 0xA2, 0x1C, 0xE0, 0x6E, 0x00, 0x76, 0x8C, 0xBF, 0x48, 0x1E, 0x0F, 0x9E, 0x11, 0x9B, 0x0F };
            BytesAssert.AreEqual(expected, 0, id, 0, 16, "UUIDv7 bytes");
            Assert.AreEqual(1795780800000L, Uuid7Generator.TimestampMs(id, 0), "timestamp");
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
