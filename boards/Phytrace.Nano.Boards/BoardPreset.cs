using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Boards
{
    /// <summary>What every preset sets the same way: the node's identity, Wi-Fi and broker, and a ring on the SD card.</summary>
    internal static class BoardPreset
    {
        /// <summary>Ring size on an SD card: small next to any card sold today, days of events at sensor rates.</summary>
        public const int SdRingSizeMb = 256;

        public static BoardConfig Start(string boardName, string sourceId, string wifiSsid, string wifiPassword, string brokerHost)
        {
            var config = new BoardConfig();
            config.BoardName = boardName;
            config.Identity.SourceId = sourceId;
            config.Identity.SourceType = "amr";
            config.Wifi.Ssid = wifiSsid;
            config.Wifi.Password = wifiPassword;
            config.Mqtt.Host = brokerHost;
            config.Mqtt.Port = 1883;
            config.Storage.Drive = StorageSettings.SdCardDrive;
            config.Storage.FilePath = "D:\\phytrace\\events.ring";
            config.Storage.MaxSizeMb = SdRingSizeMb;
            // SD cards write 512-byte sectors and may land them in any order at a power cut.
            config.Storage.SectorSizeBytes = 512;
            // A checkpoint per 256 records: one in 16 sync points of 16 records; a mount after a cut
            // scans at most 272 records and skips at most as many sequence numbers.
            config.Storage.CheckpointEveryRecords = 256;
            return config;
        }

        /// <summary>SD card on an SPI bus; the glue routes these pins through the GPIO matrix.</summary>
        public static void SpiSdCard(BoardConfig config, int bus, int mosi, int miso, int clock, int chipSelect)
        {
            config.SdCard.Interface = SdInterface.Spi;
            config.SdCard.SpiBus = bus;
            config.SdCard.MosiPin = mosi;
            config.SdCard.MisoPin = miso;
            config.SdCard.ClockPin = clock;
            config.SdCard.ChipSelectPin = chipSelect;
        }

        /// <summary>Reserves a run of pins (module flash/PSRAM lines) under one role.</summary>
        public static void ReserveRange(BoardConfig config, string role, int first, int last)
        {
            for (int gpio = first; gpio <= last; gpio++)
            {
                config.ReservePin(role, gpio);
            }
        }
    }
}
