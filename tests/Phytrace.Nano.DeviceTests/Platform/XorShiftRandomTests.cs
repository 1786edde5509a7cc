using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
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

        // The sequences the .NET build of the same code draws (ulong shifts and multiplies, read
        // back as int and bytes): the device must draw the very same.
        [TestMethod]
        public void DrawsWhatDotNetDraws()
        {
            var random = new XorShiftRandom(42);
            Assert.AreEqual(0x56CE4AB7719BA3A0UL, random.NextUInt64(), "first 64 bits");
            Assert.AreEqual(0xC841EB53EBBB2DDAUL, random.NextUInt64(), "second 64 bits");
            Assert.AreEqual(0xCA466BE0C9980276UL, random.NextUInt64(), "third 64 bits");
            Assert.AreEqual(0xF1ACC7334A7B70DFUL, random.NextUInt64(), "fourth 64 bits");

            int[] expected = new int[] { 339, 782, 790, 944, 764, 835, 204, 439 };
            random = new XorShiftRandom(42);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], random.NextInt(1000), "NextInt(1000) draw " + i.ToString());
            }

            byte[] bytes = new byte[12];
            new XorShiftRandom(7).NextBytes(bytes, 0, bytes.Length);
            byte[] expectedBytes = new byte[] { 0xAE, 0x2E, 0x8D, 0x72, 0x7F, 0xAF, 0xFB, 0xD1, 0xAE, 0xA6, 0x9D, 0x62 };
            BytesAssert.AreEqual(expectedBytes, 0, bytes, 0, bytes.Length, "NextBytes(12) of seed 7");
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
