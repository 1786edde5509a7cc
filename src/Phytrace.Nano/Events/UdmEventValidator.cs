namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Checks an event against what UDM v0.0.3 requires before it is encoded: the required envelope
    /// fields, source_id of 1..256 characters, the enums, the ranges the domain schemas state, and
    /// finite numbers everywhere. Throws <see cref="UdmValidationException"/> naming the first bad
    /// field; allocates nothing when the event is valid.
    /// </summary>
    public static class UdmEventValidator
    {
        /// <summary>Longest source_id accepted (characters).</summary>
        public const int MaxSourceIdLength = 256;

        public static void Validate(UdmEvent e)
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
            ValidatePower(e.Power);
            ValidateThermal(e.Thermal);
            ValidateLocation(e.Location);
            ValidateMotion(e.Motion);
            ValidateSafety(e.Safety);
            ValidateEnvironment(e.Environment);
            ValidateCommunication(e.Communication);
            ValidateExtensions(e.Extensions);
        }

        private static void ValidatePower(PowerDomain p)
        {
            if (p.BatterySocPct.HasValue)
            {
                if (!(p.BatterySocPct.Value >= 0 && p.BatterySocPct.Value <= 100))
                {
                    Range("power.battery.soc_pct", p.BatterySocPct.Value, 0, 100);
                }
            }
            if (p.BatteryVoltageV.HasValue)
            {
                if (p.BatteryVoltageV.Value - p.BatteryVoltageV.Value != 0)
                {
                    Finite("power.battery.voltage_v", p.BatteryVoltageV.Value);
                }
            }
            if (p.BatteryCurrentA.HasValue)
            {
                if (p.BatteryCurrentA.Value - p.BatteryCurrentA.Value != 0)
                {
                    Finite("power.battery.current_a", p.BatteryCurrentA.Value);
                }
            }
            if (p.BatteryTemperatureC.HasValue)
            {
                if (p.BatteryTemperatureC.Value - p.BatteryTemperatureC.Value != 0)
                {
                    Finite("power.battery.temperature_c", p.BatteryTemperatureC.Value);
                }
            }
            if (p.BatteryHealthPct.HasValue)
            {
                if (!(p.BatteryHealthPct.Value >= 0 && p.BatteryHealthPct.Value <= 100))
                {
                    Range("power.battery.health_pct", p.BatteryHealthPct.Value, 0, 100);
                }
            }
            if (p.PowerConsumptionW.HasValue)
            {
                if (!(p.PowerConsumptionW.Value >= 0 && p.PowerConsumptionW.Value <= double.MaxValue))
                {
                    NotNegative("power.power_consumption_w", p.PowerConsumptionW.Value);
                }
            }
            if (p.VoltageV.HasValue)
            {
                if (p.VoltageV.Value - p.VoltageV.Value != 0)
                {
                    Finite("power.voltage_v", p.VoltageV.Value);
                }
            }
            if (p.CurrentA.HasValue)
            {
                if (p.CurrentA.Value - p.CurrentA.Value != 0)
                {
                    Finite("power.current_a", p.CurrentA.Value);
                }
            }
            if (p.EstimatedRuntimeMin.HasValue)
            {
                if (!(p.EstimatedRuntimeMin.Value >= 0 && p.EstimatedRuntimeMin.Value <= double.MaxValue))
                {
                    NotNegative("power.estimated_runtime_min", p.EstimatedRuntimeMin.Value);
                }
            }
            if (p.PowerSource != PowerSource.NotSet)
            {
                PowerSourceNames.ToUdm(p.PowerSource);
            }
        }

        private static void ValidateThermal(ThermalDomain t)
        {
            if (t.AmbientTempC.HasValue)
            {
                if (t.AmbientTempC.Value - t.AmbientTempC.Value != 0)
                {
                    Finite("thermal.ambient_temp_c", t.AmbientTempC.Value);
                }
            }
            for (int i = 0; i < t.ComponentCount; i++)
            {
                double v = t.ComponentTemperatureC(i);
                if (v - v != 0)
                {
                    throw new UdmValidationException("thermal.components[" + i.ToString() + "].temperature_c", "must be a finite number");
                }
            }
            if (t.ThermalState != ThermalState.NotSet)
            {
                ThermalStateNames.ToUdm(t.ThermalState);
            }
        }

        private static void ValidateLocation(LocationDomain l)
        {
            if (l.Latitude.HasValue)
            {
                if (!(l.Latitude.Value >= -90 && l.Latitude.Value <= 90))
                {
                    Range("location.latitude", l.Latitude.Value, -90, 90);
                }
            }
            if (l.Longitude.HasValue)
            {
                if (!(l.Longitude.Value >= -180 && l.Longitude.Value <= 180))
                {
                    Range("location.longitude", l.Longitude.Value, -180, 180);
                }
            }
            if (l.AltitudeM.HasValue)
            {
                if (l.AltitudeM.Value - l.AltitudeM.Value != 0)
                {
                    Finite("location.altitude_m", l.AltitudeM.Value);
                }
            }
            if (l.HeadingDeg.HasValue)
            {
                double h = l.HeadingDeg.Value;
                if (h - h != 0 || h < 0 || h >= 360)
                {
                    throw new UdmValidationException("location.heading_deg", "must be at least 0 and below 360");
                }
            }
            if (l.LocalXM.HasValue)
            {
                if (l.LocalXM.Value - l.LocalXM.Value != 0)
                {
                    Finite("location.local.x_m", l.LocalXM.Value);
                }
            }
            if (l.LocalYM.HasValue)
            {
                if (l.LocalYM.Value - l.LocalYM.Value != 0)
                {
                    Finite("location.local.y_m", l.LocalYM.Value);
                }
            }
            if (l.LocalZM.HasValue)
            {
                if (l.LocalZM.Value - l.LocalZM.Value != 0)
                {
                    Finite("location.local.z_m", l.LocalZM.Value);
                }
            }
            if (l.HorizontalAccuracyM.HasValue)
            {
                if (!(l.HorizontalAccuracyM.Value >= 0 && l.HorizontalAccuracyM.Value <= double.MaxValue))
                {
                    NotNegative("location.horizontal_accuracy_m", l.HorizontalAccuracyM.Value);
                }
            }
        }

        private static void ValidateMotion(MotionDomain m)
        {
            if (m.SpeedMps.HasValue)
            {
                if (!(m.SpeedMps.Value >= 0 && m.SpeedMps.Value <= double.MaxValue))
                {
                    NotNegative("motion.speed_mps", m.SpeedMps.Value);
                }
            }
            if (m.CommandedLinearMps.HasValue)
            {
                if (m.CommandedLinearMps.Value - m.CommandedLinearMps.Value != 0)
                {
                    Finite("motion.commanded_linear_mps", m.CommandedLinearMps.Value);
                }
            }
            if (m.CommandedAngularDps.HasValue)
            {
                if (m.CommandedAngularDps.Value - m.CommandedAngularDps.Value != 0)
                {
                    Finite("motion.commanded_angular_dps", m.CommandedAngularDps.Value);
                }
            }
            if (HasNonFinite(m.LinearVelocity))
            {
                Vector("motion.linear_velocity", m.LinearVelocity);
            }
            if (HasNonFinite(m.AngularVelocity))
            {
                Vector("motion.angular_velocity", m.AngularVelocity);
            }
            if (HasNonFinite(m.LinearAcceleration))
            {
                Vector("motion.linear_acceleration", m.LinearAcceleration);
            }
            if (m.MotionState != MotionState.NotSet)
            {
                MotionStateNames.ToUdm(m.MotionState);
            }
        }

        private static void ValidateSafety(SafetyDomain s)
        {
            if (s.ViolationCount.HasValue && s.ViolationCount.Value < 0)
            {
                throw new UdmValidationException("safety.violation_count", "must not be negative");
            }
            if (s.SpeedLimitMps.HasValue)
            {
                if (!(s.SpeedLimitMps.Value >= 0 && s.SpeedLimitMps.Value <= double.MaxValue))
                {
                    NotNegative("safety.speed_limit_mps", s.SpeedLimitMps.Value);
                }
            }
            if (s.EStopTriggeredAtMicros.HasValue)
            {
                if (IsOutsideYears(s.EStopTriggeredAtMicros.Value))
                {
                    Timestamp("safety.e_stop.triggered_at", s.EStopTriggeredAtMicros.Value);
                }
            }
            if (s.SafetyState != SafetyState.NotSet)
            {
                SafetyStateNames.ToUdm(s.SafetyState);
            }
        }

        private static void ValidateEnvironment(EnvironmentReadings r)
        {
            if (r.TemperatureC.HasValue)
            {
                if (r.TemperatureC.Value - r.TemperatureC.Value != 0)
                {
                    Finite("context.weather.temperature_c", r.TemperatureC.Value);
                }
            }
            if (r.HumidityPct.HasValue)
            {
                if (!(r.HumidityPct.Value >= 0 && r.HumidityPct.Value <= 100))
                {
                    Range("context.weather.humidity_pct", r.HumidityPct.Value, 0, 100);
                }
            }
            if (r.PressureHpa.HasValue)
            {
                if (!(r.PressureHpa.Value >= 0 && r.PressureHpa.Value <= double.MaxValue))
                {
                    NotNegative("context.weather.pressure_hpa", r.PressureHpa.Value);
                }
            }
            if (r.IlluminanceLux.HasValue)
            {
                if (!(r.IlluminanceLux.Value >= 0 && r.IlluminanceLux.Value <= double.MaxValue))
                {
                    NotNegative("context.weather.illuminance_lux", r.IlluminanceLux.Value);
                }
            }
        }

        private static void ValidateCommunication(CommunicationDomain c)
        {
            if (c.BufferedEvents.HasValue)
            {
                if (c.BufferedEvents.Value < 0)
                {
                    NotNegative("communication.phytrace.buffered_events", c.BufferedEvents.Value);
                }
            }
            if (c.BufferBytesUsed.HasValue)
            {
                if (c.BufferBytesUsed.Value < 0)
                {
                    NotNegative("communication.phytrace.buffer_bytes_used", c.BufferBytesUsed.Value);
                }
            }
            if (c.BufferCapacityBytes.HasValue)
            {
                if (c.BufferCapacityBytes.Value < 0)
                {
                    NotNegative("communication.phytrace.buffer_capacity_bytes", c.BufferCapacityBytes.Value);
                }
            }
            if (c.DroppedEvents.HasValue)
            {
                if (c.DroppedEvents.Value < 0)
                {
                    NotNegative("communication.phytrace.dropped_events", c.DroppedEvents.Value);
                }
            }
        }

        private static void ValidateExtensions(UdmExtensions x)
        {
            for (int i = 0; i < x.Count; i++)
            {
                if (x.Kind(i) != ExtensionKind.Number)
                {
                    continue;
                }
                double v = x.NumberValue(i);
                if (v - v != 0)
                {
                    throw new UdmValidationException("extensions." + x.Key(i), "must be a finite number (NaN and Infinity are not JSON)");
                }
            }
        }

        private static void Vector(string field, Vector3 v)
        {
            if ((v.X.HasValue && !IsFinite(v.X.Value)) || (v.Y.HasValue && !IsFinite(v.Y.Value)) || (v.Z.HasValue && !IsFinite(v.Z.Value)))
            {
                throw new UdmValidationException(field, "components must be finite numbers");
            }
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
        private static bool HasNonFinite(Vector3 v)
        {
            return (v.X.HasValue && v.X.Value - v.X.Value != 0) || (v.Y.HasValue && v.Y.Value - v.Y.Value != 0) || (v.Z.HasValue && v.Z.Value - v.Z.Value != 0);
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
