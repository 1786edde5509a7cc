namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Checks an event against what UDM v0.0.3 requires before it is encoded: the required envelope
    /// fields, source_id of 1..256 characters, the enums, the ranges the domain schemas state, and
    /// finite numbers everywhere. Throws <see cref="UdmValidationException"/> naming the first bad
    /// field; allocates nothing when the event is valid.
    /// </summary>
    /// <remarks>
    /// Every field a domain's IsSet reads is tested here too, so the pass also says which domains
    /// the encoder writes (<see cref="ValidateAndFindDomains"/>): on the device the domains' IsSet
    /// properties cost a quarter as much again as this whole pass, and the tests were being made twice.
    /// </remarks>
    public static class UdmEventValidator
    {
        /// <summary>Longest source_id accepted (characters).</summary>
        public const int MaxSourceIdLength = 256;

        // Bits of ValidateAndFindDomains' result: the domains whose IsSet is true.
        internal const int PowerSet = 1;
        internal const int ThermalSet = 2;
        internal const int LocationSet = 4;
        internal const int MotionSet = 8;
        internal const int SafetySet = 16;
        internal const int EnvironmentSet = 32;
        internal const int CommunicationSet = 64;
        internal const int ExtensionsSet = 128;

        // And parts of set domains the encoder would otherwise test field by field:
        // PowerDomain.HasBattery, LocationDomain.HasLocal and MotionDomain's vectors' IsSet.
        internal const int BatterySet = 256;
        internal const int LocalSet = 512;
        internal const int LinearVelocitySet = 1024;
        internal const int AngularVelocitySet = 2048;
        internal const int LinearAccelerationSet = 4096;

        public static void Validate(UdmEvent e)
        {
            ValidateAndFindDomains(e);
        }

        /// <summary>
        /// <see cref="Validate"/>, returning which domains are set (the bits above; a domain's bit
        /// is set exactly when its IsSet is true, extensions when there is at least one entry;
        /// BatterySet, LocalSet and the vectors' bits exactly when HasBattery, HasLocal and the
        /// vector's IsSet are true).
        /// </summary>
        internal static int ValidateAndFindDomains(UdmEvent e)
        {
            if (!e.HasEventId)
            {
                throw new UdmValidationException("event_id", "is required (a 16-byte UUID)");
            }
            if (!UdmEventTypeNames.IsDefined(e.EventType))
            {
                throw new UdmValidationException("event_type", "is not one of the 18 UDM event types (value " + ((int)e.EventType).ToString() + ")");
            }
            if (e.SourceId == null || e.SourceId.Length == 0)
            {
                throw new UdmValidationException("source_id", "is required (1 to 256 characters)");
            }
            if (e.SourceId.Length > MaxSourceIdLength)
            {
                throw new UdmValidationException("source_id", "is " + e.SourceId.Length.ToString() + " characters; at most 256 allowed");
            }
            if (!UdmSourceTypeNames.IsDefined(e.SourceType))
            {
                throw new UdmValidationException("source_type", "is not one of the 18 UDM source types (value " + ((int)e.SourceType).ToString() + ")");
            }
            if (!e.HasCapturedAt)
            {
                throw new UdmValidationException("captured_at", "is required");
            }
            if (IsOutsideYears(e.CapturedAtMicros))
            {
                Timestamp("captured_at", e.CapturedAtMicros);
            }
            if (e.SequenceNum.HasValue && e.SequenceNum.Value < 0)
            {
                throw new UdmValidationException("sequence_num", "must not be negative, got " + e.SequenceNum.Value.ToString());
            }
            if (e.SentAtMicros.HasValue)
            {
                if (IsOutsideYears(e.SentAtMicros.Value))
                {
                    Timestamp("sent_at", e.SentAtMicros.Value);
                }
            }
            int set = ValidatePower(e.Power);
            if (ValidateThermal(e.Thermal))
            {
                set |= ThermalSet;
            }
            set |= ValidateLocation(e.Location);
            set |= ValidateMotion(e.Motion);
            if (ValidateSafety(e.Safety))
            {
                set |= SafetySet;
            }
            if (ValidateEnvironment(e.Environment))
            {
                set |= EnvironmentSet;
            }
            if (ValidateCommunication(e.Communication))
            {
                set |= CommunicationSet;
            }
            if (ValidateExtensions(e.Extensions))
            {
                set |= ExtensionsSet;
            }
            return set;
        }

        private static int ValidatePower(PowerDomain p)
        {
            bool set = false;
            bool battery = false;
            if (p.BatterySocPct.HasValue)
            {
                battery = true;
                if (!(p.BatterySocPct.Value >= 0 && p.BatterySocPct.Value <= 100))
                {
                    Range("power.battery.soc_pct", p.BatterySocPct.Value, 0, 100);
                }
            }
            if (p.BatteryVoltageV.HasValue)
            {
                battery = true;
                if (p.BatteryVoltageV.Value - p.BatteryVoltageV.Value != 0)
                {
                    Finite("power.battery.voltage_v", p.BatteryVoltageV.Value);
                }
            }
            if (p.BatteryCurrentA.HasValue)
            {
                battery = true;
                if (p.BatteryCurrentA.Value - p.BatteryCurrentA.Value != 0)
                {
                    Finite("power.battery.current_a", p.BatteryCurrentA.Value);
                }
            }
            if (p.BatteryTemperatureC.HasValue)
            {
                battery = true;
                if (p.BatteryTemperatureC.Value - p.BatteryTemperatureC.Value != 0)
                {
                    Finite("power.battery.temperature_c", p.BatteryTemperatureC.Value);
                }
            }
            if (p.BatteryHealthPct.HasValue)
            {
                battery = true;
                if (!(p.BatteryHealthPct.Value >= 0 && p.BatteryHealthPct.Value <= 100))
                {
                    Range("power.battery.health_pct", p.BatteryHealthPct.Value, 0, 100);
                }
            }
            if (p.PowerConsumptionW.HasValue)
            {
                set = true;
                if (!(p.PowerConsumptionW.Value >= 0 && p.PowerConsumptionW.Value <= double.MaxValue))
                {
                    NotNegative("power.power_consumption_w", p.PowerConsumptionW.Value);
                }
            }
            if (p.VoltageV.HasValue)
            {
                set = true;
                if (p.VoltageV.Value - p.VoltageV.Value != 0)
                {
                    Finite("power.voltage_v", p.VoltageV.Value);
                }
            }
            if (p.CurrentA.HasValue)
            {
                set = true;
                if (p.CurrentA.Value - p.CurrentA.Value != 0)
                {
                    Finite("power.current_a", p.CurrentA.Value);
                }
            }
            if (p.EstimatedRuntimeMin.HasValue)
            {
                set = true;
                if (!(p.EstimatedRuntimeMin.Value >= 0 && p.EstimatedRuntimeMin.Value <= double.MaxValue))
                {
                    NotNegative("power.estimated_runtime_min", p.EstimatedRuntimeMin.Value);
                }
            }
            if (p.PowerSource != PowerSource.NotSet)
            {
                set = true;
                PowerSourceNames.ToUdm(p.PowerSource);
            }
            if (battery)
            {
                return PowerSet | BatterySet;
            }
            return set || p.IsCharging.HasValue ? PowerSet : 0;
        }

        private static bool ValidateThermal(ThermalDomain t)
        {
            bool set = false;
            if (t.AmbientTempC.HasValue)
            {
                set = true;
                if (t.AmbientTempC.Value - t.AmbientTempC.Value != 0)
                {
                    Finite("thermal.ambient_temp_c", t.AmbientTempC.Value);
                }
            }
            int components = t.ComponentCount;
            for (int i = 0; i < components; i++)
            {
                double v = t.ComponentTemperatureC(i);
                if (v - v != 0)
                {
                    throw new UdmValidationException("thermal.components[" + i.ToString() + "].temperature_c", "must be a finite number");
                }
            }
            if (t.ThermalState != ThermalState.NotSet)
            {
                set = true;
                ThermalStateNames.ToUdm(t.ThermalState);
            }
            return set || components > 0 || t.IsThrottling.HasValue;
        }

        private static int ValidateLocation(LocationDomain l)
        {
            bool set = false;
            bool local = false;
            if (l.Latitude.HasValue)
            {
                set = true;
                if (!(l.Latitude.Value >= -90 && l.Latitude.Value <= 90))
                {
                    Range("location.latitude", l.Latitude.Value, -90, 90);
                }
            }
            if (l.Longitude.HasValue)
            {
                set = true;
                if (!(l.Longitude.Value >= -180 && l.Longitude.Value <= 180))
                {
                    Range("location.longitude", l.Longitude.Value, -180, 180);
                }
            }
            if (l.AltitudeM.HasValue)
            {
                set = true;
                if (l.AltitudeM.Value - l.AltitudeM.Value != 0)
                {
                    Finite("location.altitude_m", l.AltitudeM.Value);
                }
            }
            if (l.HeadingDeg.HasValue)
            {
                set = true;
                double h = l.HeadingDeg.Value;
                if (h - h != 0 || h < 0 || h >= 360)
                {
                    throw new UdmValidationException("location.heading_deg", "must be at least 0 and below 360");
                }
            }
            if (l.LocalXM.HasValue)
            {
                local = true;
                if (l.LocalXM.Value - l.LocalXM.Value != 0)
                {
                    Finite("location.local.x_m", l.LocalXM.Value);
                }
            }
            if (l.LocalYM.HasValue)
            {
                local = true;
                if (l.LocalYM.Value - l.LocalYM.Value != 0)
                {
                    Finite("location.local.y_m", l.LocalYM.Value);
                }
            }
            if (l.LocalZM.HasValue)
            {
                local = true;
                if (l.LocalZM.Value - l.LocalZM.Value != 0)
                {
                    Finite("location.local.z_m", l.LocalZM.Value);
                }
            }
            if (l.HorizontalAccuracyM.HasValue)
            {
                set = true;
                if (!(l.HorizontalAccuracyM.Value >= 0 && l.HorizontalAccuracyM.Value <= double.MaxValue))
                {
                    NotNegative("location.horizontal_accuracy_m", l.HorizontalAccuracyM.Value);
                }
            }
            if (local)
            {
                return LocationSet | LocalSet;
            }
            return set || l.FrameId != null || l.MapId != null || l.Floor.HasValue ? LocationSet : 0;
        }

        private static int ValidateMotion(MotionDomain m)
        {
            bool set = false;
            int vectors = 0;
            if (m.SpeedMps.HasValue)
            {
                set = true;
                if (!(m.SpeedMps.Value >= 0 && m.SpeedMps.Value <= double.MaxValue))
                {
                    NotNegative("motion.speed_mps", m.SpeedMps.Value);
                }
            }
            if (m.CommandedLinearMps.HasValue)
            {
                set = true;
                if (m.CommandedLinearMps.Value - m.CommandedLinearMps.Value != 0)
                {
                    Finite("motion.commanded_linear_mps", m.CommandedLinearMps.Value);
                }
            }
            if (m.CommandedAngularDps.HasValue)
            {
                set = true;
                if (m.CommandedAngularDps.Value - m.CommandedAngularDps.Value != 0)
                {
                    Finite("motion.commanded_angular_dps", m.CommandedAngularDps.Value);
                }
            }
            int vector = VectorState(m.LinearVelocity);
            if (vector != VectorUnset)
            {
                vectors |= LinearVelocitySet;
                if (vector == VectorNonFinite)
                {
                    Vector("motion.linear_velocity");
                }
            }
            vector = VectorState(m.AngularVelocity);
            if (vector != VectorUnset)
            {
                vectors |= AngularVelocitySet;
                if (vector == VectorNonFinite)
                {
                    Vector("motion.angular_velocity");
                }
            }
            vector = VectorState(m.LinearAcceleration);
            if (vector != VectorUnset)
            {
                vectors |= LinearAccelerationSet;
                if (vector == VectorNonFinite)
                {
                    Vector("motion.linear_acceleration");
                }
            }
            if (m.MotionState != MotionState.NotSet)
            {
                set = true;
                MotionStateNames.ToUdm(m.MotionState);
            }
            if (vectors != 0)
            {
                return MotionSet | vectors;
            }
            return set || m.FrameId != null ? MotionSet : 0;
        }

        private static bool ValidateSafety(SafetyDomain s)
        {
            bool set = false;
            if (s.ViolationCount.HasValue)
            {
                set = true;
                if (s.ViolationCount.Value < 0)
                {
                    throw new UdmValidationException("safety.violation_count", "must not be negative");
                }
            }
            if (s.SpeedLimitMps.HasValue)
            {
                set = true;
                if (!(s.SpeedLimitMps.Value >= 0 && s.SpeedLimitMps.Value <= double.MaxValue))
                {
                    NotNegative("safety.speed_limit_mps", s.SpeedLimitMps.Value);
                }
            }
            if (s.EStopTriggeredAtMicros.HasValue)
            {
                set = true;
                if (IsOutsideYears(s.EStopTriggeredAtMicros.Value))
                {
                    Timestamp("safety.e_stop.triggered_at", s.EStopTriggeredAtMicros.Value);
                }
            }
            if (s.SafetyState != SafetyState.NotSet)
            {
                set = true;
                SafetyStateNames.ToUdm(s.SafetyState);
            }
            return set || s.IsSafe.HasValue || s.EStopActive.HasValue || s.EStopType != null || s.ProtectiveStopActive.HasValue
                || s.ProtectiveStopReason != null || s.SafetySystemOk.HasValue || s.ViolationEntries > 0;
        }

        private static bool ValidateEnvironment(EnvironmentReadings r)
        {
            bool set = false;
            if (r.TemperatureC.HasValue)
            {
                set = true;
                if (r.TemperatureC.Value - r.TemperatureC.Value != 0)
                {
                    Finite("context.weather.temperature_c", r.TemperatureC.Value);
                }
            }
            if (r.HumidityPct.HasValue)
            {
                set = true;
                if (!(r.HumidityPct.Value >= 0 && r.HumidityPct.Value <= 100))
                {
                    Range("context.weather.humidity_pct", r.HumidityPct.Value, 0, 100);
                }
            }
            if (r.PressureHpa.HasValue)
            {
                set = true;
                if (!(r.PressureHpa.Value >= 0 && r.PressureHpa.Value <= double.MaxValue))
                {
                    NotNegative("context.weather.pressure_hpa", r.PressureHpa.Value);
                }
            }
            if (r.IlluminanceLux.HasValue)
            {
                set = true;
                if (!(r.IlluminanceLux.Value >= 0 && r.IlluminanceLux.Value <= double.MaxValue))
                {
                    NotNegative("context.weather.illuminance_lux", r.IlluminanceLux.Value);
                }
            }
            return set;
        }

        private static bool ValidateCommunication(CommunicationDomain c)
        {
            bool set = false;
            if (c.BufferedEvents.HasValue)
            {
                set = true;
                if (c.BufferedEvents.Value < 0)
                {
                    NotNegative("communication.phytrace.buffered_events", c.BufferedEvents.Value);
                }
            }
            if (c.BufferBytesUsed.HasValue)
            {
                set = true;
                if (c.BufferBytesUsed.Value < 0)
                {
                    NotNegative("communication.phytrace.buffer_bytes_used", c.BufferBytesUsed.Value);
                }
            }
            if (c.BufferCapacityBytes.HasValue)
            {
                set = true;
                if (c.BufferCapacityBytes.Value < 0)
                {
                    NotNegative("communication.phytrace.buffer_capacity_bytes", c.BufferCapacityBytes.Value);
                }
            }
            if (c.DroppedEvents.HasValue)
            {
                set = true;
                if (c.DroppedEvents.Value < 0)
                {
                    NotNegative("communication.phytrace.dropped_events", c.DroppedEvents.Value);
                }
            }
            return set || c.NetworkType != null || c.NetworkConnected.HasValue || c.RssiDbm.HasValue || c.Ssid != null || c.PhytraceConnected.HasValue;
        }

        private static bool ValidateExtensions(UdmExtensions x)
        {
            int count = x.count;
            ExtensionKind[] kinds = x.kinds;
            double[] numbers = x.numbers;
            for (int i = 0; i < count; i++)
            {
                if (kinds[i] != ExtensionKind.Number)
                {
                    continue;
                }
                double v = numbers[i];
                if (v - v != 0)
                {
                    throw new UdmValidationException("extensions." + x.keys[i], "must be a finite number (NaN and Infinity are not JSON)");
                }
            }
            return count > 0;
        }

        private static void Vector(string field)
        {
            throw new UdmValidationException(field, "components must be finite numbers");
        }

        private static void Timestamp(string field, long unixMicros)
        {
            if (IsOutsideYears(unixMicros))
            {
                throw new UdmValidationException(field, "must fall in years 0001 to 9999");
            }
        }

        // The checks take the value of a field that is set: the call sites test HasValue first, so
        // an unset field (most of them) costs no call; on the device a call costs more than the test.
        private static void Finite(string field, double v)
        {
            if (!IsFinite(v))
            {
                throw new UdmValidationException(field, "must be a finite number (NaN and Infinity are not JSON)");
            }
        }

        private static void NotNegative(string field, double v)
        {
            Finite(field, v);
            if (v < 0)
            {
                throw new UdmValidationException(field, "must not be negative");
            }
        }

        private static void NotNegative(string field, long v)
        {
            if (v < 0)
            {
                throw new UdmValidationException(field, "must not be negative, got " + v.ToString());
            }
        }

        private static void Range(string field, double v, double min, double max)
        {
            Finite(field, v);
            if (v < min || v > max)
            {
                throw new UdmValidationException(field, "must be between " + ((long)min).ToString() + " and " + ((long)max).ToString());
            }
        }

        // The tests are written out at each field (v - v != 0 is true only for NaN and the
        // infinities; !(v >= min && v <= max) also catches NaN) rather than called: on the device
        // a call costs more than the test, and this runs for every field of every event. The
        // field's name (a string literal) is loaded only when a test fails: on nanoCLR every
        // execution of a string literal allocates a string object (docs/device-differences.md).
        private const int VectorUnset = 0;
        private const int VectorFinite = 1;
        private const int VectorNonFinite = 2;

        // Whether a vector is set (Vector3.IsSet) and, if so, whether all its set axes are finite.
        private static int VectorState(Vector3 v)
        {
            int state = VectorUnset;
            if (v.X.HasValue)
            {
                if (v.X.Value - v.X.Value != 0)
                {
                    return VectorNonFinite;
                }
                state = VectorFinite;
            }
            if (v.Y.HasValue)
            {
                if (v.Y.Value - v.Y.Value != 0)
                {
                    return VectorNonFinite;
                }
                state = VectorFinite;
            }
            if (v.Z.HasValue)
            {
                if (v.Z.Value - v.Z.Value != 0)
                {
                    return VectorNonFinite;
                }
                state = VectorFinite;
            }
            return state;
        }

        private static bool IsOutsideYears(long unixMicros)
        {
            // Iso8601Utc writes years 0001..9999; the schema's date-time needs four-digit years too.
            return unixMicros < -62135596800000000L || unixMicros > 253402300799999999L;
        }

        private static bool IsFinite(double v)
        {
            // NaN and the infinities are the only doubles whose difference with themselves is not 0.
            return v - v == 0;
        }
    }
}
