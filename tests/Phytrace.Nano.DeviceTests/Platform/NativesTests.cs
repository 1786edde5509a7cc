using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Natives;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Platform
{
    /// <summary>
    /// The firmware natives behind the platform seam (Phytrace.Nano.Natives, on the kit's real
    /// nanoFramework.System.IO.Hashing and nanoFramework.System.Text) held to the core's portable
    /// forms: the same CRC-32 for every length 0 to 300 at every offset 0 to 3 and for 4 KB (the
    /// native's empty-buffer result included), and the same JSON text for strings of 1 to 4-byte
    /// UTF-8 and for strings that need escapes. Each test puts the portable forms back.
    /// </summary>
    [TestClass]
    public class NativesTests
    {
        [TestMethod]
        public void NativesPassTheirInstallCheck()
        {
            try
            {
                Assert.AreEqual(string.Empty, DeviceNatives.TryInstall(), "install problem");
                Assert.IsTrue(PlatformNatives.Crc32 != null && PlatformNatives.Utf8 != null, "both natives installed");
            }
            finally
            {
                PlatformNatives.UsePortable();
            }
        }

        [TestMethod]
        public void NativeCrc32EqualsTheTablesForEveryLengthAndOffset()
        {
            byte[] data = Noise(4096 + 8, 7);
            var native = new NativeCrc32();
            for (int offset = 0; offset < 4; offset++)
            {
                for (int length = 0; length <= 300; length++)
                {
                    uint expected = Crc32.Update(Crc32.Initial, data, offset, length);
                    Assert.AreEqual(expected, native.Compute(data, offset, length), "length " + length.ToString() + " at offset " + offset.ToString());
                }
            }
            Assert.AreEqual(Crc32.Update(Crc32.Initial, data, 3, 4096), native.Compute(data, 3, 4096), "4 KB");
            Assert.AreEqual(0u, native.Compute(data, 0, 0), "empty buffer: 0 whatever the firmware returns");
        }

        [TestMethod]
        public void Crc32ComputeGivesTheSameResultsWithTheNativeInstalled()
        {
            byte[] data = Noise(1024, 11);
            var portable = new uint[200];
            for (int length = 0; length < portable.Length; length++)
            {
                portable[length] = Crc32.Compute(data, 5, length);
            }
            try
            {
                DeviceNatives.Install();
                for (int length = 0; length < portable.Length; length++)
                {
                    Assert.AreEqual(portable[length], Crc32.Compute(data, 5, length), "length " + length.ToString() + " (native from " + Crc32.NativeFromBytes.ToString() + " bytes)");
                }
            }
            finally
            {
                PlatformNatives.UsePortable();
            }
        }

        [TestMethod]
        public void JsonStringsAreTheSameTextWithTheUtf8NativeInstalled()
        {
            // ASCII, 2-byte (e acute), 3-byte (euro), 4-byte (U+1F600) UTF-8, escapes, and mixtures.
            string[] texts =
            {
                "amr-7", "map", "phytrace-nano/0.1.0", "warehouse-a-floor-1", string.Empty, "x",
                "caf\u00E9", "20 \u20AC", "smile \uD83D\uDE00 ok", "\uD83D\uDE00\uD83D\uDE00", "quote \" and \\ backslash",
                "tab\tnew\nline", "ctrl \u0001 char", "\u00E9\u20AC\uD83D\uDE00\"\\",
            };
            var portable = new string[texts.Length];
            for (int i = 0; i < texts.Length; i++)
            {
                portable[i] = Quote(texts[i]);
            }
            try
            {
                DeviceNatives.Install();
                for (int i = 0; i < texts.Length; i++)
                {
                    Assert.AreEqual(portable[i], Quote(texts[i]), "text " + i.ToString());
                }
            }
            finally
            {
                PlatformNatives.UsePortable();
            }
        }

        [TestMethod]
        public void AnEncodedEventIsTheSameBytesWithTheNativesInstalled()
        {
            byte[] portable = EncodeSample();
            try
            {
                DeviceNatives.Install();
                byte[] native = EncodeSample();
                Assert.AreEqual(portable.Length, native.Length, "event length");
                BytesAssert.AreEqual(portable, 0, native, 0, portable.Length, "event bytes");
            }
            finally
            {
                PlatformNatives.UsePortable();
            }
        }

        [TestMethod]
        public void AWrongNativeIsRefusedAndNothingIsInstalled()
        {
            Exception e = ExceptionAssert.Catch(delegate { PlatformNatives.Use(new ZeroCrc(), new NativeUtf8()); }, "a CRC-32 that returns 0");
            Assert.IsTrue(e is InvalidOperationException, "InvalidOperationException");
            Assert.IsTrue(PlatformNatives.Crc32 == null && PlatformNatives.Utf8 == null, "nothing installed");
        }

        // The JSON text of one string value, as the writer makes it (or the exception's type name).
        private static string Quote(string text)
        {
            var buffer = new byte[(text.Length * 6) + 8];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStringValue(text);
            return Hex(buffer, w.Length);
        }

        private static byte[] EncodeSample()
        {
            var e = new UdmEvent();
            e.Reset();
            e.EventType = UdmEventType.TelemetryPeriodic;
            e.SourceType = UdmSourceType.Amr;
            e.SourceId = "amr-\u00E9-7";
            e.SdkVersion = "phytrace-nano/0.1.0";
            e.SetCapturedAt(1795791845123456L, true);
            e.HasEventId = true;
            e.Power.BatterySocPct.Set(78.43);
            e.Location.SetLocal(12.532, 4.251, 0, "map \uD83D\uDE00");
            e.Extensions.SetString("note", "tab\there");
            var buffer = new byte[1024];
            int length = new UdmEventEncoder().Encode(e, buffer, 0, buffer.Length);
            var bytes = new byte[length];
            Array.Copy(buffer, 0, bytes, 0, length);
            return bytes;
        }

        private static byte[] Noise(int length, uint seed)
        {
            var data = new byte[length];
            uint x = seed * 2654435761u + 1;
            for (int i = 0; i < length; i++)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                data[i] = (byte)x;
            }
            return data;
        }

        private static string Hex(byte[] bytes, int count)
        {
            const string digits = "0123456789abcdef";
            char[] all = digits.ToCharArray();
            var chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                chars[2 * i] = all[bytes[i] >> 4];
                chars[(2 * i) + 1] = all[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        private sealed class ZeroCrc : INativeCrc32
        {
            public uint Compute(byte[] buffer, int offset, int count)
            {
                return 0;
            }
        }
    }
}
