using nanoFramework.TestFramework;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Uplink
{
    [TestClass]
    public class MqttErrorClassifierTests
    {
        [TestMethod]
        public void ConnectRefusalsAreClassified()
        {
            Assert.IsTrue(MqttErrorClassifier.FromConnect(MqttReasonCode.BadUserNameOrPassword) == ErrorType.AuthFailure, "bad credentials");
            Assert.IsTrue(MqttErrorClassifier.FromConnect(MqttReasonCode.ServerUnavailable) == ErrorType.ServerError, "server unavailable");
            Assert.IsTrue(MqttErrorClassifier.FromConnect(MqttReasonCode.NetworkUnreachable) == ErrorType.NetworkError, "unreachable");
            Assert.IsTrue(MqttErrorClassifier.FromConnect(MqttReasonCode.QuotaExceeded) == ErrorType.RateLimited, "quota");
            Assert.IsTrue(MqttErrorClassifier.FromPublish(PublishOutcome.TimedOut) == ErrorType.Timeout, "no PUBACK");
        }

        [TestMethod]
        public void ConnackReturnCodesMap()
        {
            Assert.IsTrue(ConnackCodes.ToReasonCode(4) == MqttReasonCode.BadUserNameOrPassword, "3.1.1 code 4");
            Assert.IsTrue(ConnackCodes.ToReasonCode(0x87) == MqttReasonCode.NotAuthorized, "5.0 code 0x87");
        }
    }
}
