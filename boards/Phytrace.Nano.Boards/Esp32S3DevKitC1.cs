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
    /// - GPIO0 BOOT button; GPIO19/GPIO20 USB D-/D+; RGB LED on GPIO48 (board v1.0; GPIO38 on
    ///   v1.1); GPIO26..GPIO32 drive the module's flash/PSRAM (and GPIO33..GPIO37 on octal-PSRAM
    ///   modules). Source: ESP32-S3-DevKitC-1 User Guide, "Header Block" and "Hardware Reference",
    ///   https://docs.espressif.com/projects/esp-idf/en/latest/esp32s3/hw-reference/esp32s3/user-guide-devkitc-1.html
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
            config.ReservePin("board.rgb_led", 48);
            BoardPreset.ReserveRange(config, "board.flash_psram", 26, 32);
            return config;
        }
    }
}
