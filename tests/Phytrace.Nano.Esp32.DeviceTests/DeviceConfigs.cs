using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Esp32.DeviceTests
{
    /// <summary>A valid node configuration with its ring on internal flash (no SD wiring), for the glue tests.</summary>
    internal static class DeviceConfigs
    {
        /// <summary>
        /// A DER SEQUENCE (30 03 02 01 01) as PEM: the shape BoardConfig.Validate checks, but not an
        /// X.509 certificate, so the device's parser (mbedTLS) refuses it.
        /// </summary>
        public const string PemThatIsNoCertificate = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";

        public static BoardConfig OnInternalFlash()
        {
            var config = new BoardConfig();
            config.BoardName = "nanoCLR test board";
            config.Identity.SourceId = "robot-7";
            config.Identity.SourceType = "amr";
            config.Storage.Drive = StorageSettings.InternalFlashDrive;
            config.Storage.FilePath = "I:\\phytrace\\events.ring";
            config.Storage.MaxSizeMb = 1;
            config.SdCard.Interface = SdInterface.None;
            config.Wifi.Ssid = "plant-floor";
            config.Wifi.Password = "correct horse";
            config.Mqtt.Host = "broker.local";
            config.SntpServer = string.Empty;
            return config;
        }
    }
}
