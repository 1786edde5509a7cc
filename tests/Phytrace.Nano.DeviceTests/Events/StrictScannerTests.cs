using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// The passthrough scanner on the device's runtime: the malformed-JSON corpus refused at the same
    /// offsets as on .NET, valid events (pretty, with newlines, escapes, non-ASCII, any event_id)
    /// accepted with the same id keys and times, strict RFC 3339. Strings here hold one byte per
    /// character (Latin-1), so invalid UTF-8 can be spelled out.
    /// </summary>
    [TestClass]
    public class StrictScannerTests
    {
        private const string Envelope = "{\"udm_version\":\"0.0.3\",\"event_id\":\"e\",\"event_type\":\"custom\",\"source_id\":\"s\","
            + "\"source_type\":\"custom\",\"captured_at\":\"2026-06-07T19:00:00Z\",\"x\":";

        [TestMethod]
        [DataRow("tru}", 3, "expected the literal 'true'")]
        [DataRow("12abc}", 2, "expected ',' or '}' after a property value")]
        [DataRow("012}", 0, "no leading zeros")]
        [DataRow("NaN}", 0, "expected a value")]
        [DataRow("-Infinity}", 1, "expected a digit after '-'")]
        [DataRow("1.}", 2, "expected a digit after the decimal point")]
        [DataRow("1e+}", 3, "expected a digit in the exponent")]
        [DataRow("[1}]}", 2, "expected ',' or ']' after an array element")]
        [DataRow("[1,]}", 3, "expected a value")]
        [DataRow("{\"a\" 1}}", 5, "expected ':' after the property name")]
        [DataRow("{\"a\":1,}}", 7, "expected a property name (a string) after ','")]
        [DataRow("\"a\u0001b\"}", 2, "raw control character 0x01")]
        [DataRow("\"a\nb\"}", 2, "raw control character 0x0A")]
        [DataRow("\"\\q\"}", 1, "invalid escape '\\q'")]
        [DataRow("\"\\u12G4\"}", 1, "expected four hex digits")]
        [DataRow("\"\u00C3\u0028\"}", 2, "invalid UTF-8: byte 0x28 after 0xC3")]
        [DataRow("\"\u00C0\u0080\"}", 1, "never starts a character")]
        [DataRow("\"\u00ED\u00A0\u0080\"}", 2, "expected 0x80-0x9F")]
        [DataRow("\"\u00F4\u0090\u0080\u0080\"}", 2, "expected 0x80-0x8F")]
        [DataRow("\"\u0080\"}", 1, "continues no character")]
        [DataRow("\"\u00E2\u0082\"}", 3, "expected a continuation byte")]
        [DataRow("\"\\uD800\"}", 1, "is a high surrogate")]
        [DataRow("\"\\uDC00\"}", 1, "lone low surrogate")]
        [DataRow("\"abc}", 0, "string not closed")]
        [DataRow("1}}", 2, "unexpected bytes after the event object")]
        [DataRow("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", 31, "nesting deeper than 32 levels")]
        public void MalformedJsonIsRefusedAtItsOffset(string value, int offset, string words)
        {
            byte[] bytes = AsciiText.ToBytes(Envelope + value);
            var e = (UdmScanException)ExceptionAssert.Catch(delegate { new UdmEventScanner().Scan(bytes, 0, bytes.Length); }, value);
            Assert.AreEqual("json", e.Field, "field");
            Assert.AreEqual(Envelope.Length + offset, e.Offset, "offset of " + value);
            Assert.IsTrue(TextChars.IndexOf(e.Message, words) >= 0, "message: " + e.Message);
        }

        [TestMethod]
        [DataRow(",\"sequence_num\":-1", "sequence_num", "negative")]
        [DataRow(",\"sequence_num\":1.5", "sequence_num", "fractional")]
        [DataRow(",\"extensions\":[1]", "extensions", "expected an object")]
        [DataRow(",\"sent_at\":\"2026-02-30T00:00:00Z\"", "sent_at", "RFC 3339")]
        [DataRow(",\"captured_at\":\"2026-06-07T19:00:00Z\"", "captured_at", "more than once")]
        public void EnvelopeProblemsNameTheField(string more, string field, string words)
        {
            byte[] bytes = AsciiText.ToBytes(Envelope + "1" + more + "}");
            var e = (UdmScanException)ExceptionAssert.Catch(delegate { new UdmEventScanner().Scan(bytes, 0, bytes.Length); }, more);
            Assert.AreEqual(field, e.Field, "field");
            Assert.IsTrue(TextChars.IndexOf(e.Message, words) >= 0, "message: " + e.Message);
        }

        [TestMethod]
        public void PrettyEventWithNewlinesIsAcceptedWithoutTheWhitespaceAround()
        {
            string pretty = "{\n  \"udm_version\": \"0.0.3\",\n  \"event_id\": \"01940000-0000-7000-8000-000000000204\",\n"
                + "  \"event_type\": \"telemetry_periodic\",\n  \"source_id\": \"amr-001\",\n  \"source_type\": \"amr\",\n"
                + "  \"captured_at\": \"2026-06-07T19:00:00Z\",\n  \"power\": {\n    \"battery\": {\n      \"soc_pct\": 78.4,\n"
                + "      \"voltage_v\": 48.2\n    },\n    \"charging\": {\n      \"is_charging\": false\n    }\n  },\n"
                + "  \"extensions\": {\"custom_list\": [1, -0.5e-3, null, true, \"caf\u00C3\u00A9 \u00E2\u0082\u00AC\"]}\n}";
            byte[] bytes = AsciiText.ToBytes("\r\n " + pretty + "\n");
            var s = new UdmEventScanner();
            s.Scan(bytes, 0, bytes.Length);
            Assert.AreEqual(3, s.EventStart, "start");
            Assert.AreEqual(pretty.Length, s.EventLength, "length");
            Assert.IsTrue(s.EventIdIsUuid, "canonical UUID");
            Assert.AreEqual("01940000-0000-7000-8000-000000000204", UuidText.ToString(s.EventId, 0), "event_id");
            Assert.AreEqual(1780858800000000L, s.CapturedAtMicros, "captured_at");
        }

        [TestMethod]
        [DataRow("e", "fbe5d795-85df-8e70-8cdb-986ee0fea02d")]
        [DataRow("0194000000007000800000000000000a", "62ac617a-f3ec-8ec3-b180-dede03d1f598")]
        [DataRow("urn:uuid:01940000-0000-7000-8000-00000000000a", "e2b538fc-f76a-88f1-a73c-947f7a876e18")]
        [DataRow("caf\\u00e9 \\uD83D\\uDE00", "ec264cb6-f29c-8b18-aa24-660a47f90ded")]
        [DataRow("caf\u00C3\u00A9 \u00F0\u009F\u0098\u0080", "ec264cb6-f29c-8b18-aa24-660a47f90ded")]
        [DataRow("\\u00301940000-0000-7000-8000-00000000000a", "01940000-0000-7000-8000-00000000000a")]
        public void AnyEventIdGetsTheSameKeyAsOnDotNet(string idLiteral, string key)
        {
            byte[] bytes = AsciiText.ToBytes("{\"udm_version\":\"0.0.3\",\"event_id\":\"" + idLiteral + "\",\"event_type\":\"custom\","
                + "\"source_id\":\"s\",\"source_type\":\"custom\",\"captured_at\":\"2026-06-07T19:00:00Z\"}");
            var s = new UdmEventScanner();
            s.Scan(bytes, 0, bytes.Length);
            Assert.AreEqual(key, UuidText.ToString(s.EventId, 0), "key of " + idLiteral);
        }

        [TestMethod]
        public void LongIdAndStringKeysAgreeWithDotNet()
        {
            var x = new char[300];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = 'x';
            }
            var key = new byte[16];
            Assert.IsFalse(EventIdKey.FromString(new string(x), key, 0), "derived");
            Assert.AreEqual("aa175367-4093-8f5f-92a3-b4a1d0d277c1", UuidText.ToString(key, 0), "300 x");
            EventIdKey.FromString("caf\u00e9 \uD83D\uDE00", key, 0);
            Assert.AreEqual("ec264cb6-f29c-8b18-aa24-660a47f90ded", UuidText.ToString(key, 0), "surrogate pair through ToCharArray");
        }

        [TestMethod]
        [DataRow("2026-02-30T00:00:00Z")]
        [DataRow("2026-06-07T24:00:00Z")]
        [DataRow("2026-06-07T19:00:00+24:00")]
        [DataRow("2026-06-07 19:00:00Z")]
        [DataRow("2016-12-31T23:58:60Z")]
        public void NonRfc3339TimesAreRefused(string text)
        {
            byte[] bytes = AsciiText.ToBytes(text);
            long micros;
            Assert.IsFalse(Rfc3339Reader.TryParse(bytes, 0, bytes.Length, out micros), text);
        }

        [TestMethod]
        public void LeapSecondAtTheEndOfTheUtcDayIsRead()
        {
            byte[] bytes = AsciiText.ToBytes("2016-12-31T15:59:60-08:00");
            long micros;
            Assert.IsTrue(Rfc3339Reader.TryParse(bytes, 0, bytes.Length, out micros), "leap second");
            Assert.AreEqual(1483228800000000L, micros, "micros");
        }
    }
}
