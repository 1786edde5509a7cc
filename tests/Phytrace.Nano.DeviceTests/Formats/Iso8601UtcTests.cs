using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Formats
{
    /// <summary>
    /// UDM timestamps cover years 0001 to 9999 and are formatted without DateTime; DateTime itself
    /// covers only 1601 to 3000 on the device, and FromUnixMicros says so with the same error on both runtimes.
    /// </summary>
    [TestClass]
    public class Iso8601UtcTests
    {
        [TestMethod]
        [DataRow(1795791845123456L, "2026-11-27T15:04:05.123456Z")] // 1795791845 s and 123456 us after the epoch
        [DataRow(0L, "1970-01-01T00:00:00.000000Z")]
        [DataRow(-1L, "1969-12-31T23:59:59.999999Z")]
        [DataRow(-62135596800000000L, "0001-01-01T00:00:00.000000Z")]  // the first UDM year, beyond the device's DateTime
        [DataRow(253402300799999999L, "9999-12-31T23:59:59.999999Z")]  // the last
        [DataRow(-11644473600000000L, "1601-01-01T00:00:00.000000Z")]
        [DataRow(32535215999999999L, "3000-12-31T23:59:59.999999Z")]
        public void FormatsMicroseconds(long micros, string expected)
        {
            Assert.AreEqual(expected, Iso8601Utc.ToString(micros), "text of " + micros.ToString() + " us");
        }

        [TestMethod]
        [DataRow(-11644473600000000L)] // 1601-01-01T00:00:00Z
        [DataRow(32535215999999999L)]  // 3000-12-31T23:59:59.999999Z
        [DataRow(1795791845123456L)]
        public void FromUnixMicrosRoundTripsInsideTheDateTimeRange(long micros)
        {
            Assert.AreEqual(micros, Iso8601Utc.ToUnixMicros(Iso8601Utc.FromUnixMicros(micros)), "round trip of " + micros.ToString());
        }

        [TestMethod]
        [DataRow(-62135596800000000L)] // 0001-01-01: a UDM timestamp may carry it
        [DataRow(-11644473600000001L)] // one microsecond before 1601
        [DataRow(32535216000000000L)]  // 3001-01-01
        public void FromUnixMicrosRefusesWhatDateTimeCannotHoldNamingTheRange(long micros)
        {
            Exception e = ExceptionAssert.Catch(delegate { Iso8601Utc.FromUnixMicros(micros); }, "FromUnixMicros(" + micros.ToString() + ")");
            Assert.IsInstanceOfType(e, typeof(ArgumentOutOfRangeException), "exception type");
            Assert.Contains("from 1601-01-01 to 3000-12-31", e.Message, "message names the range: " + e.Message);
        }
    }
}
