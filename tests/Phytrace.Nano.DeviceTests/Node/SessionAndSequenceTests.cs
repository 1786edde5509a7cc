using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Node
{
    /// <summary>Event identity on the device's runtime: a UUIDv7 session per boot, sequence_num from the buffer, Expired refusals.</summary>
    [TestClass]
    public class SessionAndSequenceTests
    {
        [TestMethod]
        public void EmitStampsSessionAndBufferSequence()
        {
            var rig = new LoopbackNode(MqttReasonCode.Success);
            var id = new byte[16];
            Assert.IsTrue(UuidText.TryParse(rig.Node.Session.SessionId, id, 0), "session_id is a UUID");
            Assert.AreEqual(0x70, id[6] & 0xF0, "version 7");
            byte[] passthrough = AsciiText.ToBytes("{\"udm_version\":\"0.0.3\",\"event_id\":\"p\",\"event_type\":\"custom\",\"source_id\":\"other\","
                + "\"source_type\":\"custom\",\"captured_at\":\"2026-11-27T11:00:00Z\",\"sequence_num\":7}");
            var e = new UdmEvent();
            for (int i = 0; i < 3; i++)
            {
                rig.Node.BeginEvent(e, UdmEventType.TelemetryPeriodic);
                Assert.AreEqual(rig.Node.Session.SessionId, e.SessionId, "session on the event");
                Assert.IsTrue(rig.Node.Emit(e), "emit");
                Assert.AreEqual((long)(i * 2), e.SequenceNum.Value, "sequence_num is the record's buffer sequence");
                Assert.IsTrue(rig.Node.EmitJson(passthrough, 0, passthrough.Length), "passthrough");
            }
            BufferedEvents stored = rig.Node.Buffer.Dequeue(10);
            Assert.AreEqual(6, stored.Count, "six records");
            Assert.AreEqual(4L, stored.Sequence(4), "buffer sequences count every record");
        }

        [TestMethod]
        public void EventPastMaxAgeIsRefusedAsExpired()
        {
            var rig = new LoopbackNode(MqttReasonCode.Success);
            byte[] old = AsciiText.ToBytes("{\"udm_version\":\"0.0.3\",\"event_id\":\"o\",\"event_type\":\"custom\",\"source_id\":\"s\","
                + "\"source_type\":\"custom\",\"captured_at\":\"2026-11-01T00:00:00Z\"}");
            Assert.IsFalse(rig.Node.EmitJson(old, 0, old.Length), "refused");
            Assert.IsTrue(rig.Node.LastEmitFailure == EnqueueFailure.Expired, "as Expired");
            Assert.AreEqual(1L, rig.Node.GetStats().Buffer.RefusedExpired, "counted");
            Assert.AreEqual(0L, rig.Node.Buffer.Count, "nothing stored");
        }
    }
}
