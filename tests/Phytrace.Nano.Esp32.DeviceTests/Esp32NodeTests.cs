using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Node;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Esp32.DeviceTests
{
    /// <summary>
    /// Esp32Node.Create on nanoCLR with the real package assemblies loaded: configuration to node
    /// wiring, and the configuration errors it must raise before touching any hardware.
    /// </summary>
    [TestClass]
    public class Esp32NodeTests
    {
        [TestMethod]
        public void An_invalid_configuration_is_refused_listing_every_problem()
        {
            BoardConfig config = DeviceConfigs.OnInternalFlash();
            config.Wifi.Ssid = string.Empty;
            config.Mqtt.Host = string.Empty;

            string message = CreateError(config);

            Assert.Contains("wifi.ssid", message, "ssid named");
            Assert.Contains("mqtt.host", message, "host named");
        }

        [TestMethod]
        public void A_ca_certificate_the_device_parser_refuses_is_a_configuration_error_at_creation()
        {
            BoardConfig config = DeviceConfigs.OnInternalFlash();
            config.Mqtt.UseTls = true;
            config.Mqtt.Port = 8883;
            config.Mqtt.CaCertificatePem = DeviceConfigs.PemThatIsNoCertificate;
            Assert.IsTrue(config.Validate().IsValid, "the shape check passes this PEM: " + config.Validate().ToString());

            string message = CreateError(config);

            Assert.Contains("mqtt.ca_certificate_pem is refused by the device's certificate parser", message, "field named: " + message);
        }

        [TestMethod]
        public void A_node_on_a_medium_of_ones_own_is_wired_from_the_configuration()
        {
            BoardConfig config = DeviceConfigs.OnInternalFlash();
            config.Storage.RecordSize = 128;
            var medium = new RamMedium((int)config.Storage.MaxSizeBytes);

            Esp32Node device = Esp32Node.Create(config, medium);
            var telemetry = new UdmEvent();
            device.Node.BeginEvent(telemetry, UdmEventType.TelemetryPeriodic);
            telemetry.Environment.TemperatureC.Set(21.5);
            bool stored = device.Node.Emit(telemetry);
            NodeStats stats = device.Node.GetStats();
            int recordSize = device.Node.Buffer.RecordSize;
            device.Dispose();

            Assert.IsTrue(stored, "telemetry refused");
            Assert.AreEqual(1, stats.Buffer.Count, "buffered");
            Assert.AreEqual(128, recordSize, "record size from the configuration");
            Assert.IsNull(device.SdCard, "no SD card on internal flash");
            Assert.IsFalse(device.Clock.IsSynchronized, "no SNTP server configured");
            Assert.IsFalse(device.Wifi.IsUp, "not started");
        }

        private static string CreateError(BoardConfig config)
        {
            try
            {
                Esp32Node.Create(config, new RamMedium(64));
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
            Assert.IsTrue(false, "Create accepted the configuration");
            return null;
        }
    }
}
