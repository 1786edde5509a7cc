using N = Phytrace.Nano.Events.UdmJsonNames;

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
            w.WriteString(N.UdmVersion, UdmEvent.UdmVersion);
            w.WriteUuid(N.EventId, e.EventId, 0);
            w.WriteString(N.EventType, UdmEventTypeNames.ToUdm(e.EventType));
            w.WriteString(N.SourceId, e.SourceId);
            w.WriteString(N.SourceType, UdmSourceTypeNames.ToUdm(e.SourceType));
            w.WriteTimestamp(N.CapturedAt, e.CapturedAtMicros);
            if (e.SentAtMicros.HasValue)
            {
                w.WriteTimestamp(N.SentAt, e.SentAtMicros.Value);
            }
            if (e.SequenceNum.HasValue)
            {
                w.WriteNumber(N.SequenceNum, e.SequenceNum.Value);
            }
            OptionalString(N.SessionId, e.SessionId);
            OptionalString(N.SdkVersion, e.SdkVersion);
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
            w.WriteStartObject(N.Power);
            if (p.HasBattery)
            {
                w.WriteStartObject(N.Battery);
                Number(N.SocPct, ref p.BatterySocPct);
                Number(N.VoltageV, ref p.BatteryVoltageV);
                Number(N.CurrentA, ref p.BatteryCurrentA);
                Number(N.TemperatureC, ref p.BatteryTemperatureC);
                Number(N.HealthPct, ref p.BatteryHealthPct);
                w.WriteEndObject();
            }
            if (p.IsCharging.HasValue)
            {
                w.WriteStartObject(N.Charging);
                w.WriteBool(N.IsCharging, p.IsCharging.Value);
                w.WriteEndObject();
            }
            Number(N.PowerConsumptionW, ref p.PowerConsumptionW);
            if (p.PowerSource != PowerSource.NotSet)
            {
                w.WriteString(N.PowerSource, PowerSourceNames.ToUdm(p.PowerSource));
            }
            Number(N.VoltageV, ref p.VoltageV);
            Number(N.CurrentA, ref p.CurrentA);
            Number(N.EstimatedRuntimeMin, ref p.EstimatedRuntimeMin);
            w.WriteEndObject();
        }

        private void WriteThermal(ThermalDomain t)
        {
            w.WriteStartObject(N.Thermal);
            if (t.ThermalState != ThermalState.NotSet)
            {
                w.WriteString(N.ThermalState, ThermalStateNames.ToUdm(t.ThermalState));
            }
            if (t.ComponentCount > 0)
            {
                w.WriteStartArray(N.Components);
                for (int i = 0; i < t.ComponentCount; i++)
                {
                    w.WriteStartObject();
                    w.WriteString(N.ComponentId, t.ComponentId(i));
                    w.WriteNumber(N.TemperatureC, t.ComponentTemperatureC(i));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Number(N.AmbientTempC, ref t.AmbientTempC);
            Bool(N.IsThrottling, ref t.IsThrottling);
            w.WriteEndObject();
        }

        private void WriteLocation(LocationDomain l)
        {
            w.WriteStartObject(N.Location);
            Number(N.Latitude, ref l.Latitude);
            Number(N.Longitude, ref l.Longitude);
            Number(N.AltitudeM, ref l.AltitudeM);
            Number(N.HeadingDeg, ref l.HeadingDeg);
            if (l.HasLocal)
            {
                w.WriteStartObject(N.Local);
                Number(N.XM, ref l.LocalXM);
                Number(N.YM, ref l.LocalYM);
                Number(N.ZM, ref l.LocalZM);
                w.WriteEndObject();
            }
            Number(N.HorizontalAccuracyM, ref l.HorizontalAccuracyM);
            OptionalString(N.FrameId, l.FrameId);
            OptionalString(N.MapId, l.MapId);
            if (l.Floor.HasValue)
            {
                w.WriteNumber(N.Floor, l.Floor.Value);
            }
            w.WriteEndObject();
        }

        private void WriteMotion(MotionDomain m)
        {
            w.WriteStartObject(N.Motion);
            Number(N.SpeedMps, ref m.SpeedMps);
            if (m.MotionState != MotionState.NotSet)
            {
                w.WriteString(N.MotionState, MotionStateNames.ToUdm(m.MotionState));
            }
            OptionalString(N.FrameId, m.FrameId);
            Number(N.CommandedLinearMps, ref m.CommandedLinearMps);
            Number(N.CommandedAngularDps, ref m.CommandedAngularDps);
            Vector(N.LinearVelocity, m.LinearVelocity);
            Vector(N.AngularVelocity, m.AngularVelocity);
            Vector(N.LinearAcceleration, m.LinearAcceleration);
            w.WriteEndObject();
        }

        private void WriteSafety(SafetyDomain s)
        {
            w.WriteStartObject(N.Safety);
            if (s.SafetyState != SafetyState.NotSet)
            {
                w.WriteString(N.SafetyState, SafetyStateNames.ToUdm(s.SafetyState));
            }
            Bool(N.IsSafe, ref s.IsSafe);
            if (s.HasEStop)
            {
                w.WriteStartObject(N.EStop);
                Bool(N.IsActive, ref s.EStopActive);
                OptionalString(N.Type, s.EStopType);
                if (s.EStopTriggeredAtMicros.HasValue)
                {
                    w.WriteTimestamp(N.TriggeredAt, s.EStopTriggeredAtMicros.Value);
                }
                w.WriteEndObject();
            }
            Bool(N.ProtectiveStopActive, ref s.ProtectiveStopActive);
            OptionalString(N.ProtectiveStopReason, s.ProtectiveStopReason);
            if (s.ViolationCount.HasValue)
            {
                w.WriteNumber(N.ViolationCount, s.ViolationCount.Value);
            }
            else if (s.ViolationEntries > 0)
            {
                w.WriteNumber(N.ViolationCount, s.ViolationEntries);
            }
            if (s.ViolationEntries > 0)
            {
                w.WriteStartArray(N.Violations);
                for (int i = 0; i < s.ViolationEntries; i++)
                {
                    w.WriteStartObject();
                    w.WriteString(N.Type, s.ViolationType(i));
                    OptionalString(N.Severity, s.ViolationSeverity(i));
                    OptionalString(N.ZoneId, s.ViolationZoneId(i));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Number(N.SpeedLimitMps, ref s.SpeedLimitMps);
            Bool(N.SafetySystemOk, ref s.SafetySystemOk);
            w.WriteEndObject();
        }

        private void WriteEnvironment(EnvironmentReadings r)
        {
            w.WriteStartObject(N.Context);
            w.WriteStartObject(N.Weather);
            Number(N.TemperatureC, ref r.TemperatureC);
            Number(N.HumidityPct, ref r.HumidityPct);
            Number(N.PressureHpa, ref r.PressureHpa);
            Number(N.IlluminanceLux, ref r.IlluminanceLux);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteCommunication(CommunicationDomain c)
        {
            w.WriteStartObject(N.Communication);
            if (c.HasNetwork)
            {
                w.WriteStartObject(N.Network);
                OptionalString(N.Type, c.NetworkType);
                Bool(N.Connected, ref c.NetworkConnected);
                Integer(N.RssiDbm, ref c.RssiDbm);
                OptionalString(N.Ssid, c.Ssid);
                w.WriteEndObject();
            }
            if (c.HasPhytrace)
            {
                w.WriteStartObject(N.Phytrace);
                Bool(N.Connected, ref c.PhytraceConnected);
                Integer(N.BufferedEvents, ref c.BufferedEvents);
                Integer(N.BufferBytesUsed, ref c.BufferBytesUsed);
                Integer(N.BufferCapacityBytes, ref c.BufferCapacityBytes);
                Integer(N.DroppedEvents, ref c.DroppedEvents);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }

        private void WriteExtensions(UdmExtensions x)
        {
            w.WriteStartObject(N.Extensions);
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

        private void Vector(JsonName name, Vector3 v)
        {
            if (!v.IsSet)
            {
                return;
            }
            w.WriteStartObject(name);
            Number(N.X, ref v.X);
            Number(N.Y, ref v.Y);
            Number(N.Z, ref v.Z);
            w.WriteEndObject();
        }

        // The optional fields are passed by reference: on the device a struct passed by value is
        // copied at every call, and most fields of an event are not set.
        private void Number(JsonName name, ref OptionalDouble v)
        {
            if (v.HasValue)
            {
                w.WriteNumber(name, v.Value);
            }
        }

        private void Integer(JsonName name, ref OptionalLong v)
        {
            if (v.HasValue)
            {
                w.WriteNumber(name, v.Value);
            }
        }

        private void Bool(JsonName name, ref OptionalBool v)
        {
            if (v.HasValue)
            {
                w.WriteBool(name, v.Value);
            }
        }

        private void OptionalString(JsonName name, string? value)
        {
            if (value != null)
            {
                w.WriteString(name, value);
            }
        }
    }
}
