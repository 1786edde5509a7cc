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
            // Read once: on the device a string's Length is a call.
            string? source = e.SourceId;
            int sourceLength = source == null ? 0 : source.Length;
            if (sourceLength == 0)
            {
                throw new UdmValidationException("source_id", "is required (1 to 256 characters)");
            }
            if (sourceLength > MaxSourceIdLength)
            {
                throw new UdmValidationException("source_id", "is " + sourceLength.ToString() + " characters; at most 256 allowed");
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
            // The domains in one method, each in its own block: on the device a call per domain
            // cost more than the tests of an unset domain's fields.
            int set = 0;
            {
                PowerDomain p = e.Power;
                bool any = false;
                bool battery = false;
                double v;
                if (p.BatterySocPct.HasValue)
                {
                    battery = true;
                    v = p.BatterySocPct.Value;
                    if (!(v >= 0 && v <= 100))
                    {
                        Range("power.battery.soc_pct", v, 0, 100);
                    }
                }
                if (p.BatteryVoltageV.HasValue)
                {
                    battery = true;
                    v = p.BatteryVoltageV.Value;
                    if (v - v != 0)
                    {
                        Finite("power.battery.voltage_v", v);
                    }
                }
                if (p.BatteryCurrentA.HasValue)
                {
                    battery = true;
                    v = p.BatteryCurrentA.Value;
                    if (v - v != 0)
                    {
                        Finite("power.battery.current_a", v);
                    }
                }
                if (p.BatteryTemperatureC.HasValue)
                {
                    battery = true;
                    v = p.BatteryTemperatureC.Value;
                    if (v - v != 0)
                    {
                        Finite("power.battery.temperature_c", v);
                    }
                }
                if (p.BatteryHealthPct.HasValue)
                {
                    battery = true;
                    v = p.BatteryHealthPct.Value;
                    if (!(v >= 0 && v <= 100))
                    {
                        Range("power.battery.health_pct", v, 0, 100);
                    }
                }
                if (p.PowerConsumptionW.HasValue)
                {
                    any = true;
                    v = p.PowerConsumptionW.Value;
                    if (!(v >= 0 && v <= double.MaxValue))
                    {
                        NotNegative("power.power_consumption_w", v);
                    }
                }
                if (p.VoltageV.HasValue)
                {
                    any = true;
                    v = p.VoltageV.Value;
                    if (v - v != 0)
                    {
                        Finite("power.voltage_v", v);
                    }
                }
                if (p.CurrentA.HasValue)
                {
                    any = true;
                    v = p.CurrentA.Value;
                    if (v - v != 0)
                    {
                        Finite("power.current_a", v);
                    }
                }
                if (p.EstimatedRuntimeMin.HasValue)
                {
                    any = true;
                    v = p.EstimatedRuntimeMin.Value;
                    if (!(v >= 0 && v <= double.MaxValue))
                    {
                        NotNegative("power.estimated_runtime_min", v);
                    }
                }
                if (p.PowerSource != PowerSource.NotSet)
                {
                    any = true;
                    PowerSourceNames.ToUdm(p.PowerSource);
                }
                if (battery)
                {
                    set = PowerSet | BatterySet;
                }
                else if (any || p.IsCharging.HasValue)
                {
                    set = PowerSet;
                }
            }
            {
                ThermalDomain t = e.Thermal;
                bool any = false;
                if (t.AmbientTempC.HasValue)
                {
                    any = true;
                    double v = t.AmbientTempC.Value;
                    if (v - v != 0)
                    {
                        Finite("thermal.ambient_temp_c", v);
                    }
                }
                int components = t.componentCount;
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
                    any = true;
                    ThermalStateNames.ToUdm(t.ThermalState);
                }
                if (any || components > 0 || t.IsThrottling.HasValue)
                {
                    set |= ThermalSet;
                }
            }
            {
                LocationDomain l = e.Location;
                bool any = false;
                bool local = false;
                double v;
                if (l.Latitude.HasValue)
                {
                    any = true;
                    v = l.Latitude.Value;
                    if (!(v >= -90 && v <= 90))
                    {
                        Range("location.latitude", v, -90, 90);
                    }
                }
                if (l.Longitude.HasValue)
                {
                    any = true;
                    v = l.Longitude.Value;
                    if (!(v >= -180 && v <= 180))
                    {
                        Range("location.longitude", v, -180, 180);
                    }
                }
                if (l.AltitudeM.HasValue)
                {
                    any = true;
                    v = l.AltitudeM.Value;
                    if (v - v != 0)
                    {
                        Finite("location.altitude_m", v);
                    }
                }
                if (l.HeadingDeg.HasValue)
                {
                    any = true;
                    v = l.HeadingDeg.Value;
                    if (v - v != 0 || v < 0 || v >= 360)
                    {
                        throw new UdmValidationException("location.heading_deg", "must be at least 0 and below 360");
                    }
                }
                if (l.LocalXM.HasValue)
                {
                    local = true;
                    v = l.LocalXM.Value;
                    if (v - v != 0)
                    {
                        Finite("location.local.x_m", v);
                    }
                }
                if (l.LocalYM.HasValue)
                {
                    local = true;
                    v = l.LocalYM.Value;
                    if (v - v != 0)
                    {
                        Finite("location.local.y_m", v);
                    }
                }
                if (l.LocalZM.HasValue)
                {
                    local = true;
                    v = l.LocalZM.Value;
                    if (v - v != 0)
                    {
                        Finite("location.local.z_m", v);
                    }
                }
                if (l.HorizontalAccuracyM.HasValue)
                {
                    any = true;
                    v = l.HorizontalAccuracyM.Value;
                    if (!(v >= 0 && v <= double.MaxValue))
                    {
                        NotNegative("location.horizontal_accuracy_m", v);
                    }
                }
                if (local)
                {
                    set |= LocationSet | LocalSet;
                }
                else if (any || l.FrameId != null || l.MapId != null || l.Floor.HasValue)
                {
                    set |= LocationSet;
                }
            }
            {
                MotionDomain m = e.Motion;
                bool any = false;
                double v;
                if (m.SpeedMps.HasValue)
                {
                    any = true;
                    v = m.SpeedMps.Value;
                    if (!(v >= 0 && v <= double.MaxValue))
                    {
                        NotNegative("motion.speed_mps", v);
                    }
                }
                if (m.CommandedLinearMps.HasValue)
                {
                    any = true;
                    v = m.CommandedLinearMps.Value;
                    if (v - v != 0)
                    {
                        Finite("motion.commanded_linear_mps", v);
                    }
                }
                if (m.CommandedAngularDps.HasValue)
                {
                    any = true;
                    v = m.CommandedAngularDps.Value;
                    if (v - v != 0)
                    {
                        Finite("motion.commanded_angular_dps", v);
                    }
                }
                int vectors = Vectors(m);
                if (m.MotionState != MotionState.NotSet)
                {
                    any = true;
                    MotionStateNames.ToUdm(m.MotionState);
                }
                if (vectors != 0)
                {
                    set |= MotionSet | vectors;
                }
                else if (any || m.FrameId != null)
                {
                    set |= MotionSet;
                }
            }
            {
                SafetyDomain s = e.Safety;
                bool any = false;
                if (s.ViolationCount.HasValue)
                {
                    any = true;
                    if (s.ViolationCount.Value < 0)
                    {
                        throw new UdmValidationException("safety.violation_count", "must not be negative");
                    }
                }
                if (s.SpeedLimitMps.HasValue)
                {
                    any = true;
                    double v = s.SpeedLimitMps.Value;
                    if (!(v >= 0 && v <= double.MaxValue))
                    {
                        NotNegative("safety.speed_limit_mps", v);
                    }
                }
                if (s.EStopTriggeredAtMicros.HasValue)
                {
                    any = true;
                    if (IsOutsideYears(s.EStopTriggeredAtMicros.Value))
                    {
                        Timestamp("safety.e_stop.triggered_at", s.EStopTriggeredAtMicros.Value);
                    }
                }
                if (s.SafetyState != SafetyState.NotSet)
                {
                    any = true;
                    SafetyStateNames.ToUdm(s.SafetyState);
                }
                if (any || s.IsSafe.HasValue || s.EStopActive.HasValue || s.EStopType != null || s.ProtectiveStopActive.HasValue
                    || s.ProtectiveStopReason != null || s.SafetySystemOk.HasValue || s.violationCount > 0)
                {
                    set |= SafetySet;
                }
            }
            {
                EnvironmentReadings r = e.Environment;
                bool any = false;
                double v;
                if (r.TemperatureC.HasValue)
                {
                    any = true;
                    v = r.TemperatureC.Value;
                    if (v - v != 0)
                    {
                        Finite("context.weather.temperature_c", v);
                    }
                }
                if (r.HumidityPct.HasValue)
                {
                    any = true;
                    v = r.HumidityPct.Value;
                    if (!(v >= 0 && v <= 100))
                    {
                        Range("context.weather.humidity_pct", v, 0, 100);
                    }
                }
                if (r.PressureHpa.HasValue)
                {
                    any = true;
                    v = r.PressureHpa.Value;
                    if (!(v >= 0 && v <= double.MaxValue))
                    {
                        NotNegative("context.weather.pressure_hpa", v);
                    }
                }
                if (r.IlluminanceLux.HasValue)
                {
                    any = true;
                    v = r.IlluminanceLux.Value;
                    if (!(v >= 0 && v <= double.MaxValue))
                    {
                        NotNegative("context.weather.illuminance_lux", v);
                    }
                }
                if (any)
                {
                    set |= EnvironmentSet;
                }
            }
            {
                CommunicationDomain c = e.Communication;
                bool any = false;
                if (c.BufferedEvents.HasValue)
                {
                    any = true;
                    if (c.BufferedEvents.Value < 0)
                    {
                        NotNegative("communication.phytrace.buffered_events", c.BufferedEvents.Value);
                    }
                }
                if (c.BufferBytesUsed.HasValue)
                {
                    any = true;
                    if (c.BufferBytesUsed.Value < 0)
                    {
                        NotNegative("communication.phytrace.buffer_bytes_used", c.BufferBytesUsed.Value);
                    }
                }
                if (c.BufferCapacityBytes.HasValue)
                {
                    any = true;
                    if (c.BufferCapacityBytes.Value < 0)
                    {
                        NotNegative("communication.phytrace.buffer_capacity_bytes", c.BufferCapacityBytes.Value);
                    }
                }
                if (c.DroppedEvents.HasValue)
                {
                    any = true;
                    if (c.DroppedEvents.Value < 0)
                    {
                        NotNegative("communication.phytrace.dropped_events", c.DroppedEvents.Value);
                    }
                }
                if (any || c.NetworkType != null || c.NetworkConnected.HasValue || c.RssiDbm.HasValue || c.Ssid != null || c.PhytraceConnected.HasValue)
                {
                    set |= CommunicationSet;
                }
            }
            {
                UdmExtensions x = e.Extensions;
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
                if (count > 0)
                {
                    set |= ExtensionsSet;
                }
            }
            return set;
        }

        // The bits of motion's vectors that are set (Vector3.IsSet), throwing for the first whose
        // set axes are not all finite. One call for the three.
        private static int Vectors(MotionDomain m)
        {
            int vectors = 0;
            int vector = VectorState(m.LinearVelocity);
            if (vector != VectorUnset)
            {
                vectors = LinearVelocitySet;
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
            return vectors;
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
