using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Boards
{
    /// <summary>
    /// Espressif ESP32-DevKitC V4 (ESP32-WROOM-32) with a generic SPI microSD breakout.
    /// Pin map:
    /// - SD on the VSPI pins of the ESP32 IO_MUX: MOSI GPIO23 (VSPID), MISO GPIO19 (VSPIQ),
    ///   SCK GPIO18 (VSPICLK), CS GPIO5 (VSPICS0). Source: ESP32 Series Datasheet, "Peripheral Pin
    ///   Configurations"/IO_MUX table, https://www.espressif.com/sites/default/files/documentation/esp32_datasheet_en.pdf
    /// - GPIO6..GPIO11 drive the module's SPI flash and must not be used; GPIO0 is the BOOT button.
    ///   Source: ESP32-DevKitC V4 Getting Started Guide, header block and note on GPIO6-11,
    ///   https://docs.espressif.com/projects/esp-idf/en/latest/esp32/hw-reference/esp32/get-started-devkitc.html
    /// The breakout has no card-detect line. Wire its VCC to 3V3 (or 5V if it has a regulator).
    /// </summary>
    public static class Esp32DevKitCSpiSd
    {
        public const int BootButtonPin = 0;

        public static BoardConfig Create(string sourceId, string wifiSsid, string wifiPassword, string brokerHost)
        {
            BoardConfig config = BoardPreset.Start("ESP32-DevKitC V4 + SPI microSD breakout", sourceId, wifiSsid, wifiPassword, brokerHost);
            BoardPreset.SpiSdCard(config, 1, 23, 19, 18, 5);
            BoardPreset.ReserveRange(config, "board.spi_flash", 6, 11);
            return config;
        }
    }
}
