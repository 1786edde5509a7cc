using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>Whole events through the encoder and the validator on the device's runtime.</summary>
    [TestClass]
    public class UdmEventEncoderTests
    {
        [TestMethod]
        public void EncodeMinimalEvent()
        {
            var e = new UdmEvent();
            e.Reset();
            e.SourceId = "node";
            e.EventType = UdmEventType.EmergencyStop;
            e.SourceType = UdmSourceType.Drone;
            e.SetCapturedAt(0, false);
            e.HasEventId = true;
            var buffer = new byte[512];
            int n = new UdmEventEncoder().Encode(e, buffer, 0, buffer.Length);
            Assert.AreEqual("{\"udm_version\":\"0.0.3\",\"event_id\":\"00000000-0000-0000-0000-000000000000\",\"event_type\":\"emergency_stop\",\"source_id\":\"node\",\"source_type\":\"drone\",\"captured_at\":\"1970-01-01T00:00:00.000000Z\"}",
                AsciiText.FromBytes(buffer, 0, n), "minimal event");
        }

        [TestMethod]
        public void DomainWithOnlyAnUncheckedFieldIsWritten()
        {
            // The encoder writes the domains the validator's pass found set; fields with no rule
            // to check must count too.
            var e = new UdmEvent();
            e.Reset();
            e.SourceId = "node";
            e.SetCapturedAt(0, false);
            e.HasEventId = true;
            e.Power.IsCharging.Set(true);
            e.Thermal.IsThrottling.Set(false);
            e.Location.Floor.Set(2);
            e.Motion.FrameId = "odom";
            e.Safety.AddViolation("zone", null, null);
            e.Communication.Ssid = "lab";
            var buffer = new byte[1024];
            string json = AsciiText.FromBytes(buffer, 0, new UdmEventEncoder().Encode(e, buffer, 0, buffer.Length));
            string tail = ",\"power\":{\"charging\":{\"is_charging\":true}},\"thermal\":{\"is_throttling\":false},\"location\":{\"floor\":2},"
                + "\"motion\":{\"frame_id\":\"odom\"},\"safety\":{\"violation_count\":1,\"violations\":[{\"type\":\"zone\"}]},\"communication\":{\"network\":{\"ssid\":\"lab\"}}}";
            Assert.IsTrue(json.Length > tail.Length && json.Substring(json.Length - tail.Length) == tail, "domains written: " + json);
        }

        [TestMethod]
        public void KeptEnvelopeBytesMatchAFreshEncoder()
        {
            // One encoder keeps the envelope's strings and runs of them by reference; each event
            // must come out as a fresh encoder writes it, as the strings stay, change or go.
            var kept = new UdmEventEncoder();
            var e = new UdmEvent();
            e.Reset();
            e.SourceId = "node";
            e.SessionId = "s1";
            e.SdkVersion = "sdk";
            e.SetCapturedAt(0, false);
            e.HasEventId = true;
            for (int step = 0; step < 6; step++)
            {
                switch (step)
                {
                    case 2: e.SessionId = null; break;
                    case 3: e.SourceId = new string('n', 3); e.EventType = UdmEventType.EmergencyStop; break;
                    case 4: e.SessionId = "s2"; e.SdkVersion = null; break;
                    case 5: e.SourceType = UdmSourceType.Drone; break;
                }
                var mine = new byte[512];
                var fresh = new byte[512];
                int n = kept.Encode(e, mine, 0, mine.Length);
                int m = new UdmEventEncoder().Encode(e, fresh, 0, fresh.Length);
                Assert.AreEqual(AsciiText.FromBytes(fresh, 0, m), AsciiText.FromBytes(mine, 0, n), "step " + step.ToString());
            }
        }

        [TestMethod]
        public void ValidationNamesField()
        {
            var e = new UdmEvent();
            e.Reset();
            e.SourceId = "node";
            e.SetCapturedAt(0, false);
            e.HasEventId = true;
            e.Location.HeadingDeg.Set(360);
            Exception x = ExceptionAssert.Catch(delegate { UdmEventValidator.Validate(e); }, "heading 360");
            Assert.IsTrue(x is UdmValidationException && ((UdmValidationException)x).Field == "location.heading_deg", "names location.heading_deg");
        }
    }
}
