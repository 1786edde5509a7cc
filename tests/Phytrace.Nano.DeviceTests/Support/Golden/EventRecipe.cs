using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// Fills a <see cref="UdmEvent"/> from a random source: every domain and optional field set
    /// or left out at random, numbers mostly sensor-like decimals within each field's range (full
    /// bit patterns where the schema allows any finite number), strings over every character class
    /// (<see cref="JsonStringSet.RandomText"/>), captured_at anywhere in years 0001-9999. Or, when
    /// asked, one field made invalid in one of the ways the validator refuses.
    /// </summary>
    public static class EventRecipe
    {
        /// <summary>Invalid variants <see cref="Fill"/> can make (0 is a valid event).</summary>
        public const int Invalids = 31;

        private const long MinMicros = -62135596800000000L; // 0001-01-01T00:00:00Z
        private const long MaxMicros = 253402300799999999L; // 9999-12-31T23:59:59.999999Z

        /// <summary>Fills <paramref name="e"/> (reset first); <paramref name="invalid"/> 1..Invalids breaks one field.</summary>
        public static void Fill(UdmEvent e, XorShiftRandom r, int invalid)
        {
            e.Reset();
            var id = new byte[16];
            r.NextBytes(id, 0, 16);
            e.SetEventId(id, 0);
            e.EventType = (UdmEventType)r.NextInt(18);
            e.SourceType = (UdmSourceType)r.NextInt(18);
            e.SourceId = new string(JsonStringSet.RandomText(r, 1 + r.NextInt(30)));
            e.SetCapturedAt(Micros(r), r.NextInt(4) != 0);
            if (Chance(r))
            {
                e.SequenceNum.Set(Long(r) & long.MaxValue);
            }
            if (Chance(r))
            {
                e.SessionId = new string(JsonStringSet.RandomText(r, r.NextInt(20)));
            }
            if (Chance(r))
            {
                e.SentAtMicros.Set(Micros(r));
            }
            if (Chance(r))
            {
                e.SdkVersion = "phytrace-nano/0." + r.NextInt(100).ToString();
            }
            if (Chance(r))
            {
                Power(e.Power, r);
            }
            if (Chance(r))
            {
                Thermal(e.Thermal, r);
            }
            if (Chance(r))
            {
                Location(e.Location, r);
            }
            if (Chance(r))
            {
                Motion(e.Motion, r);
            }
            if (Chance(r))
            {
                Safety(e.Safety, r);
            }
            if (Chance(r))
            {
                Environment(e.Environment, r);
            }
            if (Chance(r))
            {
                Communication(e.Communication, r);
            }
            if (Chance(r))
            {
                Extensions(e.Extensions, r);
            }
            if (invalid > 0)
            {
                Break(e, invalid);
            }
        }

        /// <summary>A sensor-like decimal: up to <paramref name="digits"/> digits, 0-4 decimals, at least <paramref name="min"/>.</summary>
        public static double Decimal(XorShiftRandom r, int digits, double min)
        {
            int limit = 1;
            for (int i = 0; i < digits; i++)
            {
                limit *= 10;
            }
            int decimals = r.NextInt(5);
            double scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }
            double value = r.NextInt(limit) / scale;
            if (min < 0 && r.NextInt(2) == 0)
            {
                value = -value;
            }
            return value < min ? min : value;
        }

        private static bool Chance(XorShiftRandom r)
        {
            return r.NextInt(2) == 0;
        }

        private static long Long(XorShiftRandom r)
        {
            ulong raw = r.NextUInt64();
            long value = (long)raw;
            return value;
        }

        private static long Micros(XorShiftRandom r)
        {
            long span = MaxMicros - MinMicros;
            long offset = Long(r) & long.MaxValue;
            return MinMicros + (offset % span);
        }

        // Any finite double from random bits, for fields the schema does not bound.
        private static double AnyFinite(XorShiftRandom r)
        {
            long bits = Long(r);
            if (((bits >> 52) & 0x7FF) == 0x7FF)
            {
                bits ^= 0x4000000000000000L;
            }
            return System.BitConverter.Int64BitsToDouble(bits);
        }

        private static double Unbounded(XorShiftRandom r)
        {
            return r.NextInt(5) == 0 ? AnyFinite(r) : Decimal(r, 6, -1e9);
        }

        private static void Power(PowerDomain p, XorShiftRandom r)
        {
            if (Chance(r)) { p.BatterySocPct.Set(Decimal(r, 2, 0)); }
            if (Chance(r)) { p.BatteryVoltageV.Set(Unbounded(r)); }
            if (Chance(r)) { p.BatteryCurrentA.Set(Unbounded(r)); }
            if (Chance(r)) { p.BatteryTemperatureC.Set(Unbounded(r)); }
            if (Chance(r)) { p.BatteryHealthPct.Set(Decimal(r, 2, 0)); }
            if (Chance(r)) { p.IsCharging.Set(Chance(r)); }
            if (Chance(r)) { p.PowerConsumptionW.Set(Decimal(r, 5, 0)); }
            p.PowerSource = (PowerSource)r.NextInt(6);
            if (Chance(r)) { p.VoltageV.Set(Unbounded(r)); }
            if (Chance(r)) { p.CurrentA.Set(Unbounded(r)); }
            if (Chance(r)) { p.EstimatedRuntimeMin.Set(Decimal(r, 4, 0)); }
        }

        private static void Thermal(ThermalDomain t, XorShiftRandom r)
        {
            t.ThermalState = (ThermalState)r.NextInt(6);
            if (Chance(r)) { t.AmbientTempC.Set(Unbounded(r)); }
            if (Chance(r)) { t.IsThrottling.Set(Chance(r)); }
            int components = r.NextInt(ThermalDomain.ComponentCapacity + 1);
            for (int i = 0; i < components; i++)
            {
                t.AddComponent(new string(JsonStringSet.RandomText(r, 1 + r.NextInt(8))), Unbounded(r));
            }
        }

        private static void Location(LocationDomain l, XorShiftRandom r)
        {
            if (Chance(r)) { l.SetGeo((r.NextInt(180000001) / 1e6) - 90, (r.NextInt(360000001) / 1e6) - 180); }
            if (Chance(r)) { l.AltitudeM.Set(Unbounded(r)); }
            if (Chance(r)) { l.HeadingDeg.Set(r.NextInt(3600000) / 1e4); }
            if (Chance(r)) { l.SetLocal(Unbounded(r), Unbounded(r), Unbounded(r), new string(JsonStringSet.RandomText(r, r.NextInt(10)))); }
            if (Chance(r)) { l.HorizontalAccuracyM.Set(Decimal(r, 3, 0)); }
            if (Chance(r)) { l.MapId = new string(JsonStringSet.RandomText(r, r.NextInt(10))); }
            if (Chance(r)) { l.Floor.Set(r.NextInt(200) - 100); }
        }

        private static void Motion(MotionDomain m, XorShiftRandom r)
        {
            if (Chance(r)) { m.SpeedMps.Set(Decimal(r, 3, 0)); }
            m.MotionState = (MotionState)r.NextInt(7);
            if (Chance(r)) { m.FrameId = new string(JsonStringSet.RandomText(r, r.NextInt(6))); }
            if (Chance(r)) { m.CommandedLinearMps.Set(Unbounded(r)); }
            if (Chance(r)) { m.CommandedAngularDps.Set(Unbounded(r)); }
            if (Chance(r)) { m.LinearVelocity.Set(Unbounded(r), Unbounded(r), Unbounded(r)); }
            if (Chance(r)) { m.AngularVelocity.Set(Unbounded(r), Unbounded(r), Unbounded(r)); }
            if (Chance(r)) { m.LinearAcceleration.X.Set(Unbounded(r)); }
        }

        private static void Safety(SafetyDomain s, XorShiftRandom r)
        {
            s.SafetyState = (SafetyState)r.NextInt(7);
            if (Chance(r)) { s.IsSafe.Set(Chance(r)); }
            if (Chance(r)) { s.EStopActive.Set(Chance(r)); }
            if (Chance(r)) { s.EStopType = new string(JsonStringSet.RandomText(r, 1 + r.NextInt(8))); }
            if (Chance(r)) { s.EStopTriggeredAtMicros.Set(Micros(r)); }
            if (Chance(r)) { s.ProtectiveStopActive.Set(Chance(r)); }
            if (Chance(r)) { s.ProtectiveStopReason = new string(JsonStringSet.RandomText(r, r.NextInt(12))); }
            if (Chance(r)) { s.ViolationCount.Set(r.NextInt(1000)); }
            if (Chance(r)) { s.SpeedLimitMps.Set(Decimal(r, 2, 0)); }
            if (Chance(r)) { s.SafetySystemOk.Set(Chance(r)); }
            int violations = r.NextInt(SafetyDomain.ViolationCapacity + 1);
            for (int i = 0; i < violations; i++)
            {
                s.AddViolation(new string(JsonStringSet.RandomText(r, 1 + r.NextInt(8))), Chance(r) ? "warning" : null, Chance(r) ? new string(JsonStringSet.RandomText(r, r.NextInt(5))) : null);
            }
        }

        private static void Environment(EnvironmentReadings v, XorShiftRandom r)
        {
            if (Chance(r)) { v.TemperatureC.Set(Unbounded(r)); }
            if (Chance(r)) { v.HumidityPct.Set(Decimal(r, 2, 0)); }
            if (Chance(r)) { v.PressureHpa.Set(Decimal(r, 4, 0)); }
            if (Chance(r)) { v.IlluminanceLux.Set(Decimal(r, 6, 0)); }
        }

        private static void Communication(CommunicationDomain c, XorShiftRandom r)
        {
            if (Chance(r)) { c.NetworkType = Chance(r) ? "wifi" : "cellular"; }
            if (Chance(r)) { c.NetworkConnected.Set(Chance(r)); }
            if (Chance(r)) { c.RssiDbm.Set(-r.NextInt(120)); }
            if (Chance(r)) { c.Ssid = new string(JsonStringSet.RandomText(r, r.NextInt(16))); }
            if (Chance(r)) { c.PhytraceConnected.Set(Chance(r)); }
            if (Chance(r)) { c.BufferedEvents.Set(Long(r) & 0xFFFFFFFFFFL); }
            if (Chance(r)) { c.BufferBytesUsed.Set(Long(r) & 0xFFFFFFFFFFL); }
            if (Chance(r)) { c.BufferCapacityBytes.Set(Long(r) & long.MaxValue); }
            if (Chance(r)) { c.DroppedEvents.Set(r.NextInt(100000)); }
        }

        private static void Extensions(UdmExtensions x, XorShiftRandom r)
        {
            int entries = 1 + r.NextInt(x.Capacity);
            for (int i = 0; i < entries; i++)
            {
                string key = "custom_" + r.NextInt(12).ToString();
                switch (r.NextInt(4))
                {
                    case 0: x.SetString(key, new string(JsonStringSet.RandomText(r, r.NextInt(12)))); break;
                    case 1: x.SetNumber(key, Unbounded(r)); break;
                    case 2: x.SetInteger(key, Long(r)); break;
                    default: x.SetBoolean(key, Chance(r)); break;
                }
            }
        }

        // One field made invalid, each way the validator refuses.
        private static void Break(UdmEvent e, int which)
        {
            double nan = double.NaN;
            double infinity = double.PositiveInfinity;
            switch (which)
            {
                case 1: e.HasEventId = false; break;
                case 2: e.EventType = (UdmEventType)18; break;
                case 3: e.SourceId = string.Empty; break;
                case 4: e.SourceId = new string('s', 257); break;
                case 5: e.SourceType = (UdmSourceType)(-1); break;
                case 6: e.HasCapturedAt = false; break;
                case 7: e.SetCapturedAt(MaxMicros + 1, true); break;
                case 8: e.SequenceNum.Set(-1); break;
                case 9: e.SentAtMicros.Set(MinMicros - 1); break;
                case 10: e.Power.BatterySocPct.Set(100.000001); break;
                case 11: e.Power.BatteryVoltageV.Set(nan); break;
                case 12: e.Power.BatteryHealthPct.Set(-0.5); break;
                case 13: e.Power.PowerConsumptionW.Set(-1); break;
                case 14: e.Power.EstimatedRuntimeMin.Set(-infinity); break;
                case 15: e.Thermal.Reset(); e.Thermal.AddComponent("cpu", infinity); break;
                case 16: e.Location.Latitude.Set(90.5); break;
                case 17: e.Location.Longitude.Set(-180.25); break;
                case 18: e.Location.HeadingDeg.Set(360); break;
                case 19: e.Location.AltitudeM.Set(nan); break;
                case 20: e.Location.HorizontalAccuracyM.Set(-2); break;
                case 21: e.Motion.SpeedMps.Set(-0.1); break;
                case 22: e.Motion.AngularVelocity.Set(0, nan, 0); break;
                case 23: e.Safety.ViolationCount.Set(-3); break;
                case 24: e.Safety.SpeedLimitMps.Set(-1); break;
                case 25: e.Safety.EStopTriggeredAtMicros.Set(MaxMicros + 1000); break;
                case 26: e.Environment.HumidityPct.Set(101); break;
                case 27: e.Environment.PressureHpa.Set(-1013); break;
                case 28: e.Communication.BufferedEvents.Set(-1); break;
                case 29: e.Communication.DroppedEvents.Set(long.MinValue); break;
                case 30: e.Extensions.Reset(); e.Extensions.SetNumber("custom_bad", nan); break;
                default: e.Motion.CommandedLinearMps.Set(infinity); break;
            }
        }
    }
}
