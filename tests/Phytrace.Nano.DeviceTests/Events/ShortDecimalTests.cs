using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// The short-decimal fast path of the double formatter held to the big-integer algorithm it
    /// bypasses, on the device's own double arithmetic: the same digits for 1,500 sensor-like
    /// values and their neighbours one bit away (6,000 in all), 1,890 at the edges of every decimal
    /// exponent, and the same JSON text for them.
    /// The .NET suite does the same on millions of values.
    /// </summary>
    [TestClass]
    public class ShortDecimalTests
    {
        private static readonly double[] Powers = { 1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

        [TestMethod]
        public void FastDigitsEqualTheExactAlgorithms()
        {
            var fast = new ShortestDoubleDigits();
            var exact = new ShortestDoubleDigits();
            var random = new XorShiftRandom(2024);
            int fastPath = 0;
            for (int i = 0; i < 1500; i++)
            {
                double v = SensorValue(random);
                double[] values = { v, -v, Neighbour(v, 1), Neighbour(v, -1) };
                for (int k = 0; k < values.Length; k++)
                {
                    double x = values[k];
                    fast.Generate(x);
                    if (fast.UsedShortDecimalPath)
                    {
                        fastPath++;
                    }
                    exact.GenerateExact(x);
                    Assert.IsTrue(Same(fast, exact), "digits of the value with bits " + System.BitConverter.DoubleToInt64Bits(x).ToString());
                }
            }
            Assert.IsTrue(fastPath > 2500, "fast path taken " + fastPath.ToString() + " times");
        }

        [TestMethod]
        public void PowersOfTenAndAllNinesAtEveryExponentTakeTheFastPathWithTheExactDigits()
        {
            // The fast path scales once from an estimate of the decimal exponent and steps back
            // once: 1, 10, ... and 9, 99, ... of 1 to 15 digits with their leading digit at every
            // position from 10^-6 to 10^14 (a power of ten's double can lie just below it), and
            // their neighbours one bit away, on the device's own arithmetic.
            var fast = new ShortestDoubleDigits();
            var exact = new ShortestDoubleDigits();
            int values = 0;
            for (int exponent = -6; exponent <= 14; exponent++)
            {
                for (int digits = 1; digits <= 15; digits++)
                {
                    long low = (long)Powers[digits - 1];
                    for (int kind = 0; kind < 2; kind++)
                    {
                        long k = kind == 0 ? low : (10 * low) - 1;
                        int decimals = digits - 1 - exponent;
                        double v = decimals >= 0 ? k / Exact(decimals) : k * Exact(-decimals);
                        fast.Generate(v);
                        Assert.IsTrue(fast.UsedShortDecimalPath, "fast path not taken for the value with bits " + System.BitConverter.DoubleToInt64Bits(v).ToString());
                        double[] around = { v, Neighbour(v, 1), Neighbour(v, -1) };
                        for (int j = 0; j < around.Length; j++)
                        {
                            fast.Generate(around[j]);
                            exact.GenerateExact(around[j]);
                            Assert.IsTrue(Same(fast, exact), "digits of the value with bits " + System.BitConverter.DoubleToInt64Bits(around[j]).ToString());
                            values++;
                        }
                    }
                }
            }
            Assert.AreEqual(21 * 15 * 2 * 3, values);
        }

        // 10^n for n up to 21, an exact double.
        private static double Exact(int n)
        {
            return n < Powers.Length ? Powers[n] : Powers[15] * Powers[n - 15];
        }

        [TestMethod]
        public void WriterTextEqualsTheExactDigitsLaidOut()
        {
            var writer = new JsonWriter();
            var exact = new ShortestDoubleDigits();
            var buffer = new byte[64];
            var random = new XorShiftRandom(7);
            for (int i = 0; i < 1000; i++)
            {
                double v = SensorValue(random);
                // Integers and values below 1e-6 are laid out differently (no point, or an exponent).
                if (v == (long)v || v < 1e-6)
                {
                    continue;
                }
                if ((i & 1) == 1)
                {
                    v = -v;
                }
                writer.Reset(buffer, 0, buffer.Length);
                writer.WriteNumberValue(v);
                exact.GenerateExact(v);
                Assert.AreEqual(Layout(exact, v < 0), AsciiText.FromBytes(buffer, 0, writer.Length), "text of the value with bits " + System.BitConverter.DoubleToInt64Bits(v).ToString());
            }
        }

        // k / 10^d with 1 to 15 digits and 1 to 9 decimals: a reading as a driver scales or rounds it.
        private static double SensorValue(XorShiftRandom random)
        {
            int digits = 1 + random.NextInt(15);
            long k = 0;
            for (int i = 0; i < digits; i++)
            {
                k = (k * 10) + random.NextInt(10);
            }
            if (k == 0)
            {
                k = 1;
            }
            return k / Powers[1 + random.NextInt(9)];
        }

        private static double Neighbour(double v, long step)
        {
            return System.BitConverter.Int64BitsToDouble(System.BitConverter.DoubleToInt64Bits(v) + step);
        }

        private static bool Same(ShortestDoubleDigits a, ShortestDoubleDigits b)
        {
            if (a.DigitCount != b.DigitCount || a.PointPosition != b.PointPosition)
            {
                return false;
            }
            for (int i = 0; i < a.DigitCount; i++)
            {
                if (a.Digits[i] != b.Digits[i])
                {
                    return false;
                }
            }
            return true;
        }

        // The plain layout of a non-integer at least 1e-6: "48.213", "0.0234".
        private static string Layout(ShortestDoubleDigits d, bool negative)
        {
            int n = d.DigitCount;
            int p = d.PointPosition;
            var chars = new char[n + 3 + (p < 0 ? -p : 0)];
            int at = 0;
            if (negative)
            {
                chars[at++] = '-';
            }
            if (p > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    if (i == p)
                    {
                        chars[at++] = '.';
                    }
                    chars[at++] = (char)d.Digits[i];
                }
            }
            else
            {
                chars[at++] = '0';
                chars[at++] = '.';
                for (int i = 0; i < -p; i++)
                {
                    chars[at++] = '0';
                }
                for (int i = 0; i < n; i++)
                {
                    chars[at++] = (char)d.Digits[i];
                }
            }
            return new string(chars, 0, at);
        }
    }
}
