using nanoFramework.TestFramework;
using Phytrace.Nano.Batching;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Batching
{
    /// <summary>Batch closing and the batch envelope on the device's runtime.</summary>
    [TestClass]
    public class BatchProcessorTests
    {
        private static readonly byte[] Event = AsciiText.ToBytes("{\"udm_version\":\"0.0.3\"}");

        [TestMethod]
        public void ClosesOnCount()
        {
            var p = new BatchProcessor(new BatchConfig(3, 1000, BatchCompression.Gzip, 6, 1024), new ManualTickClock(0), new XorShiftRandom(1), null);
            p.Start();
            Assert.IsNull(p.Add(Event, 0, Event.Length, 0), "first event leaves the batch open");
            Assert.IsNull(p.Add(Event, 0, Event.Length, 1), "second event leaves the batch open");
            Batch b = p.Add(Event, 0, Event.Length, 2);
            Assert.IsNotNull(b, "third event closes the batch");
            Assert.AreEqual(3, b.EventCount, "events in batch");
            Assert.AreEqual(0x1F, (int)b.Payload[b.PayloadOffset], "gzip payload");
        }

        [TestMethod]
        public void ClosesOnAge()
        {
            var clock = new ManualTickClock(0);
            var p = new BatchProcessor(new BatchConfig(100, 500, BatchCompression.None, 6, 1024), clock, new XorShiftRandom(1), null);
            p.Start();
            p.Add(Event, 0, Event.Length, 0);
            clock.Advance(499);
            Assert.IsNull(p.Poll(), "open at 499 ms");
            clock.Advance(1);
            Batch b = p.Poll();
            Assert.IsNotNull(b, "closed at 500 ms");
            Assert.AreEqual(1, b.EventCount, "events in batch");
        }

        [TestMethod]
        public void EnvelopeText()
        {
            var p = new BatchProcessor(new BatchConfig(2, 1000, BatchCompression.None, 6, 1024), new ManualTickClock(0), new XorShiftRandom(1), null);
            p.Start();
            p.Add(Event, 0, Event.Length, 0);
            Batch b = p.Add(Event, 0, Event.Length, 1000000);
            string text = AsciiText.FromBytes(b.Payload, b.PayloadOffset, b.PayloadLength);
            string head = "{\"batch\":{\"batch_id\":\"";
            Assert.AreEqual(head, text.Substring(0, head.Length), "envelope start");
            string tail = "\",\"batch_size\":2,\"first_event_at\":\"1970-01-01T00:00:00.000000Z\",\"last_event_at\":\"1970-01-01T00:00:01.000000Z\",\"compression\":\"none\",\"events\":[{\"udm_version\":\"0.0.3\"},{\"udm_version\":\"0.0.3\"}]}}";
            Assert.AreEqual(tail, text.Substring(head.Length + 36), "envelope after the batch id");
            Assert.AreEqual("4", text.Substring(head.Length + 14, 1), "UUID version 4");
        }
    }
}
