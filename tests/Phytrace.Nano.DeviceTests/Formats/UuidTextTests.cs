using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Formats
{
    [TestClass]
    public class UuidTextTests
    {
        [TestMethod]
        public void RoundTrip()
        {
            var uuid = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                uuid[i] = (byte)(i * 17);
            }
            string text = UuidText.ToString(uuid, 0);
            Assert.AreEqual("00112233-4455-6677-8899-aabbccddeeff", text, "uuid text");
            var back = new byte[16];
            Assert.IsTrue(UuidText.TryParse(text, back, 0), "parse back");
            BytesAssert.AreEqual(uuid, 0, back, 0, 16, "round trip");
        }
    }
}
