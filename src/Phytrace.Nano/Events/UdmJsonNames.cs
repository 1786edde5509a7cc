using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Every property name <see cref="UdmEventEncoder"/> writes, encoded once (see <see cref="JsonName"/>).
    /// </summary>
    internal static class UdmJsonNames
    {
        public static readonly JsonName AltitudeM = new JsonName("altitude_m");
        public static readonly JsonName AmbientTempC = new JsonName("ambient_temp_c");
        public static readonly JsonName AngularVelocity = new JsonName("angular_velocity");
        public static readonly JsonName Battery = new JsonName("battery");
        public static readonly JsonName BufferBytesUsed = new JsonName("buffer_bytes_used");
        public static readonly JsonName BufferCapacityBytes = new JsonName("buffer_capacity_bytes");
        public static readonly JsonName BufferedEvents = new JsonName("buffered_events");
        public static readonly JsonName CapturedAt = new JsonName("captured_at");
        public static readonly JsonName Charging = new JsonName("charging");
        public static readonly JsonName CommandedAngularDps = new JsonName("commanded_angular_dps");
        public static readonly JsonName CommandedLinearMps = new JsonName("commanded_linear_mps");
        public static readonly JsonName Communication = new JsonName("communication");
        public static readonly JsonName ComponentId = new JsonName("component_id");
        public static readonly JsonName Components = new JsonName("components");
        public static readonly JsonName Connected = new JsonName("connected");
        public static readonly JsonName Context = new JsonName("context");
        public static readonly JsonName CurrentA = new JsonName("current_a");
        public static readonly JsonName DroppedEvents = new JsonName("dropped_events");
        public static readonly JsonName EStop = new JsonName("e_stop");
        public static readonly JsonName EstimatedRuntimeMin = new JsonName("estimated_runtime_min");
        public static readonly JsonName EventId = new JsonName("event_id");
        public static readonly JsonName EventType = new JsonName("event_type");
        public static readonly JsonName Extensions = new JsonName("extensions");
        public static readonly JsonName Floor = new JsonName("floor");
        public static readonly JsonName FrameId = new JsonName("frame_id");
        public static readonly JsonName HeadingDeg = new JsonName("heading_deg");
        public static readonly JsonName HealthPct = new JsonName("health_pct");
        public static readonly JsonName HorizontalAccuracyM = new JsonName("horizontal_accuracy_m");
        public static readonly JsonName HumidityPct = new JsonName("humidity_pct");
        public static readonly JsonName IlluminanceLux = new JsonName("illuminance_lux");
        public static readonly JsonName IsActive = new JsonName("is_active");
        public static readonly JsonName IsCharging = new JsonName("is_charging");
        public static readonly JsonName IsSafe = new JsonName("is_safe");
        public static readonly JsonName IsThrottling = new JsonName("is_throttling");
        public static readonly JsonName Latitude = new JsonName("latitude");
        public static readonly JsonName LinearAcceleration = new JsonName("linear_acceleration");
        public static readonly JsonName LinearVelocity = new JsonName("linear_velocity");
        public static readonly JsonName Local = new JsonName("local");
        public static readonly JsonName Location = new JsonName("location");
        public static readonly JsonName Longitude = new JsonName("longitude");
        public static readonly JsonName MapId = new JsonName("map_id");
        public static readonly JsonName Motion = new JsonName("motion");
        public static readonly JsonName MotionState = new JsonName("motion_state");
        public static readonly JsonName Network = new JsonName("network");
        public static readonly JsonName Phytrace = new JsonName("phytrace");
        public static readonly JsonName Power = new JsonName("power");
        public static readonly JsonName PowerConsumptionW = new JsonName("power_consumption_w");
        public static readonly JsonName PowerSource = new JsonName("power_source");
        public static readonly JsonName PressureHpa = new JsonName("pressure_hpa");
        public static readonly JsonName ProtectiveStopActive = new JsonName("protective_stop_active");
        public static readonly JsonName ProtectiveStopReason = new JsonName("protective_stop_reason");
        public static readonly JsonName RssiDbm = new JsonName("rssi_dbm");
        public static readonly JsonName Safety = new JsonName("safety");
        public static readonly JsonName SafetyState = new JsonName("safety_state");
        public static readonly JsonName SafetySystemOk = new JsonName("safety_system_ok");
        public static readonly JsonName SdkVersion = new JsonName("sdk_version");
        public static readonly JsonName SentAt = new JsonName("sent_at");
        public static readonly JsonName SequenceNum = new JsonName("sequence_num");
        public static readonly JsonName SessionId = new JsonName("session_id");
        public static readonly JsonName Severity = new JsonName("severity");
        public static readonly JsonName SocPct = new JsonName("soc_pct");
        public static readonly JsonName SourceId = new JsonName("source_id");
        public static readonly JsonName SourceType = new JsonName("source_type");
        public static readonly JsonName SpeedLimitMps = new JsonName("speed_limit_mps");
        public static readonly JsonName SpeedMps = new JsonName("speed_mps");
        public static readonly JsonName Ssid = new JsonName("ssid");
        public static readonly JsonName TemperatureC = new JsonName("temperature_c");
        public static readonly JsonName Thermal = new JsonName("thermal");
        public static readonly JsonName ThermalState = new JsonName("thermal_state");
        public static readonly JsonName TriggeredAt = new JsonName("triggered_at");
        public static readonly JsonName Type = new JsonName("type");
        public static readonly JsonName UdmVersion = new JsonName("udm_version");
        public static readonly JsonName ViolationCount = new JsonName("violation_count");
        public static readonly JsonName Violations = new JsonName("violations");
        public static readonly JsonName VoltageV = new JsonName("voltage_v");
        public static readonly JsonName Weather = new JsonName("weather");
        public static readonly JsonName X = new JsonName("x");
        public static readonly JsonName XM = new JsonName("x_m");
        public static readonly JsonName Y = new JsonName("y");
        public static readonly JsonName YM = new JsonName("y_m");
        public static readonly JsonName Z = new JsonName("z");
        public static readonly JsonName ZM = new JsonName("z_m");
        public static readonly JsonName ZoneId = new JsonName("zone_id");
    }
}
