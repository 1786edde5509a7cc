using nanoFramework.TestFramework;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Uplink
{
    /// <summary>
    /// The MQTT uplink and the PhytraceNode facade on the device's runtime, driven step by step on a
    /// manual clock against the broker-less <see cref="LoopbackSession"/> (<see cref="LoopbackNode"/>).
    /// </summary>
    [TestClass]
    public class UplinkWorkerTests
    {
        [TestMethod]
        public void OfflineEventsAreSentOnceOnline()
        {
            var rig = new LoopbackNode(MqttReasonCode.Success);
            for (int i = 0; i < 25; i++)
            {
                Assert.IsTrue(rig.Emit(i), "emit " + i.ToString());
            }
            rig.Node.Uplink.Step();
            Assert.IsTrue(rig.Node.Uplink.State == UplinkState.Offline, "offline while Wi-Fi is down");
            Assert.AreEqual(0, rig.Session.EventPublishes, "nothing published offline");

            rig.Wifi.Set(true);
            for (int i = 0; i < 10; i++)
            {
                rig.Node.Uplink.Step();
            }
            Assert.AreEqual(5L, rig.Node.Buffer.Count, "two full batches sent; the last 5 wait for max_batch_age_ms");
            rig.Clock.Advance(1000);
            rig.Node.Uplink.Step();
            Assert.AreEqual(0L, rig.Node.Buffer.Count, "buffer drained after PUBACKs");
            Assert.AreEqual(3, rig.Session.EventPublishes, "25 events in batches of 10");
            Assert.IsTrue(rig.Session.StatusPublishes >= 1, "online status published");
        }

        [TestMethod]
        public void UnacknowledgedBatchStaysBuffered()
        {
            var rig = new LoopbackNode(MqttReasonCode.Success);
            rig.Session.Acknowledge = false;
            rig.Wifi.Set(true);
            Assert.IsTrue(rig.Emit(1), "emit");
            rig.Node.Uplink.Step();
            rig.Node.Uplink.Step();
            rig.Clock.Advance(1000);
            rig.Node.Uplink.Step();
            Assert.AreEqual(1L, rig.Node.Buffer.Count, "still buffered without a PUBACK");
            Assert.IsTrue(rig.Node.Uplink.LastError == ErrorType.Timeout, "reported as a timeout");
        }

        [TestMethod]
        public void RefusedCredentialsReportedOnceAndBreakerOpens()
        {
            var rig = new LoopbackNode(MqttReasonCode.BadUserNameOrPassword);
            int reports = 0;
            rig.Node.Uplink.ErrorReported += delegate(ErrorType error, string message) { reports++; };
            rig.Wifi.Set(true);
            Assert.IsTrue(rig.Emit(1), "emit");
            for (int i = 0; i < 20; i++)
            {
                rig.Node.Uplink.Step();
                rig.Clock.Advance(40000);
            }
            Assert.IsTrue(rig.Session.ConnectAttempts >= 3, "kept trying");
            Assert.AreEqual(1, reports, "one report for one kind of failure");
            Assert.IsTrue(rig.Node.Breaker.Stats.TimesOpened >= 1, "breaker opened");
            Assert.AreEqual(1L, rig.Node.Buffer.Count, "nothing lost");
        }
    }
}
