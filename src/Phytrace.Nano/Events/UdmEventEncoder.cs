namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Validates a <see cref="UdmEvent"/> and writes it as compact UTF-8 JSON into a caller's buffer,
    /// allocating nothing per event. Field order: the envelope, then power, thermal, location,
    /// motion, safety, context (environment readings), communication, extensions. Not thread-safe:
    /// one encoder per producing thread.
    /// </summary>
    public sealed class UdmEventEncoder
    {
        private readonly JsonWriter w = new JsonWriter();

        /// <summary>
        /// Encodes <paramref name="e"/> at buffer[offset], using at most <paramref name="count"/> bytes;
        /// returns the bytes written. Throws <see cref="UdmValidationException"/> for an invalid event
        /// and <see cref="JsonBufferTooSmallException"/> when it does not fit.
        /// </summary>
        public int Encode(UdmEvent e, byte[] buffer, int offset, int count)
        {
            UdmEventValidator.Validate(e);
            w.Reset(buffer, offset, count);
            w.WriteStartObject();
            w.WriteString("udm_version", UdmEvent.UdmVersion);
            w.WriteUuid("event_id", e.EventId, 0);
            w.WriteString("event_type", UdmEventTypeNames.ToUdm(e.EventType));
            w.WriteString("source_id", e.SourceId);
            w.WriteString("source_type", UdmSourceTypeNames.ToUdm(e.SourceType));
            w.WriteTimestamp("captured_at", e.CapturedAtMicros);
            if (e.SentAtMicros.HasValue)
            {
                w.WriteTimestamp("sent_at", e.SentAtMicros.Value);
            }
            if (e.SequenceNum.HasValue)
            {
                w.WriteNumber("sequence_num", e.SequenceNum.Value);
            }
            OptionalString("session_id", e.SessionId);
            OptionalString("sdk_version", e.SdkVersion);
            if (e.Power.IsSet)
            {
                WritePower(e.Power);
            }
            if (e.Thermal.IsSet)
            {
                WriteThermal(e.Thermal);
            }
            if (e.Location.IsSet)
            {
                WriteLocation(e.Location);
            }
            if (e.Motion.IsSet)
            {
                WriteMotion(e.Motion);
            }
            if (e.Safety.IsSet)
            {
                WriteSafety(e.Safety);
            }
            if (e.Environment.IsSet)
            {
                WriteEnvironment(e.Environment);
            }
            if (e.Communication.IsSet)
            {
                WriteCommunication(e.Communication);
            }
            if (e.Extensions.Count > 0)
            {
                WriteExtensions(e.Extensions);
            }
            w.WriteEndObject();
            return w.Length;
        }

        private void WritePower(PowerDomain p)
        {
            w.WriteStartObject("power");
            if (p.HasBattery)
            {
                w.WriteStartObject("battery");
                Number("soc_pct", p.BatterySocPct);
                Number("voltage_v", p.BatteryVoltageV);
                Number("current_a", p.BatteryCurrentA);
                Number("temperature_c", p.BatteryTemperatureC);
                Number("health_pct", p.BatteryHealthPct);
                w.WriteEndObject();
            }
            if (p.IsCharging.HasValue)
            {
                w.WriteStartObject("charging");
                w.WriteBool("is_charging", p.IsCharging.Value);
                w.WriteEndObject();
            }
            Number("power_consumption_w", p.PowerConsumptionW);
            if (p.PowerSource != PowerSource.NotSet)
            {
                w.WriteString("power_source", PowerSourceNames.ToUdm(p.PowerSource));
            }
            Number("voltage_v", p.VoltageV);
            Number("current_a", p.CurrentA);
            Number("estimated_runtime_min", p.EstimatedRuntimeMin);
            w.WriteEndObject();
        }

        private void WriteThermal(ThermalDomain t)
        {
            w.WriteStartObject("thermal");
            if (t.ThermalState != ThermalState.NotSet)
            {
                w.WriteString("thermal_state", ThermalStateNames.ToUdm(t.ThermalState));
            }
            if (t.ComponentCount > 0)
            {
                w.WriteStartArray("components");
                for (int i = 0; i < t.ComponentCount; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("component_id", t.ComponentId(i));
                    w.WriteNumber("temperature_c", t.ComponentTemperatureC(i));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Number("ambient_temp_c", t.AmbientTempC);
            Bool("is_throttling", t.IsThrottling);
            w.WriteEndObject();
        }

        private void WriteLocation(LocationDomain l)
        {
            w.WriteStartObject("location");
            Number("latitude", l.Latitude);
            Number("longitude", l.Longitude);
            Number("altitude_m", l.AltitudeM);
            Number("heading_deg", l.HeadingDeg);
            if (l.HasLocal)
            {
                w.WriteStartObject("local");
                Number("x_m", l.LocalXM);
                Number("y_m", l.LocalYM);
                Number("z_m", l.LocalZM);
                w.WriteEndObject();
            }
            Number("horizontal_accuracy_m", l.HorizontalAccuracyM);
            OptionalString("frame_id", l.FrameId);
            OptionalString("map_id", l.MapId);
            if (l.Floor.HasValue)
            {
                w.WriteNumber("floor", l.Floor.Value);
            }
            w.WriteEndObject();
        }

        private void WriteMotion(MotionDomain m)
        {
            w.WriteStartObject("motion");
            Number("speed_mps", m.SpeedMps);
            if (m.MotionState != MotionState.NotSet)
            {
                w.WriteString("motion_state", MotionStateNames.ToUdm(m.MotionState));
            }
            OptionalString("frame_id", m.FrameId);
            Number("commanded_linear_mps", m.CommandedLinearMps);
            Number("commanded_angular_dps", m.CommandedAngularDps);
            Vector("linear_velocity", m.LinearVelocity);
            Vector("angular_velocity", m.AngularVelocity);
            Vector("linear_acceleration", m.LinearAcceleration);
            w.WriteEndObject();
        }

        private void WriteSafety(SafetyDomain s)
        {
            w.WriteStartObject("safety");
            if (s.SafetyState != SafetyState.NotSet)
            {
                w.WriteString("safety_state", SafetyStateNames.ToUdm(s.SafetyState));
            }
            Bool("is_safe", s.IsSafe);
            if (s.HasEStop)
            {
                w.WriteStartObject("e_stop");
                Bool("is_active", s.EStopActive);
                OptionalString("type", s.EStopType);
                if (s.EStopTriggeredAtMicros.HasValue)
                {
                    w.WriteTimestamp("triggered_at", s.EStopTriggeredAtMicros.Value);
                }
                w.WriteEndObject();
            }
            Bool("protective_stop_active", s.ProtectiveStopActive);
            OptionalString("protective_stop_reason", s.ProtectiveStopReason);
            if (s.ViolationCount.HasValue)
            {
                w.WriteNumber("violation_count", s.ViolationCount.Value);
            }
            else if (s.ViolationEntries > 0)
            {
                w.WriteNumber("violation_count", s.ViolationEntries);
            }
            if (s.ViolationEntries > 0)
            {
                w.WriteStartArray("violations");
                for (int i = 0; i < s.ViolationEntries; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("type", s.ViolationType(i));
                    OptionalString("severity", s.ViolationSeverity(i));
                    OptionalString("zone_id", s.ViolationZoneId(i));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Number("speed_limit_mps", s.SpeedLimitMps);
            Bool("safety_system_ok", s.SafetySystemOk);
            w.WriteEndObject();
        }

        private void WriteEnvironment(EnvironmentReadings r)
        {
            w.WriteStartObject("context");
            w.WriteStartObject("weather");
            Number("temperature_c", r.TemperatureC);
            Number("humidity_pct", r.HumidityPct);
            Number("pressure_hpa", r.PressureHpa);
            Number("illuminance_lux", r.IlluminanceLux);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteCommunication(CommunicationDomain c)
        {
            w.WriteStartObject("communication");
            if (c.HasNetwork)
            {
                w.WriteStartObject("network");
                OptionalString("type", c.NetworkType);
                Bool("connected", c.NetworkConnected);
                Integer("rssi_dbm", c.RssiDbm);
                OptionalString("ssid", c.Ssid);
                w.WriteEndObject();
            }
            if (c.HasPhytrace)
            {
                w.WriteStartObject("phytrace");
                Bool("connected", c.PhytraceConnected);
                Integer("buffered_events", c.BufferedEvents);
                Integer("buffer_bytes_used", c.BufferBytesUsed);
                Integer("buffer_capacity_bytes", c.BufferCapacityBytes);
                Integer("dropped_events", c.DroppedEvents);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }

        private void WriteExtensions(UdmExtensions x)
        {
            w.WriteStartObject("extensions");
            for (int i = 0; i < x.Count; i++)
            {
                string key = x.Key(i);
                switch (x.Kind(i))
                {
                    case ExtensionKind.String:
                        w.WriteString(key, x.StringValue(i));
                        break;
                    case ExtensionKind.Number:
                        w.WriteNumber(key, x.NumberValue(i));
                        break;
                    case ExtensionKind.Integer:
                        w.WriteNumber(key, x.IntegerValue(i));
                        break;
                    default:
                        w.WriteBool(key, x.BooleanValue(i));
                        break;
                }
            }
            w.WriteEndObject();
        }

        private void Vector(string name, Vector3 v)
        {
            if (!v.IsSet)
            {
                return;
            }
            w.WriteStartObject(name);
            Number("x", v.X);
            Number("y", v.Y);
            Number("z", v.Z);
            w.WriteEndObject();
        }

        private void Number(string name, OptionalDouble v)
        {
            if (v.HasValue)
            {
                w.WriteNumber(name, v.Value);
            }
        }

        private void Integer(string name, OptionalLong v)
        {
            if (v.HasValue)
            {
                w.WriteNumber(name, v.Value);
            }
        }

        private void Bool(string name, OptionalBool v)
        {
            if (v.HasValue)
            {
                w.WriteBool(name, v.Value);
            }
        }

        private void OptionalString(string name, string? value)
        {
            if (value != null)
            {
                w.WriteString(name, value);
            }
        }
    }
}
