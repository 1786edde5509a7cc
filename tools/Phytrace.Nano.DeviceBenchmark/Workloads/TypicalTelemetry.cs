using System;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The typical event of the benchmarks: periodic telemetry of an AMR with twelve non-integer
    /// readings (battery, temperature, position, motion, an extension) as sensors report them, a
    /// few decimals each, drifting from event to event; about 608 bytes of JSON. Values are
    /// integers divided by a power of ten, so they are the doubles nearest to short decimals (what
    /// a driver that scales an ADC count or rounds a reading produces), on .NET and the device alike.
    /// </summary>
    public sealed class TypicalTelemetry
    {
        // Strings an event carries in static readonly fields, as a device app should keep them: on
        // nanoCLR a string literal allocates a string object each time it runs, so a literal in
        // the code that fills every event is an allocation per event (docs/device-differences.md).
        private static readonly string MapFrame = "map";
        private static readonly string VibrationKey = "vibration_rms_g";

        /// <summary>2026-11-27T15:04:05Z, when the first event is captured.</summary>
        public static readonly DateTime Start = Iso8601Utc.FromUnixMicros(1795791845000000L);

        // Clocks without a lock per read, as a board's are (SteppedWallClock says why).
        private readonly SteppedWallClock wall;
        private readonly SteppedTickClock tick;
        private readonly UdmEventFactory factory;
        private int index;

        public TypicalTelemetry()
        {
            wall = new SteppedWallClock(TypicalTelemetry.Start);
            tick = new SteppedTickClock();
            var identity = new NodeIdentity("amr-7", UdmSourceType.Amr, null, "phytrace-nano/0.1.0");
            factory = new UdmEventFactory(identity, wall, tick, new XorShiftRandom(17));
        }

        /// <summary>Begins the next event (100 ms after the previous one) and fills its readings.</summary>
        public void Next(UdmEvent e)
        {
            wall.AdvanceMs(100);
            tick.AdvanceMs(100);
            factory.Begin(e, UdmEventType.TelemetryPeriodic);
            Fill(e, index++);
        }

        /// <summary>Sets the readings of event number <paramref name="i"/>.</summary>
        public static void Fill(UdmEvent e, int i)
        {
            int wave = i % 64;
            PowerDomain p = e.Power;
            p.BatterySocPct.Set((7843 - (i % 700)) / 100.0);
            p.BatteryVoltageV.Set((48213 + (wave * 7)) / 1000.0);
            p.BatteryCurrentA.Set((3017 + (wave * 13)) / 1000.0);
            p.BatteryTemperatureC.Set((315 + (wave % 9)) / 10.0);
            p.PowerConsumptionW.Set((14561 + (wave * 31)) / 100.0);

            ThermalDomain t = e.Thermal;
            t.AmbientTempC.Set((4152 + (wave % 17)) / 100.0);

            LocationDomain l = e.Location;
            // Within the schema's ranges for any number of events (heading below 360).
            l.HeadingDeg.Set((2714 + (i % 850)) / 10.0);
            l.SetLocal((12532 + ((i % 5000) * 81)) / 1000.0, (4251 + ((i % 5000) * 37)) / 1000.0, 0, MapFrame);

            MotionDomain m = e.Motion;
            m.SpeedMps.Set((813 + wave) / 1000.0);
            m.LinearVelocity.Set((811 + wave) / 1000.0, 0, 0);

            e.Extensions.SetNumber(VibrationKey, (234 + (wave % 11)) / 10000.0);
        }
    }
}
