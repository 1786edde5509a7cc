using System;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Checks of the UDM event encoder on the device's runtime: number text that must not depend on
    /// the runtime's double.ToString, escaping, UUIDv7 layout and the passthrough scanner.
    /// </summary>
    public static class EventsChecks
    {
        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Events");
            r.Run("NumberPointOnePlusPointTwo", delegate { Expect.Equal("0.30000000000000004", Number(0.1 + 0.2), "0.1 + 0.2"); });
            r.Run("NumberWidenedFloat", delegate { Expect.Equal("3.299999952316284", Number((double)3.3f), "(double)3.3f"); });
            r.Run("NumberOneE21", delegate { Expect.Equal("1e+21", Number(1e21), "1e21"); });
            r.Run("NumberBelowOneE21", delegate { Expect.Equal("100000000000000000000", Number(1e20), "1e20"); });
            r.Run("NumberSmallestDenormal", delegate { Expect.Equal("5e-324", Number(5e-324), "5e-324"); });
            r.Run("NumberMaxValue", delegate { Expect.Equal("1.7976931348623157e+308", Number(double.MaxValue), "double.MaxValue"); });
            r.Run("NumberNegativeZero", delegate { Expect.Equal("-0", Number(-0.0), "-0.0"); });
            r.Run("NumberPlainValues", delegate
            {
                Expect.Equal("48.2", Number(48.2), "48.2");
                Expect.Equal("-96.797", Number(-96.797), "-96.797");
                Expect.Equal("0.000001", Number(0.000001), "1e-6");
                Expect.Equal("1e-7", Number(0.0000001), "1e-7");
            });
            r.Run("NumberPowerOfTwoLowerGap", delegate
            {
                // 2^-958: the lower neighbour is half as far away as the upper one.
                Expect.Equal("4.1045368012983762e-289", Number(BitConverter.Int64BitsToDouble(0x0410000000000000L)), "2^-958");
            });
            r.Run("IntegerExtremes", delegate
            {
                var buffer = new byte[32];
                var w = new JsonWriter();
                w.Reset(buffer, 0, buffer.Length);
                w.WriteNumberValue(long.MinValue);
                Expect.Equal("-9223372036854775808", Ascii(buffer, w.Length), "long.MinValue");
            });
            r.Run("NaNRefusedNamingField", delegate
            {
                var w = new JsonWriter();
                w.Reset(new byte[32], 0, 32);
                w.WriteStartObject();
                Exception e = Expect.Throws(delegate { w.WriteNumber("soc_pct", double.NaN); }, "NaN");
                Expect.True(e is JsonValueException && ((JsonValueException)e).Field == "soc_pct", "JsonValueException naming soc_pct");
            });
            r.Run("SurrogatePairIsFourUtf8Bytes", delegate
            {
                var buffer = new byte[16];
                var w = new JsonWriter();
                w.Reset(buffer, 0, buffer.Length);
                w.WriteStringValue("\uD83D\uDE00");
                Expect.Equal(6, w.Length, "bytes for a quoted U+1F600");
                Expect.BytesEqual(new byte[] { 0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22 }, 0, buffer, 0, 6, "UTF-8 of U+1F600");
            });
            r.Run("EscapesQuotesBackslashesControls", delegate
            {
                var buffer = new byte[32];
                var w = new JsonWriter();
                w.Reset(buffer, 0, buffer.Length);
                w.WriteStringValue("a\"b\\c\n\u0001");
                Expect.Equal("\"a\\\"b\\\\c\\n\\u0001\"", Ascii(buffer, w.Length), "escaped text");
            });
            r.Run("BufferTooSmallNamesSizes", delegate
            {
                var w = new JsonWriter();
                w.Reset(new byte[8], 0, 8);
                Exception e = Expect.Throws(delegate { w.WriteStringValue("0123456789"); }, "too small");
                Expect.True(e is JsonBufferTooSmallException && ((JsonBufferTooSmallException)e).AvailableBytes == 8, "JsonBufferTooSmallException with 8 available");
            });
            r.Run("EncodeMinimalEvent", delegate
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
                Expect.Equal("{\"udm_version\":\"0.0.3\",\"event_id\":\"00000000-0000-0000-0000-000000000000\",\"event_type\":\"emergency_stop\",\"source_id\":\"node\",\"source_type\":\"drone\",\"captured_at\":\"1970-01-01T00:00:00.000000Z\"}",
                    Ascii(buffer, n), "minimal event");
            });
            r.Run("ValidationNamesField", delegate
            {
                var e = new UdmEvent();
                e.Reset();
                e.SourceId = "node";
                e.SetCapturedAt(0, false);
                e.HasEventId = true;
                e.Location.HeadingDeg.Set(360);
                Exception x = Expect.Throws(delegate { UdmEventValidator.Validate(e); }, "heading 360");
                Expect.True(x is UdmValidationException && ((UdmValidationException)x).Field == "location.heading_deg", "names location.heading_deg");
            });
            r.Run("Uuid7LayoutAndOrderOnFrozenClock", delegate
            {
                var g = new Uuid7Generator(new ManualWallClock(new DateTime(1970, 1, 1, 0, 0, 5), false), new ManualTickClock(), new XorShiftRandom(9));
                var a = new byte[16];
                var b = new byte[16];
                g.Next(a, 0);
                for (int i = 0; i < 5000; i++)
                {
                    g.Next(b, 0);
                    Expect.True(Compare(a, b) < 0, "id " + i.ToString() + " sorts after the previous one");
                    Array.Copy(b, a, 16);
                }
                Expect.Equal(0x70, b[6] & 0xF0, "version 7");
                Expect.Equal(0x80, b[8] & 0xC0, "variant 10");
                Expect.True(Uuid7Generator.TimestampMs(b, 0) >= 5000, "timestamp at or after the wall clock");
            });
            r.Run("ScannerReadsIdAndTime", delegate
            {
                byte[] json = AsciiBytes("{\"udm_version\":\"0.0.3\",\"nested\":{\"event_id\":1},\"event_id\":\"01940000-0000-7000-8000-000000000202\",\"event_type\":\"telemetry_periodic\",\"source_id\":\"n\",\"source_type\":\"amr\",\"captured_at\":\"2026-06-07T19:00:00Z\"}");
                var s = new UdmEventScanner();
                s.Scan(json, 0, json.Length);
                Expect.Equal("01940000-0000-7000-8000-000000000202", UuidText.ToString(s.EventId, 0), "event_id");
                Expect.Equal(1780858800000000L, s.CapturedAtMicros, "captured_at");
            });
        }

        private static string Number(double value)
        {
            var buffer = new byte[64];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteNumberValue(value);
            return Ascii(buffer, w.Length);
        }

        private static string Ascii(byte[] bytes, int count)
        {
            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)bytes[i];
            }
            return new string(chars);
        }

        private static byte[] AsciiBytes(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }

        private static int Compare(byte[] a, byte[] b)
        {
            for (int i = 0; i < 16; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] < b[i] ? -1 : 1;
                }
            }
            return 0;
        }
    }
}
