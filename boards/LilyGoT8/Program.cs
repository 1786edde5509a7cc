// LilyGO TTGO T8 V1.7.1 with its microSD slot (pin map: Phytrace.Nano.Boards.LilyGoT8).
// Sensor: TMP36 output on GPIO34 (ADC1 channel 6). E-stop: a normally-open switch from GPIO0
// to GND (the board's BOOT button is on GPIO0 too).
// Edit the identity, Wi-Fi and broker below, then deploy from Visual Studio or with nanoff.

using Phytrace.Nano.Boards;
using Phytrace.Nano.Configuration;

namespace Phytrace.Samples
{
    public class Program
    {
        private const int SensorAdcChannel = 6;
        private const int SensorGpio = 34;
        private const int EStopGpio = 0;

        public static void Main()
        {
            BoardConfig config = LilyGoT8.Create("robot-7", "my-wifi", "my-wifi-password", "192.168.1.10");
            config.ReservePin("app.temperature_sensor", SensorGpio);
            config.ReservePin("app.estop_button", EStopGpio);
            SensorNodeApp.Run(config, SensorAdcChannel, EStopGpio);
        }
    }
}
