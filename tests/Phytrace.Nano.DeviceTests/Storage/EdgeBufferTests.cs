using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>The EdgeBuffer on the device's runtime, on a RAM medium and the fault-injecting one.</summary>
    [TestClass]
    public class EdgeBufferTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 27, 12, 0, 0);

        [TestMethod]
        public void EnqueueDequeueAcknowledgeReopen()
        {
            // Five records of one or two slots, each sync point a whole 512-byte sector (four slots).
            var medium = new RamMedium(Checkpoint.SlotsOffset + (32 * 128));
            var buffer = Open(medium);
            for (int n = 0; n < 5; n++)
            {
                Assert.IsTrue(Put(buffer, n, 20 + (n * 40)), "enqueue " + n.ToString());
            }
            var events = new BufferedEvents(8, 2048);
            Assert.AreEqual(5, buffer.Dequeue(events, 8), "dequeued");
            Assert.AreEqual(2, buffer.AcknowledgeThrough(1), "acknowledged");
            buffer.Dispose();
            var reopened = Open(medium);
            Assert.AreEqual(3, reopened.Dequeue(events, 8), "after reopen");
            Assert.AreEqual(2L, events.Sequence(0), "oldest sequence");
            byte[] expected = Payload(4, 180);
            Assert.AreEqual(180, events.PayloadLength(2), "spanning event length");
            BytesAssert.AreEqual(expected, 0, events.Payload, events.PayloadOffset(2), 180, "spanning event bytes");
        }

        [TestMethod]
        public void FullRegionRejects()
        {
            // 16 slots of 128 bytes in 512-byte sectors: the least that holds one event of
            // MaxEventSize (1000 bytes, 11 slots, padded to 12) and one more sector; one record
            // per sync point takes a whole sector, so four fit.
            var buffer = Open(new RamMedium(Checkpoint.SlotsOffset + (16 * 128)));
            for (int n = 0; n < 4; n++)
            {
                Assert.IsTrue(Put(buffer, n, 10), "enqueue " + n.ToString());
            }
            Assert.IsFalse(Put(buffer, 4, 10), "fifth does not fit");
            Assert.IsTrue(buffer.LastEnqueueFailure == EnqueueFailure.Full, "reason is Full");
        }

        [TestMethod]
        public void TooLargeEventThrows()
        {
            var buffer = Open(new RamMedium(Checkpoint.SlotsOffset + (16 * 128)));
            ExceptionAssert.Catch(delegate { Put(buffer, 0, 1001); }, "1001 bytes over MaxEventSize 1000");
            Assert.AreEqual(0L, buffer.Count, "nothing stored");
        }

        [TestMethod]
        public void PowerCutLosesOnlyTheRecordBeingWritten()
        {
            var ram = new RamMedium(Checkpoint.SlotsOffset + (16 * 128));
            var medium = new FaultInjectingMedium(ram);
            var buffer = Open(medium);
            Put(buffer, 0, 50);
            Put(buffer, 1, 50);
            medium.CutPowerAt(medium.WriteCalls, 40);
            Assert.IsFalse(Put(buffer, 2, 50), "write cut");
            var events = new BufferedEvents(8, 2048);
            Assert.AreEqual(2, Open(ram).Dequeue(events, 8), "earlier records survive");
        }

        [TestMethod]
        public void BitFlipIsSkippedAndCounted()
        {
            var ram = new RamMedium(Checkpoint.SlotsOffset + (16 * 128));
            var buffer = Open(ram);
            Put(buffer, 0, 50);
            Put(buffer, 1, 50);
            buffer.Dispose();
            ram.Image[Checkpoint.SlotsOffset + 70] ^= 0x04;
            var reopened = Open(ram);
            var events = new BufferedEvents(8, 2048);
            Assert.AreEqual(1, reopened.Dequeue(events, 8), "only the intact record");
            Assert.AreEqual(1L, events.Sequence(0), "it is the second one");
            Assert.AreEqual(1L, reopened.GetStats().Corrupt, "corrupt slot counted");
        }

        [TestMethod]
        public void MountScansARunOfSlotsPerRead()
        {
            var ram = new RamMedium(Checkpoint.SlotsOffset + (64 * 128));
            var buffer = Open(ram);
            for (int n = 0; n < 7; n++)
            {
                Put(buffer, n, 30); // checkpoint every 4: 3 records past the last one
            }
            var counting = new FaultInjectingMedium(ram); // power cut: the buffer is never disposed
            var reopened = Open(counting);
            Assert.AreEqual(7L, reopened.Count, "every record recovered");
            // The three records past the last checkpoint take a sector (four slots) each: one run
            // of twelve slots (the group buffer), and one more read finds the log's end.
            Assert.AreEqual((long)(Checkpoint.Places + 2), counting.ReadCalls, "checkpoint places plus two runs of slots");
        }

        [TestMethod]
        public void OtherFormatVersionIsRefusedNotReformatted()
        {
            var ram = new RamMedium(Checkpoint.SlotsOffset + (16 * 128));
            LegacyCheckpoint.Write(ram.Image, 2, 0, 0x1234u, 128, 16, 5, 0, 1);
            byte[] before = (byte[])ram.Image.Clone();
            Exception e = ExceptionAssert.Catch(delegate { Open(ram); }, "a format-2 region is refused");
            Assert.IsTrue(e is InvalidOperationException, "InvalidOperationException");
            BytesAssert.AreEqual(before, 0, ram.Image, 0, before.Length, "region left as it was");
        }

        private static EdgeBuffer Open(IStorageMedium medium)
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = 128;
            options.MaxEventSize = 1000;
            options.CheckpointEvery = 4;
            return new EdgeBuffer(medium, options, new ManualWallClock(Now, true));
        }

        private static bool Put(EdgeBuffer buffer, int n, int length)
        {
            var id = new byte[16];
            id[0] = (byte)n;
            id[6] = 0x70;
            return buffer.Enqueue(Payload(n, length), 0, length, id, 0, 1795780800000000L, true);
        }

        private static byte[] Payload(int n, int length)
        {
            var p = new byte[length];
            for (int i = 0; i < length; i++)
            {
                p[i] = (byte)((n * 31) + (i * 7));
            }
            return p;
        }
    }
}
