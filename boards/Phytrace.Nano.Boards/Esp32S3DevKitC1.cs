using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Boards
{
    /// <summary>
    /// Espressif ESP32-S3-DevKitC-1 (ESP32-S3-WROOM-1) with a generic SPI microSD breakout (the
    /// board has no SD slot).
    /// Pin map:
    /// - SD on the FSPI pins of the ESP32-S3 IO MUX: CS GPIO10 (FSPICS0), MOSI GPIO11 (FSPID),
    ///   SCK GPIO12 (FSPICLK), MISO GPIO13 (FSPIQ). Source: ESP32-S3 Series Datasheet, "IO MUX
    ///   and GPIO pin functions", https://www.espressif.com/sites/default/files/documentation/esp32-s3_datasheet_en.pdf
    /// - GPIO0 BOOT button; GPIO19/GPIO20 USB D-/D+; the addressable RGB LED is on GPIO38 on board
    ///   v1.1 and on GPIO48 on v1.0, both reserved (the board revision is not known here).
    ///   Source: ESP32-S3-DevKitC-1 v1.1 User Guide, "Description of Components" (RGB LED driven by
    ///   GPIO38), and the v1.0 guide (GPIO48),
    ///   https://docs.espressif.com/projects/esp-idf/en/v5.2.2/esp32s3/hw-reference/esp32s3/user-guide-devkitc-1.html
    /// - GPIO26..GPIO32 drive the module's SPI flash/PSRAM. On modules with octal PSRAM (the common
    ///   ESP32-S3-DevKitC-1-N8R8, ESP32-S3-WROOM-2) GPIO33..GPIO37 are the octal lines as well
    ///   (the WROOM-1 brings out GPIO35..GPIO37 of them): reserved, since the ESP32_S3_OCTAL
    ///   firmware expects such a module. Sources: the user guide's note on GPIO35..GPIO37, ESP-IDF
    ///   issue espressif/esp-idf#10605 (they are taken on WROOM-1 octal modules too), and ESP-IDF's
    ///   GPIO reference for ESP32-S3 (GPIO33..GPIO37 with octal flash or PSRAM).
    /// </summary>
    public static class Esp32S3DevKitC1
    {
        public const int BootButtonPin = 0;

        public static BoardConfig Create(string sourceId, string wifiSsid, string wifiPassword, string brokerHost)
        {
            BoardConfig config = BoardPreset.Start("ESP32-S3-DevKitC-1 + SPI microSD breakout", sourceId, wifiSsid, wifiPassword, brokerHost);
            BoardPreset.SpiSdCard(config, 1, 11, 13, 12, 10);
            config.ReservePin("board.usb_d_minus", 19);
            config.ReservePin("board.usb_d_plus", 20);
            config.ReservePin("board.rgb_led_v1_1", 38);
            config.ReservePin("board.rgb_led_v1_0", 48);
            BoardPreset.ReserveRange(config, "board.flash_psram", 26, 32);
            BoardPreset.ReserveRange(config, "board.octal_psram", 33, 37);
            return config;
        }
    }
}
