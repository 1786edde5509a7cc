using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Formats
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValue()
        {
            byte[] data = AsciiText.ToBytes("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length), "CRC-32 of \"123456789\"");
        }
    }
}
