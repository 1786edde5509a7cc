using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// RemountingMedium on the device's runtime: a pulled card is remounted when it is back, at most
    /// once per interval, for each of Read, Write and Flush. This holds the fix of a call just before
    /// a try (docs/device-differences.md): with the remount attempt before the try, nanoCLR's
    /// optimised code runs the catch for the attempt's own failure too, which forgets the attempt
    /// and tries again at once.
    /// </summary>
    [TestClass]
    public class RemountingMediumTests
    {
        private const int Interval = 5000;

        [TestMethod]
        [DataRow(0)] // Read
        [DataRow(1)] // Write
        [DataRow(2)] // Flush
        public void APulledCardIsRemountedWhenBackAtMostOncePerInterval(int operation)
        {
            var card = new PullableMedium(new RamMedium(4096));
            var tick = new ManualTickClock(1000);
            var medium = new RemountingMedium(card, card, tick, Interval);
            string what = Name(operation);
            Do(medium, operation);

            card.Present = false;
            card.Mounted = false;
            AssertNotPresent(medium, operation, what + " on the pulled card");
            Assert.AreEqual(0, card.Attempts, what + ": the failure itself tries no remount");
            AssertNotPresent(medium, operation, what + ": the first remount attempt fails");
            Assert.AreEqual(1, card.Attempts, what + ": attempts after the first failure");

            card.Present = true;
            tick.Advance(Interval - 1);
            AssertNotPresent(medium, operation, what + ": back, but within the interval");
            Assert.AreEqual(1, card.Attempts, what + ": no attempt within the interval");

            tick.Advance(1);
            Do(medium, operation);
            Assert.AreEqual(2, card.Attempts, what + ": attempts");
            Assert.AreEqual(1, medium.Remounts, what + ": remounts");
            Do(medium, operation);
            Assert.AreEqual(2, card.Attempts, what + ": no attempt once mounted");
        }

        private static void Do(RemountingMedium medium, int operation)
        {
            var bytes = new byte[16];
            switch (operation)
            {
                case 0: medium.Read(512, bytes, 0, 16); break;
                case 1: medium.Write(512, bytes, 0, 16); break;
                default: medium.Flush(); break;
            }
        }

        private static void AssertNotPresent(RemountingMedium medium, int operation, string what)
        {
            Exception e = ExceptionAssert.Catch(delegate { Do(medium, operation); }, what);
            var failure = e as StorageMediumException;
            Assert.IsNotNull(failure, what + ": a StorageMediumException, not " + e.GetType().Name);
            Assert.AreEqual((int)MediumFailure.NotPresent, (int)failure.Failure, what + ": NotPresent");
        }

        private static string Name(int operation)
        {
            return operation == 0 ? "Read" : operation == 1 ? "Write" : "Flush";
        }

        /// <summary>A card in a slot without detect pin: fails while pulled or not mounted again.</summary>
        private sealed class PullableMedium : IStorageMedium, IRemovableVolume
        {
            private readonly IStorageMedium inner;

            public PullableMedium(IStorageMedium inner)
            {
                this.inner = inner;
                Present = true;
                Mounted = true;
            }

            public bool Present;
            public bool Mounted;
            public int Attempts;

            public long Length
            {
                get { return inner.Length; }
            }

            public string LastError
            {
                get { return Present ? string.Empty : "no card"; }
            }

            public bool Remount()
            {
                Attempts++;
                Mounted = Present;
                return Mounted;
            }

            public int Read(long position, byte[] buffer, int offset, int count)
            {
                Check();
                return inner.Read(position, buffer, offset, count);
            }

            public void Write(long position, byte[] buffer, int offset, int count)
            {
                Check();
                inner.Write(position, buffer, offset, count);
            }

            public void Flush()
            {
                Check();
                inner.Flush();
            }

            public void Dispose()
            {
            }

            private void Check()
            {
                if (!Mounted)
                {
                    throw new StorageMediumException(MediumFailure.NotPresent, "card not mounted");
                }
            }
        }
    }
}
