using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.DeviceTests.Storage;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Transport;

namespace Phytrace.Nano.DeviceTests.Transport
{
    /// <summary>
    /// EdgeBuffer.Flush through an IEventTransport, and the BatchSendResult it returns, on the
    /// device's runtime. The expected counts follow from the documented contract alone: batches of
    /// up to batchSize, oldest first; each acknowledged batch consumed durably (a remount does not
    /// bring it back); the first refusal or lost connection stops the flush, leaves every event
    /// from there in the buffer and is reported with its error type (Unknown if the transport gave
    /// none, NetworkError for no connection).
    /// </summary>
    [TestClass]
    public class EdgeBufferFlushTests
    {
        private const int RecordSize = 128;

        /// <summary>Event n's payload length: one to three slots.</summary>
        public static int LengthOf(long n)
        {
            return 30 + (int)((n * 97) % 300);
        }

        [TestMethod]
        [DataRow(0, 5, 0, -1, 0)]    // empty buffer: nothing to do
        [DataRow(1, 5, 0, -1, 0)]
        [DataRow(10, 1, 0, -1, 0)]   // one event a batch
        [DataRow(10, 3, 0, -1, 0)]   // a short last batch
        [DataRow(10, 5, 0, -1, 0)]   // whole batches
        [DataRow(10, 100, 0, -1, 0)] // one batch
        [DataRow(10, 3, 1, -1, 2)]   // first send times out
        [DataRow(10, 3, 2, -1, 1)]   // second refused: network error
        [DataRow(10, 3, 4, -1, 5)]   // the short last batch refused: auth failure
        [DataRow(10, 4, 2, -1, 0)]   // refused without a reason: Unknown
        [DataRow(10, 3, 0, 0, 0)]    // never connected
        [DataRow(10, 3, 0, 2, 0)]    // connection lost after two batches
        [DataRow(9, 3, 0, 3, 0)]     // connection lost just when everything was sent
        public void FlushSendsInOrderAndKeepsWhatWasNotAcknowledged(int events, int batchSize, int failAtSend, int connectedSends, int failWith)
        {
            var medium = new RamMedium(StorageRig.RegionLength(RecordSize, 160));
            EdgeBuffer buffer = Open(medium);
            for (int n = 0; n < events; n++)
            {
                Assert.IsTrue(StorageRig.Put(buffer, n, LengthOf(n)), "enqueue " + n.ToString());
            }
            var transport = new ScriptedTransport();
            transport.FailAtSend = failAtSend;
            transport.FailWith = (ErrorType)failWith;
            transport.ConnectedSends = connectedSends;

            BatchSendResult result = buffer.Flush(transport, batchSize);

            // The model: whole batches until the failing send or the lost connection.
            int batchesThrough = (events + batchSize - 1) / batchSize;
            if (failAtSend > 0 && failAtSend - 1 < batchesThrough)
            {
                batchesThrough = failAtSend - 1;
            }
            if (connectedSends >= 0 && connectedSends < batchesThrough)
            {
                batchesThrough = connectedSends;
            }
            int sent = Smaller(batchesThrough * batchSize, events);
            int left = events - sent;
            string what = events.ToString() + " events in batches of " + batchSize.ToString();
            Assert.AreEqual(sent, result.Sent, what + ": Sent");
            Assert.AreEqual(batchesThrough, result.Batches, what + ": Batches");
            Assert.AreEqual(left, result.Failed, what + ": Failed");
            Assert.AreEqual(left == 0, result.Success, what + ": Success");
            Assert.IsTrue(transport.LargestBatch <= batchSize, what + ": no batch over batchSize (" + transport.LargestBatch.ToString() + ")");
            ErrorType expectedError = ErrorType.None;
            if (left > 0)
            {
                bool refused = failAtSend > 0 && failAtSend - 1 == batchesThrough && (connectedSends < 0 || connectedSends > batchesThrough);
                expectedError = refused ? (failWith == 0 ? ErrorType.Unknown : (ErrorType)failWith) : ErrorType.NetworkError;
                Assert.IsNotNull(result.ErrorMessage, what + ": a failure says why");
            }
            Assert.AreEqual((int)expectedError, (int)result.Error, what + ": Error");
            Assert.AreEqual((long)left, buffer.Count, what + ": Count after the flush");

            // What was acknowledged stays consumed across a remount; the rest comes back in order.
            buffer.Dispose();
            EdgeBuffer remounted = Open(medium);
            Assert.AreEqual((long)left, remounted.Count, what + ": Count after a remount");
            BufferedEvents rest = StorageRig.RoomForAll(remounted);
            Assert.AreEqual(left, remounted.Dequeue(rest, rest.Capacity), what + ": events left after a remount");
            for (int i = 0; i < left; i++)
            {
                StorageRig.AssertIsEvent(rest, i, sent + i, LengthOf(sent + i), what + ": left event " + i.ToString());
            }
            remounted.Dispose();
        }

        [TestMethod]
        public void ARefusedBatchIsSentAgainByTheNextFlush()
        {
            var medium = new RamMedium(StorageRig.RegionLength(RecordSize, 160));
            EdgeBuffer buffer = Open(medium);
            for (int n = 0; n < 7; n++)
            {
                Assert.IsTrue(StorageRig.Put(buffer, n, LengthOf(n)), "enqueue " + n.ToString());
            }
            var transport = new ScriptedTransport();
            transport.FailAtSend = 2;
            transport.FailWith = ErrorType.Timeout;
            Assert.AreEqual(3, buffer.Flush(transport, 3).Sent, "first flush: one batch through");
            BatchSendResult second = buffer.Flush(transport, 3);
            Assert.AreEqual(4, second.Sent, "second flush: the refused batch and the rest");
            Assert.IsTrue(second.Success, "second flush succeeds");
            Assert.AreEqual(7L, transport.NextExpected, "every event handed over once acknowledged, in order");
            Assert.AreEqual(0L, buffer.Count, "empty");
        }

        [TestMethod]
        public void BadArgumentsNameWhatIsWrong()
        {
            EdgeBuffer buffer = Open(new RamMedium(StorageRig.RegionLength(RecordSize, 64)));
            Assert.IsTrue(StorageRig.Put(buffer, 0, 40), "enqueue");
            Exception none = ExceptionAssert.Catch(delegate { buffer.Flush(null, 3); }, "no transport");
            Assert.IsTrue(none is ArgumentNullException, "null transport: " + none.GetType().Name);
            Exception zero = ExceptionAssert.Catch(delegate { buffer.Flush(new ScriptedTransport(), 0); }, "batchSize 0");
            Assert.IsTrue(zero is ArgumentOutOfRangeException, "batchSize 0: " + zero.GetType().Name);
            Assert.IsTrue(TextChars.IndexOf(zero.Message, "batchSize") >= 0, "the message names batchSize: " + zero.Message);
            Assert.AreEqual(1L, buffer.Count, "the accepted event stays");
        }

        [TestMethod]
        public void ResultsAddUpKeepingTheFirstFailure()
        {
            var total = new BatchSendResult();
            var a = new BatchSendResult();
            a.Sent = 4;
            a.Batches = 2;
            var b = new BatchSendResult();
            b.Sent = 1;
            b.Batches = 1;
            b.Fail(3, ErrorType.Timeout, "no PUBACK");
            var c = new BatchSendResult();
            c.Fail(2, ErrorType.AuthFailure, "refused");
            total.Add(a);
            Assert.IsTrue(total.Success, "success after a clean send");
            total.Add(b);
            total.Add(c);
            Assert.AreEqual(5, total.Sent, "Sent");
            Assert.AreEqual(3, total.Batches, "Batches");
            Assert.AreEqual(5, total.Failed, "Failed");
            Assert.AreEqual((int)ErrorType.Timeout, (int)total.Error, "the first failure's type");
            Assert.AreEqual("no PUBACK", total.ErrorMessage, "the first failure's message");
            Assert.IsFalse(total.Success, "not a success");
            total.Reset();
            Assert.AreEqual(0, total.Sent + total.Failed + total.Batches, "Reset clears the counts");
            Assert.IsTrue(total.Success && total.ErrorMessage == null, "Reset clears the failure");
        }

        private static int Smaller(int a, int b)
        {
            return a < b ? a : b;
        }

        private static EdgeBuffer Open(IStorageMedium medium)
        {
            return new EdgeBuffer(medium, StorageRig.Options(RecordSize, 1000, 1, 4, OverflowPolicy.Reject), StorageRig.SyncedClock());
        }
    }
}
