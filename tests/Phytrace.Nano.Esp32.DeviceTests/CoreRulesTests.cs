using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Esp32.DeviceTests
{
    /// <summary>
    /// The core rules the glue's decisions live in, on the device runtime: one mount event per
    /// change, when to remount a card, formatting a fresh ring file, the CA's PEM shape, and
    /// joining Wi-Fi from the stored configuration.
    /// </summary>
    [TestClass]
    public class CoreRulesTests
    {
        [TestMethod]
        public void A_removal_reported_twice_raises_one_mount_event()
        {
            var state = new MountState();
            var counter = new int[2];
            state.Changed += delegate (bool mounted) { counter[mounted ? 1 : 0]++; };

            state.Set(true);
            state.Set(false);
            state.Set(false);

            Assert.AreEqual(1, counter[1], "mounted events");
            Assert.AreEqual(1, counter[0], "removed events");
        }

        [TestMethod]
        public void A_pulled_card_is_remounted_when_back_at_most_once_per_interval()
        {
            var card = new PullableMedium(new RamMedium(Checkpoint.SlotsOffset + (32 * 128)));
            var tick = new ManualTickClock(1000);
            var medium = new RemountingMedium(card, card, tick, 5000);
            var options = new EdgeBufferOptions();
            options.RecordSize = 128;
            options.MaxEventSize = 200;
            var buffer = new EdgeBuffer(medium, options, new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0), true));
            var payload = new byte[100];
            var id = new byte[16];
            Assert.IsTrue(buffer.Enqueue(payload, 0, 100, id, 0, 0, true), "before the pull");

            card.Present = false;
            card.Mounted = false;
            Assert.IsFalse(buffer.Enqueue(payload, 0, 100, id, 0, 0, true), "pulled");
            Assert.IsFalse(buffer.Enqueue(payload, 0, 100, id, 0, 0, true), "first remount attempt, empty slot");
            Assert.AreEqual(1, card.Attempts, "attempts after the first failure");
            card.Present = true;
            Assert.IsFalse(buffer.Enqueue(payload, 0, 100, id, 0, 0, true), "back, but within the interval");
            Assert.AreEqual(1, card.Attempts, "attempts within the interval");
            tick.Advance(5000);
            Assert.IsTrue(buffer.Enqueue(payload, 0, 100, id, 0, 0, true), "remounted");
            Assert.AreEqual(2, card.Attempts, "attempts");
            Assert.AreEqual(2L, buffer.Count, "records kept");
        }

        [TestMethod]
        public void A_fresh_region_holding_a_stale_ring_is_formatted_not_mounted()
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = 128;
            options.MaxEventSize = 200;
            var clock = new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0), true);
            var ram = new RamMedium(Checkpoint.SlotsOffset + (32 * 128));
            var old = new EdgeBuffer(ram, options, clock);
            for (int i = 0; i < 6; i++)
            {
                old.Enqueue(new byte[50], 0, 50, new byte[16], 0, 0, true);
            }
            old.Dispose();

            var fresh = new FreshRam(ram.Image);
            var buffer = new EdgeBuffer(fresh, options, clock);
            Assert.AreEqual(0L, buffer.Count, "stale records mounted");
            Assert.IsTrue(buffer.Enqueue(new byte[50], 0, 50, new byte[16], 0, 0, true), "enqueue");
            buffer.Dispose();
            Assert.IsFalse(fresh.IsFresh, "still fresh after the format");

            var mounted = new EdgeBuffer(new RamMedium(fresh.Image), options, clock);
            Assert.AreEqual(1L, mounted.Count, "only the new record after a remount");
        }

        [TestMethod]
        public void A_ca_pem_cut_short_is_refused_naming_the_field()
        {
            var config = DeviceConfigs.OnInternalFlash();
            config.Mqtt.UseTls = true;
            config.Mqtt.CaCertificatePem = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n";
            ConfigProblems problems = config.Validate();
            Assert.AreEqual(1, problems.Count, problems.ToString());
            Assert.Contains("mqtt.ca_certificate_pem is cut short", problems[0], "message");
            config.Mqtt.CaCertificatePem = DeviceConfigs.PemThatIsNoCertificate;
            Assert.IsTrue(config.Validate().IsValid, "shape of one DER SEQUENCE");
        }

        [TestMethod]
        public void Wifi_joins_from_the_stored_configuration_only_for_this_network_with_auto_connect()
        {
            var wifi = new WifiSettings();
            wifi.Ssid = "plant-floor";
            wifi.Password = "correct horse";
            Assert.IsTrue(wifi.IsStored("plant-floor", "correct horse", true), "same network");
            Assert.IsFalse(wifi.IsStored("plant-floor", "correct horse", false), "without auto-connect");
            Assert.IsFalse(wifi.IsStored("plant-floor", "old", true), "other password");
            Assert.IsFalse(wifi.IsStored(null, null, true), "nothing stored");
        }

        [TestMethod]
        public void The_ring_file_folders_are_listed_outermost_first()
        {
            var storage = new StorageSettings();
            storage.Drive = StorageSettings.SdCardDrive;
            storage.FilePath = "D:\\robots\\r7\\events.ring";
            string[] folders = storage.FoldersOfFilePath();
            Assert.AreEqual(2, folders.Length, "folders");
            Assert.AreEqual("D:\\robots", folders[0], "outer");
            Assert.AreEqual("D:\\robots\\r7", folders[1], "inner");
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

        /// <summary>RAM that says it was just created, holding <paramref name="leftover"/>.</summary>
        private sealed class FreshRam : IStorageMedium, IFreshRegion
        {
            private readonly RamMedium ram;

            public FreshRam(byte[] leftover)
            {
                ram = new RamMedium(leftover);
                IsFresh = true;
            }

            public bool IsFresh { get; private set; }

            public byte[] Image
            {
                get { return ram.Image; }
            }

            public long Length
            {
                get { return ram.Length; }
            }

            public void Formatted()
            {
                IsFresh = false;
            }

            public int Read(long position, byte[] buffer, int offset, int count)
            {
                return ram.Read(position, buffer, offset, count);
            }

            public void Write(long position, byte[] buffer, int offset, int count)
            {
                ram.Write(position, buffer, offset, count);
            }

            public void Flush()
            {
            }

            public void Dispose()
            {
            }
        }
    }
}
