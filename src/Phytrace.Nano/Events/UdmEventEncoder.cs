using Phytrace.Nano.Formats;
using N = Phytrace.Nano.Events.UdmJsonNames;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Validates a <see cref="UdmEvent"/> and writes it as compact UTF-8 JSON into a caller's buffer,
    /// allocating nothing per event. Field order: the envelope, then power, thermal, location,
    /// motion, safety, context (environment readings), communication, extensions. Not thread-safe:
    /// one encoder per producing thread.
    /// </summary>
    /// <remarks>
    /// Each optional field's HasValue is tested here, in place, rather than in a shared helper: a
    /// typical event leaves most of its ~40 optional fields unset, and on the device a call made
    /// only to find a field unset costs more than the test.
    /// </remarks>
    public sealed class UdmEventEncoder
    {
        // udm_version from a field, not the constant: on nanoCLR a string literal (what a const
        // string compiles to at its use) allocates a string object every time it runs.
        private static readonly string UdmVersion = UdmEvent.UdmVersion;

        // Each method reads it into a local w once: on the device a field read costs twice a local's.
        private readonly JsonWriter writer = new JsonWriter();

        // The envelope's strings as last written: the same string objects event after event.
        private readonly EncodedMember version = new EncodedMember();
        private readonly EncodedMember eventType = new EncodedMember();
        private readonly EncodedMember sourceId = new EncodedMember();
        private readonly EncodedMember sourceType = new EncodedMember();
        private readonly EncodedMember sessionId = new EncodedMember();
        private readonly EncodedMember sdkVersion = new EncodedMember();

        // The same, for the runs event_type, source_id, source_type and session_id, sdk_version:
        // one copy for the run while all its strings are the objects of last time.
        private readonly EncodedRun identityRun = new EncodedRun();
        private readonly EncodedRun versionRun = new EncodedRun();

        // Strings of the domains that are usually the same object event after event, and the
        // extensions' keys: written again, each is one copy.
        private readonly EncodedMember locationFrameId = new EncodedMember();
        private readonly EncodedMember mapId = new EncodedMember();
        private readonly EncodedMember motionFrameId = new EncodedMember();
        private readonly ExtensionNames extensionNames = new ExtensionNames();

        // event_type and source_type as last written, and their names.
        private UdmEventType lastType;
        private string? lastTypeName;
        private UdmSourceType lastSourceType;
        private string? lastSourceTypeName;

        /// <summary>
        /// Encodes <paramref name="e"/> at buffer[offset], using at most <paramref name="count"/> bytes;
        /// returns the bytes written. Throws <see cref="UdmValidationException"/> for an invalid event
        /// and <see cref="JsonBufferTooSmallException"/> when it does not fit.
        /// </summary>
        public int Encode(UdmEvent e, byte[] buffer, int offset, int count)
        {
            JsonWriter w = writer;
            // Validation also finds the domains that are set: each domain's IsSet, without reading its fields again.
            int set = UdmEventValidator.ValidateAndFindDomains(e);
            w.Reset(buffer, offset, count);
            w.WriteStartObject();
            w.WriteString(N.UdmVersion, UdmVersion, version);
            w.WriteUuid(N.EventId, e.EventId, 0);
            // The enums' names looked up only when they differ from the last event's.
            UdmEventType type = e.EventType;
            string? typeName = lastTypeName;
            if (type != lastType || typeName == null)
            {
                typeName = UdmEventTypeNames.ToUdm(type);
                lastTypeName = typeName;
                lastType = type;
            }
            string? source = e.SourceId;
            UdmSourceType kind = e.SourceType;
            string? sourceTypeName = lastSourceTypeName;
            if (kind != lastSourceType || sourceTypeName == null)
            {
                sourceTypeName = UdmSourceTypeNames.ToUdm(kind);
                lastSourceTypeName = sourceTypeName;
                lastSourceType = kind;
            }
            if (!w.TryWriteRun(identityRun, typeName, source, sourceTypeName))
            {
                int runStart = w.RunStart;
                w.WriteString(N.EventType, typeName, eventType);
                w.WriteString(N.SourceId, source, sourceId);
                w.WriteString(N.SourceType, sourceTypeName, sourceType);
                w.KeepRun(identityRun, runStart, typeName, source, sourceTypeName);
            }
            w.WriteTimestamp(N.CapturedAt, e.CapturedAtMicros);
            if (e.SentAtMicros.HasValue)
            {
                w.WriteTimestamp(N.SentAt, e.SentAtMicros.Value);
            }
            if (e.SequenceNum.HasValue)
            {
                w.WriteNumber(N.SequenceNum, e.SequenceNum.Value);
            }
            string? session = e.SessionId;
            string? sdk = e.SdkVersion;
            if (!w.TryWriteRun(versionRun, session, sdk, null))
            {
                int runStart = w.RunStart;
                if (session != null)
                {
                    w.WriteString(N.SessionId, session, sessionId);
                }
                if (sdk != null)
                {
                    w.WriteString(N.SdkVersion, sdk, sdkVersion);
                }
                w.KeepRun(versionRun, runStart, session, sdk, null);
            }
            if ((set & UdmEventValidator.PowerSet) != 0)
            {
                WritePower(e.Power, set);
            }
            if ((set & UdmEventValidator.ThermalSet) != 0)
            {
                WriteThermal(e.Thermal);
            }
            if ((set & UdmEventValidator.LocationSet) != 0)
            {
                WriteLocation(e.Location, set);
            }
            if ((set & UdmEventValidator.MotionSet) != 0)
            {
                WriteMotion(e.Motion, set);
            }
            if ((set & UdmEventValidator.SafetySet) != 0)
            {
                WriteSafety(e.Safety);
            }
            if ((set & UdmEventValidator.EnvironmentSet) != 0)
            {
                WriteEnvironment(e.Environment);
            }
            if ((set & UdmEventValidator.CommunicationSet) != 0)
            {
                WriteCommunication(e.Communication);
            }
            if ((set & UdmEventValidator.ExtensionsSet) != 0)
            {
                WriteExtensions(e.Extensions);
            }
            w.WriteEndObject();
            return w.Length;
        }

        private void WritePower(PowerDomain p, int set)
        {
            JsonWriter w = writer;
            if ((set & UdmEventValidator.BatterySet) == 0)
            {
                w.WriteStartObject(N.Power);
            }
            else
            {
                // "power":{"battery":{ in one step.
                w.WriteStartObject(N.Power, N.Battery);
                if (p.BatterySocPct.HasValue)
                {
                    w.WriteNumber(N.SocPct, p.BatterySocPct.Value);
                }
                if (p.BatteryVoltageV.HasValue)
                {
                    w.WriteNumber(N.VoltageV, p.BatteryVoltageV.Value);
                }
                if (p.BatteryCurrentA.HasValue)
                {
                    w.WriteNumber(N.CurrentA, p.BatteryCurrentA.Value);
                }
                if (p.BatteryTemperatureC.HasValue)
                {
                    w.WriteNumber(N.TemperatureC, p.BatteryTemperatureC.Value);
                }
                if (p.BatteryHealthPct.HasValue)
                {
                    w.WriteNumber(N.HealthPct, p.BatteryHealthPct.Value);
                }
                w.WriteEndObject();
            }
            if (p.IsCharging.HasValue)
            {
                w.WriteStartObject(N.Charging);
                w.WriteBool(N.IsCharging, p.IsCharging.Value);
                w.WriteEndObject();
            }
            if (p.PowerConsumptionW.HasValue)
            {
                w.WriteNumber(N.PowerConsumptionW, p.PowerConsumptionW.Value);
            }
            if (p.PowerSource != PowerSource.NotSet)
            {
                w.WriteString(N.PowerSource, PowerSourceNames.ToUdm(p.PowerSource));
            }
            if (p.VoltageV.HasValue)
            {
                w.WriteNumber(N.VoltageV, p.VoltageV.Value);
            }
            if (p.CurrentA.HasValue)
            {
                w.WriteNumber(N.CurrentA, p.CurrentA.Value);
            }
            if (p.EstimatedRuntimeMin.HasValue)
            {
                w.WriteNumber(N.EstimatedRuntimeMin, p.EstimatedRuntimeMin.Value);
            }
            w.WriteEndObject();
        }

        private void WriteThermal(ThermalDomain t)
        {
            JsonWriter w = writer;
            w.WriteStartObject(N.Thermal);
            if (t.ThermalState != ThermalState.NotSet)
            {
                w.WriteString(N.ThermalState, ThermalStateNames.ToUdm(t.ThermalState));
            }
            if (t.componentCount > 0)
            {
                w.WriteStartArray(N.Components);
                for (int i = 0; i < t.componentCount; i++)
                {
                    w.WriteStartObject();
                    w.WriteString(N.ComponentId, t.ComponentId(i));
                    w.WriteNumber(N.TemperatureC, t.ComponentTemperatureC(i));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (t.AmbientTempC.HasValue)
            {
                w.WriteNumber(N.AmbientTempC, t.AmbientTempC.Value);
            }
            if (t.IsThrottling.HasValue)
            {
                w.WriteBool(N.IsThrottling, t.IsThrottling.Value);
            }
            w.WriteEndObject();
        }

        private void WriteLocation(LocationDomain l, int set)
        {
            JsonWriter w = writer;
            w.WriteStartObject(N.Location);
            if (l.Latitude.HasValue)
            {
                w.WriteNumber(N.Latitude, l.Latitude.Value);
            }
            if (l.Longitude.HasValue)
            {
                w.WriteNumber(N.Longitude, l.Longitude.Value);
            }
            if (l.AltitudeM.HasValue)
            {
                w.WriteNumber(N.AltitudeM, l.AltitudeM.Value);
            }
            if (l.HeadingDeg.HasValue)
            {
                w.WriteNumber(N.HeadingDeg, l.HeadingDeg.Value);
            }
            if ((set & UdmEventValidator.LocalSet) != 0)
            {
                w.WriteStartObject(N.Local);
                if (l.LocalXM.HasValue)
                {
                    w.WriteNumber(N.XM, l.LocalXM.Value);
                }
                if (l.LocalYM.HasValue)
                {
                    w.WriteNumber(N.YM, l.LocalYM.Value);
                }
                if (l.LocalZM.HasValue)
                {
                    w.WriteNumber(N.ZM, l.LocalZM.Value);
                }
                w.WriteEndObject();
            }
            if (l.HorizontalAccuracyM.HasValue)
            {
                w.WriteNumber(N.HorizontalAccuracyM, l.HorizontalAccuracyM.Value);
            }
            if (l.FrameId != null)
            {
                w.WriteString(N.FrameId, l.FrameId, locationFrameId);
            }
            if (l.MapId != null)
            {
                w.WriteString(N.MapId, l.MapId, mapId);
            }
            if (l.Floor.HasValue)
            {
                w.WriteNumber(N.Floor, l.Floor.Value);
            }
            w.WriteEndObject();
        }

        private void WriteMotion(MotionDomain m, int set)
        {
            JsonWriter w = writer;
            w.WriteStartObject(N.Motion);
            if (m.SpeedMps.HasValue)
            {
                w.WriteNumber(N.SpeedMps, m.SpeedMps.Value);
            }
            if (m.MotionState != MotionState.NotSet)
            {
                w.WriteString(N.MotionState, MotionStateNames.ToUdm(m.MotionState));
            }
            if (m.FrameId != null)
            {
                w.WriteString(N.FrameId, m.FrameId, motionFrameId);
            }
            if (m.CommandedLinearMps.HasValue)
            {
                w.WriteNumber(N.CommandedLinearMps, m.CommandedLinearMps.Value);
            }
            if (m.CommandedAngularDps.HasValue)
            {
                w.WriteNumber(N.CommandedAngularDps, m.CommandedAngularDps.Value);
            }
            if ((set & UdmEventValidator.LinearVelocitySet) != 0)
            {
                Vector(N.LinearVelocity, m.LinearVelocity);
            }
            if ((set & UdmEventValidator.AngularVelocitySet) != 0)
            {
                Vector(N.AngularVelocity, m.AngularVelocity);
            }
            if ((set & UdmEventValidator.LinearAccelerationSet) != 0)
            {
                Vector(N.LinearAcceleration, m.LinearAcceleration);
            }
            w.WriteEndObject();
        }

        private void WriteSafety(SafetyDomain s)
        {
            JsonWriter w = writer;
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
            else if (s.violationCount > 0)
            {
                w.WriteNumber(N.ViolationCount, s.violationCount);
            }
            if (s.violationCount > 0)
            {
                w.WriteStartArray(N.Violations);
                for (int i = 0; i < s.violationCount; i++)
                {
                    w.WriteStartObject();
                    w.WriteString(N.Type, s.ViolationType(i));
                    OptionalString(N.Severity, s.ViolationSeverity(i));
                    OptionalString(N.ZoneId, s.ViolationZoneId(i));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (s.SpeedLimitMps.HasValue)
            {
                w.WriteNumber(N.SpeedLimitMps, s.SpeedLimitMps.Value);
            }
            Bool(N.SafetySystemOk, ref s.SafetySystemOk);
            w.WriteEndObject();
        }

        private void WriteEnvironment(EnvironmentReadings r)
        {
            JsonWriter w = writer;
            w.WriteStartObject(N.Context, N.Weather);
            if (r.TemperatureC.HasValue)
            {
                w.WriteNumber(N.TemperatureC, r.TemperatureC.Value);
            }
            if (r.HumidityPct.HasValue)
            {
                w.WriteNumber(N.HumidityPct, r.HumidityPct.Value);
            }
            if (r.PressureHpa.HasValue)
            {
                w.WriteNumber(N.PressureHpa, r.PressureHpa.Value);
            }
            if (r.IlluminanceLux.HasValue)
            {
                w.WriteNumber(N.IlluminanceLux, r.IlluminanceLux.Value);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteCommunication(CommunicationDomain c)
        {
            JsonWriter w = writer;
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
            JsonWriter w = writer;
            w.WriteStartObject(N.Extensions);
            // The entries' arrays read directly (UdmExtensions' accessors are two calls each on the device).
            int count = x.count;
            string?[] keys = x.keys;
            ExtensionKind[] kinds = x.kinds;
            for (int i = 0; i < count; i++)
            {
                string key = keys[i]!;
                JsonName? name = extensionNames.Find(i, key);
                if (name == null)
                {
                    WriteExtension(x, i, key);
                    continue;
                }
                switch (kinds[i])
                {
                    case ExtensionKind.String:
                        w.WriteString(name, x.strings[i]);
                        break;
                    case ExtensionKind.Number:
                        w.WriteNumber(name, x.numbers[i]);
                        break;
                    case ExtensionKind.Integer:
                        w.WriteNumber(name, x.integers[i]);
                        break;
                    default:
                        w.WriteBool(name, x.booleans[i]);
                        break;
                }
            }
            w.WriteEndObject();
        }

        // An extension whose key has no cached name (more distinct keys than the cache holds).
        private void WriteExtension(UdmExtensions x, int i, string key)
        {
            JsonWriter w = writer;
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

        // A vector the validator found set.
        private void Vector(JsonName name, Vector3 v)
        {
            JsonWriter w = writer;
            w.WriteStartObject(name);
            if (v.X.HasValue)
            {
                w.WriteNumber(N.X, v.X.Value);
            }
            if (v.Y.HasValue)
            {
                w.WriteNumber(N.Y, v.Y.Value);
            }
            if (v.Z.HasValue)
            {
                w.WriteNumber(N.Z, v.Z.Value);
            }
            w.WriteEndObject();
        }

        // Numbers are tested for HasValue where they are written rather than in a helper: on the
        // device a call costs more than the test, and most fields of an event are not set. The
        // rarer fields below are passed by reference: a struct passed by value is copied at every call.
        private void Integer(JsonName name, ref OptionalLong v)
        {
            if (v.HasValue)
            {
                writer.WriteNumber(name, v.Value);
            }
        }

        private void Bool(JsonName name, ref OptionalBool v)
        {
            if (v.HasValue)
            {
                writer.WriteBool(name, v.Value);
            }
        }

        private void OptionalString(JsonName name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }
    }
}
