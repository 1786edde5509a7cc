using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Node;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Uplink
{
    /// <summary>
    /// Quarantine on the device's runtime, stepped by hand against the broker-less loopback session:
    /// a record no batch can carry, and one the broker refuses alone, never block the events behind
    /// them; a broker refusing everything singles out nothing.
    /// </summary>
    [TestClass]
    public class QuarantineTests
    {
        private const string OldFirmwareRecord = "{\"udm_version\":\"0.0.3\",\"event_id\":\"old-1\",\"event_type\":\"custom\",\"source_id\":\"loopback-node\","
            + "\"source_type\":\"custom\",\"captured_at\":\"2026-11-27T11:00:00Z\"}\n";

        private static void StepUntilDrained(LoopbackNode rig, int maxSteps, int advanceMs)
        {
            for (int i = 0; i < maxSteps && rig.Node.Buffer.Count > 0; i++)
            {
                rig.Node.Uplink.Step();
                rig.Clock.Advance(advanceMs);
            }
        }

        [TestMethod]
        public void RecordNoBatchCanCarryIsQuarantinedAndTheRestFlow()
        {
            var rig = new LoopbackNode(MqttReasonCode.Success);
            int reports = 0;
            long reportedSequence = -1;
            bool reportedPublished = false;
            rig.Node.Uplink.RecordQuarantined += delegate(long sequence, bool published, string reason)
            {
                reports++;
                reportedSequence = sequence;
                reportedPublished = published;
            };
            byte[] bad = AsciiText.ToBytes(OldFirmwareRecord);
            var key = new byte[16];
            EventIdKey.FromString("old-1", key, 0);
            Assert.IsTrue(rig.Node.Buffer.Enqueue(bad, 0, bad.Length, key, 0), "the old record is in the ring");
            for (int i = 0; i < 12; i++)
            {
                Assert.IsTrue(rig.Emit(i), "emit " + i.ToString());
            }
            rig.Wifi.Set(true);
            StepUntilDrained(rig, 20, 2000);

            Assert.AreEqual(0L, rig.Node.Buffer.Count, "everything left the buffer");
            Assert.AreEqual(1, rig.Session.QuarantinePublishes, "one quarantine publish");
            Assert.AreEqual("phytrace/v1/loopback-node/quarantine/0", rig.Session.LastQuarantineTopic, "topic");
            Assert.AreEqual(bad.Length, rig.Session.LastQuarantinePayload.Length, "quarantined length");
            BytesAssert.AreEqual(bad, 0, rig.Session.LastQuarantinePayload, 0, bad.Length, "quarantined bytes as stored");
            Assert.AreEqual(2, rig.Session.EventPublishes, "12 good events in batches of 10");
            NodeStats stats = rig.Node.GetStats();
            Assert.AreEqual(1L, stats.Uplink.Quarantined, "counted");
            Assert.AreEqual(12L, stats.Uplink.EventsSent, "the good ones sent");
            Assert.AreEqual(1, reports, "reported once");
            Assert.AreEqual(0L, reportedSequence, "its sequence");
            Assert.IsTrue(reportedPublished, "published to the quarantine topic");
        }

        [TestMethod]
        public void BrokerRefusingEverythingSinglesOutNoRecord()
        {
            var rig = new LoopbackNode(MqttReasonCode.Success);
            rig.Session.RejectEvents = true;
            for (int i = 0; i < 5; i++)
            {
                Assert.IsTrue(rig.Emit(i), "emit " + i.ToString());
            }
            rig.Wifi.Set(true);
            for (int i = 0; i < 60; i++)
            {
                rig.Node.Uplink.Step();
                rig.Clock.Advance(40000);
            }
            Assert.AreEqual(5L, rig.Node.Buffer.Count, "all kept");
            Assert.AreEqual(0, rig.Session.QuarantinePublishes, "nothing quarantined");
            Assert.IsTrue(rig.Session.EventPublishes >= 6, "kept trying");

            rig.Session.RejectEvents = false;
            StepUntilDrained(rig, 30, 40000);
            Assert.AreEqual(0L, rig.Node.Buffer.Count, "sent once the broker takes events");
            Assert.AreEqual(5L, rig.Node.GetStats().Uplink.EventsSent, "five delivered");
        }

        [TestMethod]
        public void EmitJsonRefusesBadInputAndStoresTheObjectOnly()
        {
            var rig = new LoopbackNode(MqttReasonCode.Success);
            byte[] bad = AsciiText.ToBytes("{\"udm_version\":\"0.0.3\",\"x\":tru}");
            var e = (UdmScanException)ExceptionAssert.Catch(delegate { rig.Node.EmitJson(bad, 0, bad.Length); }, "broken literal");
            Assert.AreEqual(30, e.Offset, "offset where the literal breaks");
            byte[] good = AsciiText.ToBytes(OldFirmwareRecord);
            Assert.IsTrue(rig.Node.EmitJson(good, 0, good.Length), "accepted");
            Assert.AreEqual(1L, rig.Node.Buffer.Count, "one stored");
            NodeStats stats = rig.Node.GetStats();
            Assert.AreEqual(1L, stats.InvalidEvents, "the refusal is counted");
            Phytrace.Nano.Storage.BufferedEvents stored = rig.Node.Buffer.Dequeue(4);
            Assert.AreEqual(good.Length - 1, stored.PayloadLength(0), "stored without the newline");
        }
    }
}
