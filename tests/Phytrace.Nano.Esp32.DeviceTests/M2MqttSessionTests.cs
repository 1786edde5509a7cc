using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Esp32.Uplink;
using Phytrace.Nano.Uplink;
using CoreReasonCode = Phytrace.Nano.Uplink.MqttReasonCode;
using M2MqttReasonCode = nanoFramework.M2Mqtt.Messages.MqttReasonCode;

namespace Phytrace.Nano.Esp32.DeviceTests
{
    /// <summary>The M2Mqtt session against the real nanoFramework.M2Mqtt 5.1.220 assemblies, on nanoCLR (which has no sockets).</summary>
    [TestClass]
    public class M2MqttSessionTests
    {
        [TestMethod]
        public void Mqtt5_reason_codes_pass_through_as_the_core_codes()
        {
            AssertMaps(M2MqttReasonCode.Success, CoreReasonCode.Success);
            AssertMaps(M2MqttReasonCode.UnspecifiedError, CoreReasonCode.UnspecifiedError);
            AssertMaps(M2MqttReasonCode.BadUserNameOrPassword, CoreReasonCode.BadUserNameOrPassword);
            AssertMaps(M2MqttReasonCode.NotAuthorized, CoreReasonCode.NotAuthorized);
            AssertMaps(M2MqttReasonCode.ServerUnavailable, CoreReasonCode.ServerUnavailable);
            AssertMaps(M2MqttReasonCode.ServerBusy, CoreReasonCode.ServerBusy);
            AssertMaps(M2MqttReasonCode.Banned, CoreReasonCode.Banned);
            AssertMaps(M2MqttReasonCode.QuotaExceeded, CoreReasonCode.QuotaExceeded);
            AssertMaps(M2MqttReasonCode.ConnectionRateExceeded, CoreReasonCode.ConnectionRateExceeded);
            // Codes the core does not name keep their number, so the classifier still sees a refusal.
            Assert.AreEqual(0x8B, (int)M2MqttSession.ToReasonCode(M2MqttReasonCode.ServeShuttingDown), "server shutting down");
        }

        [TestMethod]
        public void Mqtt311_refusals_become_their_mqtt5_equivalents()
        {
            AssertMaps(M2MqttReasonCode.ConnectionRefusedUnacceptableProtocolVersion, CoreReasonCode.UnsupportedProtocolVersion);
            AssertMaps(M2MqttReasonCode.ConnectionRefusedIdentifierRejected, CoreReasonCode.ClientIdentifierNotValid);
            AssertMaps(M2MqttReasonCode.ConnectionRefusedServerUnavailable, CoreReasonCode.ServerUnavailable);
            AssertMaps(M2MqttReasonCode.ConnectionRefusedBadUserNameOrPassword, CoreReasonCode.BadUserNameOrPassword);
            AssertMaps(M2MqttReasonCode.ConnectionRefusedNotAuthorized, CoreReasonCode.NotAuthorized);
        }

        [TestMethod]
        public void Connect_without_a_network_reports_network_unreachable_and_does_not_throw()
        {
            var session = new M2MqttSession("broker.local", 1883, false, null);
            var options = new MqttConnectOptions();
            options.ClientId = "robot-7";

            CoreReasonCode answer = session.Connect(options);

            Assert.AreEqual((int)CoreReasonCode.NetworkUnreachable, (int)answer, "no sockets on nanoCLR: the client cannot even resolve the host");
            Assert.IsFalse(session.IsConnected, "connected");
        }

        [TestMethod]
        public void Publish_while_not_connected_throws_a_session_exception_naming_the_topic()
        {
            var session = new M2MqttSession("broker.local", 1883, false, null);
            string message = null;
            try
            {
                session.Publish("phytrace/v1/robot-7/events", new byte[4], 0, 4, MqttQos.AtLeastOnce, false);
            }
            catch (MqttSessionException e)
            {
                message = e.Message;
            }
            Assert.IsNotNull(message, "no MqttSessionException");
            Assert.Contains("phytrace/v1/robot-7/events", message, "topic named");
        }

        private static void AssertMaps(M2MqttReasonCode answer, CoreReasonCode expected)
        {
            Assert.AreEqual((int)expected, (int)M2MqttSession.ToReasonCode(answer), "M2Mqtt code " + ((int)answer).ToString());
        }
    }
}
