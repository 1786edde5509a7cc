using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Boards
{
    /// <summary>
    /// LilyGO TTGO T8 V1.7.1 (ESP32-WROVER-B, 4 MB PSRAM) with its on-board microSD slot.
    /// Pin map, source: LilyGO TTGO-T8-ESP32 repository, README pin diagram (SD card block),
    /// https://github.com/LilyGO/TTGO-T8-ESP32
    /// - microSD on the HSPI/SDMMC pins: MOSI (CMD) GPIO15, MISO (DAT0) GPIO2, SCK GPIO14,
    ///   CS (DAT3) GPIO13, no card-detect line. DAT1/DAT2 are not wired, so 4-bit SDMMC is not
    ///   possible; SPI is used (on nanoFramework bus 2 to leave bus 1 for the user).
    /// - GPIO16/GPIO17 drive the WROVER module's PSRAM; GPIO6..GPIO11 its flash.
    /// </summary>
    public static class LilyGoT8
    {
        public static BoardConfig Create(string sourceId, string wifiSsid, string wifiPassword, string brokerHost)
        {
            BoardConfig config = BoardPreset.Start("LilyGO TTGO T8 V1.7.1", sourceId, wifiSsid, wifiPassword, brokerHost);
            BoardPreset.SpiSdCard(config, 2, 15, 2, 14, 13);
            BoardPreset.ReserveRange(config, "board.spi_flash", 6, 11);
            config.ReservePin("board.psram_cs", 16);
            config.ReservePin("board.psram_clk", 17);
            return config;
        }
    }
}
