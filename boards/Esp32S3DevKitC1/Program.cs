// ESP32-S3-DevKitC-1 + SPI microSD breakout (pin map: Phytrace.Nano.Boards.Esp32S3DevKitC1).
// Sensor: TMP36 output on GPIO4 (ADC1 channel 3). E-stop: the BOOT button (GPIO0, pulled up).
// Edit the identity, Wi-Fi and broker below, then deploy from Visual Studio or with nanoff.

using Phytrace.Nano.Boards;
using Phytrace.Nano.Configuration;

namespace Phytrace.Samples
{
    public class Program
    {
        private const int SensorAdcChannel = 3;
        private const int SensorGpio = 4;

        public static void Main()
        {
            BoardConfig config = Esp32S3DevKitC1.Create("robot-7", "my-wifi", "my-wifi-password", "192.168.1.10");
            config.ReservePin("app.temperature_sensor", SensorGpio);
            config.ReservePin("app.estop_button", Esp32S3DevKitC1.BootButtonPin);
            SensorNodeApp.Run(config, SensorAdcChannel, Esp32S3DevKitC1.BootButtonPin);
        }
    }
}
