// The sample every board runs (nanoFramework only; built by each board's .nfproj, not by
// Phytrace.Nano.sln). It reads an analog temperature sensor (TMP36-style, 10 mV/degC with
// 500 mV at 0 degC) every 5 s and emits it as telemetry, and emits an emergency-stop event when
// the e-stop input goes low. Events go to the durable buffer at once and reach the broker
// whenever Wi-Fi and the broker are there.

using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Esp32;
using Phytrace.Nano.Events;
using Phytrace.Nano.Node;

namespace Phytrace.Samples
{
    public static class SensorNodeApp
    {
        private const int SamplePeriodMs = 5000;

        public static void Run(BoardConfig config, int adcChannel, int estopPin)
        {
            ConfigProblems problems = config.Validate();
            if (!problems.IsValid)
            {
                Debug.WriteLine("Configuration refused:\n" + problems.ToString());
                Thread.Sleep(Timeout.Infinite);
            }

            // Mounts the SD card (or opens the ring on internal flash) and builds the node; it
            // throws with a plain message when the card is missing or unreadable.
            Esp32Node device;
            try
            {
                device = Esp32Node.Create(config);
            }
            catch (Exception e)
            {
                Debug.WriteLine("Node not started: " + e.Message);
                Thread.Sleep(Timeout.Infinite);
                return;
            }
            // Joins Wi-Fi (up to 30 s), starts SNTP once online and the uplink; offline it buffers.
            device.Start();
            PhytraceNode node = device.Node;

            var adc = new AdcController();
            AdcChannel sensor = adc.OpenChannel(adcChannel);
            int adcMax = adc.MaxValue;

            var estop = new UdmEvent();
            GpioPin button = new GpioController().OpenPin(estopPin, PinMode.InputPullUp);
            button.ValueChanged += (sender, e) =>
            {
                if (e.ChangeType != PinEventTypes.Falling)
                {
                    return;
                }
                lock (estop)
                {
                    node.BeginEvent(estop, UdmEventType.EmergencyStop);
                    estop.Safety.SafetyState = SafetyState.EmergencyStop;
                    estop.Safety.EStopActive.Set(true);
                    estop.Safety.EStopType = "hardware";
                    estop.Safety.IsSafe.Set(false);
                    node.Emit(estop);
                }
            };

            var telemetry = new UdmEvent();
            var stats = new NodeStats();
            int loops = 0;
            while (true)
            {
                int millivolts = sensor.ReadValue() * 3300 / adcMax;
                node.BeginEvent(telemetry, UdmEventType.TelemetryPeriodic);
                telemetry.Environment.TemperatureC.Set((millivolts - 500) / 10.0);
                if (!node.Emit(telemetry))
                {
                    Debug.WriteLine("telemetry not buffered (buffer full or medium error)");
                }

                if (++loops % 12 == 0)
                {
                    node.GetStats(stats);
                    Debug.WriteLine("buffered " + stats.Buffer.Count.ToString() + ", sent " + stats.Buffer.Removed.ToString() + ", dropped " + stats.Buffer.Dropped.ToString());
                }
                Thread.Sleep(SamplePeriodMs);
            }
        }
    }
}
