using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Events
{
    [TestClass]
    public class UdmEventScannerTests
    {
        [TestMethod]
        public void ReadsIdAndTime()
        {
            byte[] json = AsciiText.ToBytes("{\"udm_version\":\"0.0.3\",\"nested\":{\"event_id\":1},\"event_id\":\"01940000-0000-7000-8000-000000000202\",\"captured_at\":\"2026-06-07T19:00:00Z\"}");
            var s = new UdmEventScanner();
            s.Scan(json, 0, json.Length);
            Assert.AreEqual("01940000-0000-7000-8000-000000000202", UuidText.ToString(s.EventId, 0), "event_id");
            Assert.AreEqual(1780858800000000L, s.CapturedAtMicros, "captured_at");
        }
    }
}
