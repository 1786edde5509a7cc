using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>JSON string escaping and UTF-8 on the device's runtime.</summary>
    [TestClass]
    public class JsonWriterTests
    {
        [TestMethod]
        public void SurrogatePairIsFourUtf8Bytes()
        {
            var buffer = new byte[16];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStringValue("\uD83D\uDE00");
            Assert.AreEqual(6, w.Length, "bytes for a quoted U+1F600");
            BytesAssert.AreEqual(new byte[] { 0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22 }, 0, buffer, 0, 6, "UTF-8 of U+1F600");
        }

        [TestMethod]
        public void EscapesQuotesBackslashesControls()
        {
            var buffer = new byte[32];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStringValue("a\"b\\c\n\u0001");
            Assert.AreEqual("\"a\\\"b\\\\c\\n\\u0001\"", AsciiText.FromBytes(buffer, 0, w.Length), "escaped text");
        }

        [TestMethod]
        public void BufferTooSmallNamesSizes()
        {
            var w = new JsonWriter();
            w.Reset(new byte[8], 0, 8);
            Exception e = ExceptionAssert.Catch(delegate { w.WriteStringValue("0123456789"); }, "too small");
            Assert.IsTrue(e is JsonBufferTooSmallException && ((JsonBufferTooSmallException)e).AvailableBytes == 8, "JsonBufferTooSmallException with 8 available");
        }
    }
}
