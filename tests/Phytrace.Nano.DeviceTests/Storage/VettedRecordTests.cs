using nanoFramework.TestFramework;
using Phytrace.Nano.Batching;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// Records enqueued through EnqueueVetted come back marked, and only the run of them since the
    /// last plain Enqueue in this mount; the uplink's check scans every record but those.
    /// </summary>
    [TestClass]
    public class VettedRecordTests
    {
        private static void Put(EdgeBuffer buffer, long n, int length, bool vetted)
        {
            var id = new byte[16];
            StorageRig.Id(n, id, 0);
            byte[] payload = StorageRig.Payload(n, length);
            bool ok = vetted
                ? buffer.EnqueueVetted(payload, 0, length, id, 0, StorageRig.CapturedAt(n), true)
                : buffer.Enqueue(payload, 0, length, id, 0, StorageRig.CapturedAt(n), true);
            Assert.IsTrue(ok, "event " + n.ToString());
        }

        private static string Marks(EdgeBuffer buffer)
        {
            var events = new BufferedEvents(16, 16 * buffer.MaxEventSize);
            int n = buffer.Dequeue(events, 16);
            string marks = string.Empty;
            for (int i = 0; i < n; i++)
            {
                marks += events.IsVetted(i) ? "V" : "-";
            }
            return marks;
        }

        [TestMethod]
        public void OnlyTheRunOfVettedRecordsInThisMountIsMarked()
        {
            EdgeBufferOptions options = StorageRig.Options(128, 300, 4, 8, OverflowPolicy.Reject);
            var medium = new RamMedium(StorageRig.RegionLength(128, 128));
            var buffer = new EdgeBuffer(medium, options, StorageRig.SyncedClock());
            Put(buffer, 0, 100, true);
            Put(buffer, 1, 250, true);
            Put(buffer, 2, 80, false);
            Put(buffer, 3, 60, true);
            Put(buffer, 4, 240, true);
            Assert.AreEqual("---VV", Marks(buffer));
            buffer.Dispose();
            var remounted = new EdgeBuffer(medium, options, StorageRig.SyncedClock());
            Put(remounted, 5, 120, true);
            Assert.AreEqual("-----V", Marks(remounted));
            remounted.Dispose();
        }

        [TestMethod]
        public void TheSendTimeCheckScansAllButVettedRecordsAndChecksTheShapeOfAll()
        {
            var check = new SendableCheck(new BatchBuilder(new BatchConfig(10, 1000, BatchCompression.None, 0), new XorShiftRandom(1)));
            var buffer = new EdgeBuffer(new RamMedium(StorageRig.RegionLength(256, 64)), StorageRig.Options(256, 600, 1, 8, OverflowPolicy.Reject), StorageRig.SyncedClock());
            byte[] unscannable = AsciiText.ToBytes("{\"x\":tru}");
            byte[] unshaped = AsciiText.ToBytes("{\"x\":true}\n");
            var id = new byte[16];
            var events = new BufferedEvents(4, 4000);
            string reason;

            Assert.IsTrue(buffer.Enqueue(unscannable, 0, unscannable.Length, id, 0, StorageRig.CapturedAt(0), true));
            buffer.Dequeue(events, 4);
            Assert.AreEqual(0, check.FirstUnsendable(events, out reason), "a plain record is scanned");
            buffer.AcknowledgeThrough(events.Sequence(0));

            Assert.IsTrue(buffer.EnqueueVetted(unscannable, 0, unscannable.Length, id, 0, StorageRig.CapturedAt(1), true));
            buffer.Dequeue(events, 4);
            Assert.AreEqual(-1, check.FirstUnsendable(events, out reason), "a vetted record is not scanned again");
            buffer.AcknowledgeThrough(events.Sequence(0));

            Assert.IsTrue(buffer.EnqueueVetted(unshaped, 0, unshaped.Length, id, 0, StorageRig.CapturedAt(2), true));
            buffer.Dequeue(events, 4);
            Assert.AreEqual(0, check.FirstUnsendable(events, out reason), "the shape of a vetted record is checked");
            buffer.Dispose();
        }
    }
}
