using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>JSON string escaping and UTF-8 on the device's runtime, surrogate pairs included.</summary>
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
        [DataRow("\uD83D\uDE00ok", "22F09F9880 6F6B22")]              // pair first
        [DataRow("ok\uD83D\uDE00", "226F6B F09F988022")]              // pair last
        [DataRow("\u00E9\uD83D\uDE00\uD83D\uDE01\"", "22C3A9 F09F9880 F09F9881 5C2222")] // BMP, two pairs, an escape after them
        [DataRow("\uD840\uDC00\u4E00", "22F0A08080 E4B88022")]          // CJK Extension B, then CJK
        public void NonBmpTextIsWrittenAsUtf8WhereverItStands(string text, string expectedHex)
        {
            var buffer = new byte[64];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStringValue(text);
            Assert.AreEqual(Compact(expectedHex), Hex(buffer, w.Length), "UTF-8 of the quoted text");
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

        // What cannot be made equal (docs/device-differences.md): text only .NET can hold. The
        // writer refuses it on .NET; on the device the runtime changed it before the writer sees it.

        [TestMethod]
        public void ALoneSurrogateReachesTheWriterAsReplacementCharacter()
        {
            var buffer = new byte[16];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStringValue("a\uD800b");
            Assert.AreEqual("2261EFBFBD6222", Hex(buffer, w.Length), "on the device the string already holds U+FFFD in place of U+D800");
        }

        [TestMethod]
        public void U0000EndsADeviceStringBeforeTheWriterSeesIt()
        {
            var buffer = new byte[16];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStringValue("amr\u0000x");
            Assert.AreEqual("\"amr\"", AsciiText.FromBytes(buffer, 0, w.Length), "the string is \"amr\" on nanoCLR");
        }

        private static string Hex(byte[] bytes, int count)
        {
            const string digits = "0123456789ABCDEF";
            char[] table = digits.ToCharArray();
            var chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                chars[2 * i] = table[bytes[i] >> 4];
                chars[(2 * i) + 1] = table[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        private static string Compact(string spaced)
        {
            char[] all = spaced.ToCharArray();
            var kept = new char[all.Length];
            int n = 0;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i] != ' ')
                {
                    kept[n++] = all[i];
                }
            }
            return new string(kept, 0, n);
        }
    }
}
