using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.DeviceTests.Platform
{
    /// <summary>
    /// nanoCLR throws System.Exception for a floating-point division or remainder by zero (either
    /// sign), where .NET gives an infinity or NaN (docs/device-differences.md, "Floating-point
    /// division by zero"). The first test records the runtime's behaviour, so the page is corrected
    /// if a kit update changes it; the others hold the core's divisions to divisors that are never
    /// zero, at the inputs that come closest.
    /// </summary>
    [TestClass]
    public class FloatingDivisionTests
    {
        // From calls, so the compiler cannot fold the division into a constant.
        private static double Zero()
        {
            return 0.0;
        }

        private static double NegativeZero()
        {
            return -0.0;
        }

        [TestMethod]
        public void RuntimeThrowsOnEveryDivisionByZero()
        {
            double one = 1.0 + Zero();
            Exception e = ExceptionAssert.Catch(() => { Consume(one / NegativeZero()); }, "1.0 / -0.0");
            Assert.AreEqual(typeof(Exception), e.GetType(), "1.0 / -0.0 throws System.Exception itself (.NET: -Infinity)");
            ExceptionAssert.Catch(() => { Consume(one / Zero()); }, "1.0 / 0.0 (.NET: +Infinity)");
            ExceptionAssert.Catch(() => { Consume(-one / Zero()); }, "-1.0 / 0.0 (.NET: -Infinity)");
            ExceptionAssert.Catch(() => { Consume(Zero() / Zero()); }, "0.0 / 0.0 (.NET: NaN)");
            ExceptionAssert.Catch(() => { Consume(one % Zero()); }, "1.0 % 0.0 (.NET: NaN)");
            ExceptionAssert.Catch(() => { Consume((float)one / (float)Zero()); }, "1f / 0f (.NET: +Infinity)");
        }

        [TestMethod]
        public void RuntimeOverflowsToInfinityWithoutThrowing()
        {
            // Only the division by zero throws: a product past MaxValue is an infinity, as on .NET.
            double big = double.MaxValue + Zero();
            Assert.IsTrue(double.IsPositiveInfinity(big * 10), "MaxValue * 10");
            Assert.IsTrue(double.IsPositiveInfinity((1.0 + Zero()) / double.Epsilon / double.Epsilon), "1 / Epsilon / Epsilon");
        }

        [TestMethod]
        public void RetryPolicyWithNoInitialDelayDoesNotDivideByIt()
        {
            // RetryPolicy's cap factor is maxDelayMs / initialDelayMs: with 0 it must not divide.
            var policy = new RetryPolicy(3, 0, 1000, 2.0, false, ErrorTypeSet.SeedRetryable, null);
            for (int attempt = 0; attempt < 5; attempt++)
            {
                Assert.AreEqual(0, policy.GetDelayMs(attempt), "delay of attempt " + attempt.ToString());
            }
        }

        [TestMethod]
        public void NegativeZeroAndTinyDoublesAreWrittenWithoutDividingByZero()
        {
            // The number writer tells -0 by its bits and the short-decimal path divides only by powers of ten.
            var writer = new JsonWriter();
            byte[] output = new byte[64];
            double[] values = new double[] { NegativeZero(), Zero(), double.Epsilon, -double.Epsilon, 1e-7, 9.99e-8 };
            string[] expected = new string[] { "-0", "0", "5e-324", "-5e-324", "1e-7", "9.99e-8" };
            for (int i = 0; i < values.Length; i++)
            {
                writer.Reset(output, 0, output.Length);
                writer.WriteNumberValue(values[i]);
                Assert.AreEqual(expected[i], AsciiText.FromBytes(output, 0, writer.Length), "text of value " + i.ToString());
            }
        }

        private static void Consume(double value)
        {
            // Keeps the division from being dropped as dead code.
            if (value == 12345.678)
            {
                throw new InvalidOperationException("unexpected");
            }
        }
    }
}
