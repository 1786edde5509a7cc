using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Esp32.DeviceTests
{
    /// <summary>
    /// The core rules the glue's decisions live in, on the device runtime: one mount event per
    /// change, formatting a fresh ring file, the CA's PEM shape, and joining Wi-Fi from the stored
    /// configuration. When to remount a card (RemountingMedium) is tested with the core's device
    /// tests (tests/Phytrace.Nano.DeviceTests/Storage/RemountingMediumTests).
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
        public void A_fresh_region_holding_a_stale_ring_is_formatted_not_mounted()
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = 128;
            options.MaxEventSize = 200;
            var clock = new ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0), true);
            var ram = new RamMedium(Checkpoint.SlotsOffset + (32 * 128));
            // Captured now: an event older than the buffer's max age is refused as Expired.
            long now = Iso8601Utc.ToUnixMicros(clock.UtcNow);
            var old = new EdgeBuffer(ram, options, clock);
            for (int i = 0; i < 6; i++)
            {
                Assert.IsTrue(old.Enqueue(new byte[50], 0, 50, new byte[16], 0, now, true), "stale ring enqueue " + i.ToString());
            }
            Assert.AreEqual(6L, old.Count, "the stale ring holds its records");
            old.Dispose();

            var fresh = new FreshRam(ram.Image);
            var buffer = new EdgeBuffer(fresh, options, clock);
            Assert.AreEqual(0L, buffer.Count, "stale records mounted");
            Assert.IsTrue(buffer.Enqueue(new byte[50], 0, 50, new byte[16], 0, now, true), "enqueue");
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
