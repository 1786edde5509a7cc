// ESP32-DevKitC V4 + SPI microSD breakout (pin map: Phytrace.Nano.Boards.Esp32DevKitCSpiSd).
// Sensor: TMP36 output on GPIO34 (ADC1 channel 6). E-stop: the BOOT button (GPIO0, pulled up).
// Edit the identity, Wi-Fi and broker below, then deploy from Visual Studio or with nanoff.

using Phytrace.Nano.Boards;
using Phytrace.Nano.Configuration;

namespace Phytrace.Samples
{
    public class Program
    {
        private const int SensorAdcChannel = 6;
        private const int SensorGpio = 34;

        public static void Main()
        {
            BoardConfig config = Esp32DevKitCSpiSd.Create("robot-7", "my-wifi", "my-wifi-password", "192.168.1.10");
            config.ReservePin("app.temperature_sensor", SensorGpio);
            config.ReservePin("app.estop_button", Esp32DevKitCSpiSd.BootButtonPin);
            SensorNodeApp.Run(config, SensorAdcChannel, Esp32DevKitCSpiSd.BootButtonPin);
        }
    }
}
