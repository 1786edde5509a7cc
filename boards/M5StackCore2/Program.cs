// M5Stack Core2 (pin map: Phytrace.Nano.Boards.M5StackCore2).
// Sensor: TMP36 output on Port B G36 (ADC1 channel 0). E-stop: a normally-open switch from
// Port B G26 to GND (internal pull-up).
// Edit the identity, Wi-Fi and broker below, then deploy from Visual Studio or with nanoff.

using Phytrace.Nano.Boards;
using Phytrace.Nano.Configuration;

namespace Phytrace.Samples
{
    public class Program
    {
        private const int SensorAdcChannel = 0;

        public static void Main()
        {
            BoardConfig config = M5StackCore2.Create("robot-7", "my-wifi", "my-wifi-password", "192.168.1.10");
            config.ReservePin("app.temperature_sensor", M5StackCore2.PortBAnalogPin);
            config.ReservePin("app.estop_button", M5StackCore2.PortBDigitalPin);
            SensorNodeApp.Run(config, SensorAdcChannel, M5StackCore2.PortBDigitalPin);
        }
    }
}
