using System;
using System.Threading;
using nanoFramework.TestFramework;
using Phytrace.Nano.Esp32.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Esp32.DeviceTests
{
    /// <summary>The glue's clocks, randomness and file medium on nanoCLR (Runtime.Native's natives exist there; a file system does not).</summary>
    [TestClass]
    public class PlatformTests
    {
        [TestMethod]
        public void The_tick_clock_is_monotonic_and_counts_milliseconds()
        {
            long start = TickClock.Instance.NowMs;
            Thread.Sleep(50);
            long elapsed = TickClock.Instance.NowMs - start;
            Assert.IsTrue(elapsed >= 40 && elapsed < 5000, "50 ms slept, the clock moved " + elapsed.ToString());
        }

        [TestMethod]
        public void Hardware_random_stays_in_range_and_fills_only_what_it_is_asked()
        {
            var random = new HardwareRandom();
            for (int i = 0; i < 200; i++)
            {
                int n = random.NextInt(7);
                Assert.IsTrue(n >= 0 && n < 7, "NextInt(7) gave " + n.ToString());
            }
            var bytes = new byte[40];
            random.NextBytes(bytes, 4, 32);
            Assert.AreEqual((byte)0, bytes[0], "before the range");
            Assert.AreEqual((byte)0, bytes[39], "after the range");
            int zeros = 0;
            for (int i = 4; i < 36; i++)
            {
                zeros += bytes[i] == 0 ? 1 : 0;
            }
            Assert.IsTrue(zeros < 8, zeros.ToString() + " of 32 random bytes are zero");

            // A whole array is one native fill; two fills must differ.
            var whole = new byte[64];
            var again = new byte[64];
            random.NextBytes(whole, 0, whole.Length);
            random.NextBytes(again, 0, again.Length);
            int same = 0;
            zeros = 0;
            for (int i = 0; i < whole.Length; i++)
            {
                same += whole[i] == again[i] ? 1 : 0;
                zeros += whole[i] == 0 ? 1 : 0;
            }
            Assert.IsTrue(zeros < 8, zeros.ToString() + " of 64 random bytes are zero");
            Assert.IsTrue(same < 8, same.ToString() + " of 64 bytes equal in two fills");
        }

        [TestMethod]
        public void Without_a_server_the_sntp_clock_never_claims_to_be_synchronised()
        {
            var clock = new SntpWallClock(string.Empty);
            clock.Start();
            Assert.IsFalse(clock.IsSynchronized, "synchronised without SNTP");
        }

        [TestMethod]
        public void A_ring_file_that_cannot_be_opened_is_a_medium_error_naming_the_path()
        {
            // nanoCLR on Linux has no file system: opening fails as it does on a board without a card.
            string message = null;
            try
            {
                new FileStreamMedium("I:\\phytrace\\events.ring", 64 * 1024, true);
            }
            catch (StorageMediumException e)
            {
                Assert.AreEqual((int)MediumFailure.NotPresent, (int)e.Failure, "failure kind");
                message = e.Message;
            }
            Assert.IsNotNull(message, "no StorageMediumException");
            Assert.Contains("I:\\phytrace\\events.ring", message, "path named");
        }
    }
}
