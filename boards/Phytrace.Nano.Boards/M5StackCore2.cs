using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Boards
{
    /// <summary>
    /// M5Stack Core2 (ESP32-D0WDQ6-V3). The microSD slot shares the SPI bus with the LCD.
    /// Pin map, source: M5Stack Core2 documentation, "PinMap" (TF card and LCD tables),
    /// https://docs.m5stack.com/en/core/core2; checked against M5Stack's Core2 library
    /// (github.com/m5stack/M5Core2): src/utility/Config.h defines TFCARD_CS_PIN 4, and
    /// src/utility/In_eSPI_Setup.h the shared bus (MISO 38, MOSI 23, SCLK 18) and the LCD's CS 5, DC 15.
    /// - TF card: MOSI G23, MISO G38, SCK G18, CS G4 (no card-detect line).
    /// - LCD (ILI9342C): MOSI G23, SCK G18, CS G5, DC G15 - the shared bus pins are the card's, so
    ///   only its CS and DC are reserved here.
    /// - Internal I2C (AXP192 power, touch, IMU, RTC): SDA G21, SCL G22.
    /// - Port B (black): G26, G36; the sample app reads a sensor on G36 and an e-stop on G26.
    /// </summary>
    public static class M5StackCore2
    {
        public const int PortBAnalogPin = 36;
        public const int PortBDigitalPin = 26;

        public static BoardConfig Create(string sourceId, string wifiSsid, string wifiPassword, string brokerHost)
        {
            BoardConfig config = BoardPreset.Start("M5Stack Core2", sourceId, wifiSsid, wifiPassword, brokerHost);
            BoardPreset.SpiSdCard(config, 1, 23, 38, 18, 4);
            config.ReservePin("board.lcd_cs", 5);
            config.ReservePin("board.lcd_dc", 15);
            config.ReservePin("board.i2c_sda", 21);
            config.ReservePin("board.i2c_scl", 22);
            return config;
        }
    }
}
