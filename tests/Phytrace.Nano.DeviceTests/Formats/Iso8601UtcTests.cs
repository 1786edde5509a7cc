using nanoFramework.TestFramework;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Formats
{
    [TestClass]
    public class Iso8601UtcTests
    {
        [TestMethod]
        [DataRow(1795791845123456L, "2026-11-27T15:04:05.123456Z")] // 1795791845 s and 123456 us after the epoch
        [DataRow(0L, "1970-01-01T00:00:00.000000Z")]
        [DataRow(-1L, "1969-12-31T23:59:59.999999Z")]
        public void FormatsMicroseconds(long micros, string expected)
        {
            Assert.AreEqual(expected, Iso8601Utc.ToString(micros), "text of " + micros.ToString() + " us");
        }
    }
}
