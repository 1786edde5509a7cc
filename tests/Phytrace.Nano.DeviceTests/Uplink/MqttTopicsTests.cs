using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Uplink
{
    [TestClass]
    public class MqttTopicsTests
    {
        [TestMethod]
        public void NameTheSource()
        {
            var topics = new MqttTopics("amr-7");
            Assert.AreEqual("phytrace/v1/amr-7/events", topics.Events, "events topic");
            Assert.AreEqual("phytrace/v1/amr-7/status", topics.Status, "status topic");
        }

        [TestMethod]
        [DataRow("a/b")] // a level separator
        [DataRow("a+")]  // a wildcard
        public void RefuseSourceIdsThatAreNotOneTopicLevel(string sourceId)
        {
            ExceptionAssert.Catch(delegate { new MqttTopics(sourceId); }, "source_id " + sourceId);
        }
    }
}
