using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// JSON number text on the device's runtime: the core's own shortest round-trip digits must not
    /// depend on the runtime's double.ToString (lossy on nanoFramework).
    /// </summary>
    [TestClass]
    public class JsonNumberTests
    {
        [TestMethod]
        [DataRow(0.30000000000000004, "0.30000000000000004")] // 0.1 + 0.2
        [DataRow(3.299999952316284, "3.299999952316284")]     // (double)3.3f
        [DataRow(1e21, "1e+21")]
        [DataRow(1e20, "100000000000000000000")]
        [DataRow(5e-324, "5e-324")]                           // smallest denormal
        [DataRow(1.7976931348623157e+308, "1.7976931348623157e+308")] // double.MaxValue
        [DataRow(-0.0, "-0")]
        [DataRow(48.2, "48.2")]
        [DataRow(-96.797, "-96.797")]
        [DataRow(0.000001, "0.000001")]
        [DataRow(0.0000001, "1e-7")]
        public void ShortestRoundTripText(double value, string expected)
        {
            Assert.AreEqual(expected, Number(value), "text of " + expected);
        }

        [TestMethod]
        public void PowerOfTwoLowerGap()
        {
            // 2^-958: the lower neighbour is half as far away as the upper one.
            Assert.AreEqual("4.1045368012983762e-289", Number(BitConverter.Int64BitsToDouble(0x0410000000000000L)), "2^-958");
        }

        [TestMethod]
        public void IntegerExtremes()
        {
            var buffer = new byte[32];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteNumberValue(long.MinValue);
            Assert.AreEqual("-9223372036854775808", AsciiText.FromBytes(buffer, 0, w.Length), "long.MinValue");
        }

        [TestMethod]
        public void NaNRefusedNamingField()
        {
            var w = new JsonWriter();
            w.Reset(new byte[32], 0, 32);
            w.WriteStartObject();
            Exception e = ExceptionAssert.Catch(delegate { w.WriteNumber("soc_pct", double.NaN); }, "NaN");
            Assert.IsTrue(e is JsonValueException && ((JsonValueException)e).Field == "soc_pct", "JsonValueException naming soc_pct");
        }

        [TestMethod]
        [DataRow(0.0, "0")]
        [DataRow(-0.0, "-0")]
        [DataRow(-3.0, "-3")]
        [DataRow(2147483647.0, "2147483647")]
        [DataRow(2147483648.0, "2147483648")]
        [DataRow(2147483647.5, "2147483647.5")]
        [DataRow(0.1, "0.1")]
        [DataRow(0.123456789, "0.123456789")]
        [DataRow(0.1234567891, "0.1234567891")]
        [DataRow(99999999.9, "99999999.9")]
        [DataRow(0.0000015, "0.0000015")]
        [DataRow(0.00000099, "9.9e-7")]
        public void NamedReadingText(double value, string expected)
        {
            // WriteNumber(JsonName, double): whole numbers below 2^31 and readings of up to nine
            // digits written by the int path, its edges left to the general path.
            var buffer = new byte[64];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteStartObject();
            w.WriteNumber(new JsonName("a"), value);
            w.WriteNumber(new JsonName("b"), value);
            Assert.AreEqual("{\"a\":" + expected + ",\"b\":" + expected, AsciiText.FromBytes(buffer, 0, w.Length), "text of " + expected);
        }

        private static string Number(double value)
        {
            var buffer = new byte[64];
            var w = new JsonWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.WriteNumberValue(value);
            return AsciiText.FromBytes(buffer, 0, w.Length);
        }
    }
}
