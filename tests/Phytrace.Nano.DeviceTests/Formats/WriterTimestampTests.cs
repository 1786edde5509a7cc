using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Formats
{
    /// <summary>
    /// JsonWriter keeps the text of the last minute it wrote a timestamp in and writes only the
    /// seconds and microseconds after it: one writer, timestamps that stay in a minute, cross
    /// minutes, days and years, go back in time, before 1970 and at the ends of the UDM range,
    /// each held to Iso8601Utc's own text; out of range is still refused.
    /// </summary>
    [TestClass]
    public class WriterTimestampTests
    {
        private static readonly long[] Steps = { 1, 999999, 1000000, 59000000, 60000000, 100000, 86400000000L, -1, -60000000, -1795791845123456L, 31622400000000L };

        [TestMethod]
        public void OneWriterWritesEveryTimestampAsIso8601UtcDoes()
        {
            var buffer = new byte[64];
            var w = new JsonWriter();
            var name = new JsonName("t");
            long micros = 1795791845123456L;
            int checkedCount = 0;
            for (int i = 0; i < 300; i++)
            {
                micros += Steps[i % Steps.Length];
                Check(w, name, buffer, micros);
                checkedCount++;
            }
            long[] edges = { -62135596800000000L, 253402300799999999L, 0, -1, 59999999, 60000000, -60000000, -60000001, 253402300740000000L };
            for (int i = 0; i < edges.Length; i++)
            {
                Check(w, name, buffer, edges[i]);
                checkedCount++;
            }
            Assert.AreEqual(300 + edges.Length, checkedCount, "timestamps checked");
        }

        [TestMethod]
        public void YearsOutsideUdmAreRefusedAfterACachedMinute()
        {
            var buffer = new byte[64];
            var w = new JsonWriter();
            var name = new JsonName("t");
            Check(w, name, buffer, 253402300799999999L);
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStartObject();
            Exception e = ExceptionAssert.Catch(delegate { w.WriteTimestamp(name, 253402300800000000L); }, "year 10000");
            Assert.IsTrue(e is ArgumentOutOfRangeException, "year 10000 refused as out of range, got " + e.GetType().FullName);
        }

        private static void Check(JsonWriter w, JsonName name, byte[] buffer, long micros)
        {
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStartObject();
            w.WriteTimestamp(name, micros);
            w.WriteEndObject();
            Assert.AreEqual("{\"t\":\"" + Iso8601Utc.ToString(micros) + "\"}", AsciiText.FromBytes(buffer, 0, w.Length), "timestamp of " + micros.ToString() + " us");
        }
    }
}
