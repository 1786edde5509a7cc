using System.Text.Json;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Events;

public class UdmEventEncoderTests
{
    private static IEnumerable<UdmEventType> AllEventTypes => Enumerable.Range(0, UdmEventTypeNames.Count).Select(i => (UdmEventType)i);

    private static IEnumerable<UdmSourceType> AllSourceTypes => Enumerable.Range(0, UdmSourceTypeNames.Count).Select(i => (UdmSourceType)i);

    public static TheoryData<UdmEventType> EventTypes() => new(AllEventTypes);

    public static TheoryData<UdmSourceType> SourceTypes() => new(AllSourceTypes);

    // The tests that read the phyudm schemas say so in their names; where ../shared/phyudm is
    // missing they are skipped and everything else here still runs.

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_encodes_to_its_udm_string(UdmEventType type)
    {
        using var doc = JsonDocument.Parse(EventSamples.Encode(EventSamples.Minimal(type)));
        Assert.Equal(UdmEventTypeNames.ToUdm(type), doc.RootElement.GetProperty("event_type").GetString());
    }

    [Theory]
    [MemberData(nameof(SourceTypes))]
    public void Every_source_type_encodes_to_its_udm_string(UdmSourceType source)
    {
        using var doc = JsonDocument.Parse(EventSamples.Encode(EventSamples.Minimal(UdmEventType.TelemetryPeriodic, source)));
        Assert.Equal(UdmSourceTypeNames.ToUdm(source), doc.RootElement.GetProperty("source_type").GetString());
    }

    [SkippableFact]
    public void Every_event_type_and_source_type_validates_against_the_phyudm_schema()
    {
        foreach (UdmEventType type in AllEventTypes)
        {
            UdmSchema.AssertValid(EventSamples.Encode(EventSamples.Minimal(type)));
        }
        foreach (UdmSourceType source in AllSourceTypes)
        {
            UdmSchema.AssertValid(EventSamples.Encode(EventSamples.Minimal(UdmEventType.TelemetryPeriodic, source)));
        }
    }

    [SkippableFact]
    public void The_enum_names_are_exactly_the_phyudm_schema_enums()
    {
        using var envelope = JsonDocument.Parse(File.ReadAllText(Path.Combine(UdmSchema.SchemaDirectory, "envelope.schema.json")));
        var properties = envelope.RootElement.GetProperty("properties");
        Assert.Equal(properties.GetProperty("event_type").GetProperty("enum").EnumerateArray().Select(x => x.GetString()),
            Enumerable.Range(0, UdmEventTypeNames.Count).Select(i => UdmEventTypeNames.ToUdm((UdmEventType)i)));
        Assert.Equal(properties.GetProperty("source_type").GetProperty("enum").EnumerateArray().Select(x => x.GetString()),
            Enumerable.Range(0, UdmSourceTypeNames.Count).Select(i => UdmSourceTypeNames.ToUdm((UdmSourceType)i)));
        AssertDomainEnum("03-motion", "motion_state", 6, i => MotionStateNames.ToUdm((MotionState)i));
        AssertDomainEnum("04-power", "power_source", 5, i => PowerSourceNames.ToUdm((PowerSource)i));
        AssertDomainEnum("08-safety", "safety_state", 6, i => SafetyStateNames.ToUdm((SafetyState)i));
        AssertDomainEnum("20-thermal", "thermal_state", 5, i => ThermalStateNames.ToUdm((ThermalState)i));
    }

    [Fact]
    public void The_minimal_event_has_exactly_the_required_envelope()
    {
        Assert.Equal(
            "{\"udm_version\":\"0.0.3\",\"event_id\":\"01940000-0000-7000-8000-000000000abc\",\"event_type\":\"telemetry_periodic\"," +
            "\"source_id\":\"esp32-node-7\",\"source_type\":\"amr\",\"captured_at\":\"2026-06-07T19:00:00.123456Z\"}",
            EventSamples.Encode(EventSamples.Minimal()));
    }

    [SkippableFact]
    public void The_event_with_every_supported_field_validates_against_the_phyudm_schema()
    {
        UdmSchema.AssertValid(EventSamples.Encode(EventSamples.Full()));
    }

    [Fact]
    public void Every_supported_field_is_written_where_the_schema_puts_it()
    {
        using var doc = JsonDocument.Parse(EventSamples.Encode(EventSamples.Full()));
        JsonElement r = doc.RootElement;
        Assert.Equal(42, r.GetProperty("sequence_num").GetInt64());
        Assert.Equal("boot-0001", r.GetProperty("session_id").GetString());
        Assert.Equal("2026-06-07T19:00:00.128456Z", r.GetProperty("sent_at").GetString());
        Assert.Equal("phytrace-nano/0.1.0", r.GetProperty("sdk_version").GetString());

        JsonElement power = r.GetProperty("power");
        Assert.Equal(78.4, power.GetProperty("battery").GetProperty("soc_pct").GetDouble());
        Assert.Equal(48.2, power.GetProperty("battery").GetProperty("voltage_v").GetDouble());
        Assert.Equal(-3.01, power.GetProperty("battery").GetProperty("current_a").GetDouble());
        Assert.Equal(31.5, power.GetProperty("battery").GetProperty("temperature_c").GetDouble());
        Assert.Equal(97, power.GetProperty("battery").GetProperty("health_pct").GetDouble());
        Assert.False(power.GetProperty("charging").GetProperty("is_charging").GetBoolean());
        Assert.Equal(145.2, power.GetProperty("power_consumption_w").GetDouble());
        Assert.Equal("battery", power.GetProperty("power_source").GetString());
        Assert.Equal(3.3, power.GetProperty("voltage_v").GetDouble());
        Assert.Equal(0.12, power.GetProperty("current_a").GetDouble());
        Assert.Equal(240, power.GetProperty("estimated_runtime_min").GetDouble());

        JsonElement thermal = r.GetProperty("thermal");
        Assert.Equal("elevated", thermal.GetProperty("thermal_state").GetString());
        Assert.Equal(24.5, thermal.GetProperty("ambient_temp_c").GetDouble());
        Assert.False(thermal.GetProperty("is_throttling").GetBoolean());
        Assert.Equal("motor-left", thermal.GetProperty("components")[1].GetProperty("component_id").GetString());
        Assert.Equal(61.25, thermal.GetProperty("components")[0].GetProperty("temperature_c").GetDouble());

        JsonElement location = r.GetProperty("location");
        Assert.Equal(32.7767, location.GetProperty("latitude").GetDouble());
        Assert.Equal(-96.797, location.GetProperty("longitude").GetDouble());
        Assert.Equal(134.5, location.GetProperty("altitude_m").GetDouble());
        Assert.Equal(270, location.GetProperty("heading_deg").GetDouble());
        Assert.Equal(12.5, location.GetProperty("local").GetProperty("x_m").GetDouble());
        Assert.Equal(4.25, location.GetProperty("local").GetProperty("y_m").GetDouble());
        Assert.Equal(0, location.GetProperty("local").GetProperty("z_m").GetDouble());
        Assert.Equal(0.05, location.GetProperty("horizontal_accuracy_m").GetDouble());
        Assert.Equal("map", location.GetProperty("frame_id").GetString());
        Assert.Equal("warehouse-a-floor-1", location.GetProperty("map_id").GetString());
        Assert.Equal(1, location.GetProperty("floor").GetInt64());

        JsonElement motion = r.GetProperty("motion");
        Assert.Equal(1.2, motion.GetProperty("speed_mps").GetDouble());
        Assert.Equal("moving", motion.GetProperty("motion_state").GetString());
        Assert.Equal("base_link", motion.GetProperty("frame_id").GetString());
        Assert.Equal(-15, motion.GetProperty("commanded_angular_dps").GetDouble());
        Assert.Equal(1.2, motion.GetProperty("commanded_linear_mps").GetDouble());
        Assert.Equal(1.2, motion.GetProperty("linear_velocity").GetProperty("x").GetDouble());
        Assert.Equal(-15, motion.GetProperty("angular_velocity").GetProperty("z").GetDouble());
        Assert.Equal(9.81, motion.GetProperty("linear_acceleration").GetProperty("z").GetDouble());

        JsonElement safety = r.GetProperty("safety");
        Assert.Equal("protective_stop", safety.GetProperty("safety_state").GetString());
        Assert.False(safety.GetProperty("is_safe").GetBoolean());
        Assert.True(safety.GetProperty("e_stop").GetProperty("is_active").GetBoolean());
        Assert.Equal("hardware", safety.GetProperty("e_stop").GetProperty("type").GetString());
        Assert.Equal("2026-06-07T19:00:00.122456Z", safety.GetProperty("e_stop").GetProperty("triggered_at").GetString());
        Assert.True(safety.GetProperty("protective_stop_active").GetBoolean());
        Assert.Equal("operator_button", safety.GetProperty("protective_stop_reason").GetString());
        Assert.Equal(2, safety.GetProperty("violation_count").GetInt64());
        Assert.Equal("proximity_violation", safety.GetProperty("violations")[0].GetProperty("type").GetString());
        Assert.Equal("high", safety.GetProperty("violations")[0].GetProperty("severity").GetString());
        Assert.Equal("zone-a", safety.GetProperty("violations")[0].GetProperty("zone_id").GetString());
        Assert.False(safety.GetProperty("violations")[1].TryGetProperty("severity", out _));
        Assert.Equal(0.5, safety.GetProperty("speed_limit_mps").GetDouble());
        Assert.True(safety.GetProperty("safety_system_ok").GetBoolean());

        JsonElement weather = r.GetProperty("context").GetProperty("weather");
        Assert.Equal(22.5, weather.GetProperty("temperature_c").GetDouble());
        Assert.Equal(41.5, weather.GetProperty("humidity_pct").GetDouble());
        Assert.Equal(1013.25, weather.GetProperty("pressure_hpa").GetDouble());
        Assert.Equal(320, weather.GetProperty("illuminance_lux").GetDouble());

        JsonElement comm = r.GetProperty("communication");
        Assert.Equal("wifi", comm.GetProperty("network").GetProperty("type").GetString());
        Assert.True(comm.GetProperty("network").GetProperty("connected").GetBoolean());
        Assert.Equal(-52, comm.GetProperty("network").GetProperty("rssi_dbm").GetInt64());
        Assert.Equal("plant-floor", comm.GetProperty("network").GetProperty("ssid").GetString());
        JsonElement phytrace = comm.GetProperty("phytrace");
        Assert.False(phytrace.GetProperty("connected").GetBoolean());
        Assert.Equal(1234, phytrace.GetProperty("buffered_events").GetInt64());
        Assert.Equal(987654, phytrace.GetProperty("buffer_bytes_used").GetInt64());
        Assert.Equal(1048576000, phytrace.GetProperty("buffer_capacity_bytes").GetInt64());
        Assert.Equal(0, phytrace.GetProperty("dropped_events").GetInt64());

        JsonElement ext = r.GetProperty("extensions");
        Assert.Equal("1.2.3", ext.GetProperty("custom_firmware").GetString());
        Assert.Equal(0.031, ext.GetProperty("custom_vibration_g").GetDouble());
        Assert.Equal(17, ext.GetProperty("custom_boot_count").GetInt64());
        Assert.True(ext.GetProperty("custom_door_open").GetBoolean());
    }

    [Fact]
    public void Unset_optional_fields_and_empty_domains_are_left_out()
    {
        UdmEvent e = EventSamples.Full();
        e.Reset();
        e.SourceId = "n";
        e.SetCapturedAt(0, false);
        e.HasEventId = true;
        e.Power.BatterySocPct.Set(50);
        using var doc = JsonDocument.Parse(EventSamples.Encode(e));
        Assert.Equal(["udm_version", "event_id", "event_type", "source_id", "source_type", "captured_at", "power"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["battery"], doc.RootElement.GetProperty("power").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Setting_an_extension_key_again_replaces_its_value()
    {
        UdmEvent e = EventSamples.Minimal();
        e.Extensions.SetNumber("custom_a", 1.5);
        e.Extensions.SetString("custom_a", "x");
        Assert.Equal(1, e.Extensions.Count);
        using var doc = JsonDocument.Parse(EventSamples.Encode(e));
        Assert.Equal("x", doc.RootElement.GetProperty("extensions").GetProperty("custom_a").GetString());
    }

    [Fact]
    public void Full_extensions_refuse_another_key_by_name()
    {
        var e = new UdmEvent(1);
        e.Extensions.SetBoolean("custom_a", true);
        var error = Assert.Throws<InvalidOperationException>(() => e.Extensions.SetBoolean("custom_b", true));
        Assert.Contains("custom_b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_small_buffer_is_a_clear_error()
    {
        UdmEvent e = EventSamples.Full();
        var error = Assert.Throws<JsonBufferTooSmallException>(() => new UdmEventEncoder().Encode(e, new byte[300], 0, 300));
        Assert.Equal(300, error.AvailableBytes);
        Assert.True(error.NeededBytes > 300);
    }

    [Fact]
    public void An_encoder_that_keeps_the_envelopes_bytes_writes_what_a_fresh_one_writes_when_the_strings_change()
    {
        // The encoder keeps each envelope string's bytes, keyed by the string object: changed
        // text, equal text in another object, a string longer than the kept bytes, a session id
        // that comes and goes, and every event type and source type in turn.
        var encoder = new UdmEventEncoder();
        var buffer = new byte[8192];
        string[] sourceIds = { "esp32-node-7", new string("esp32-node-7".ToCharArray()), "node-\"quoted\"-é", new string('x', 256), "esp32-node-7" };
        string?[] sessions = { "boot-1", null, new string("boot-1".ToCharArray()), "boot-2" };
        int checkedEvents = 0;
        for (int i = 0; i < 60; i++)
        {
            UdmEvent e = EventSamples.Minimal((UdmEventType)(i % UdmEventTypeNames.Count), (UdmSourceType)((i / 3) % UdmSourceTypeNames.Count));
            e.SourceId = sourceIds[i % sourceIds.Length];
            e.SessionId = sessions[i % sessions.Length];
            e.SdkVersion = i % 7 == 0 ? null : (i % 2 == 0 ? "phytrace-nano/0.1.0" : "phytrace-nano/0.2.0-" + new string('b', 40));
            int n = encoder.Encode(e, buffer, 0, buffer.Length);
            Assert.Equal(EventSamples.Encode(e), System.Text.Encoding.UTF8.GetString(buffer, 0, n));
            checkedEvents++;
        }
        Assert.Equal(60, checkedEvents);
    }

    [Fact]
    public void Encoding_allocates_nothing_in_steady_state()
    {
        var factory = new UdmEventFactory(new NodeIdentity("esp32-node-7", UdmSourceType.Amr, "boot-1", "0.1.0"),
            new ManualWallClock(new DateTime(2026, 6, 7, 19, 0, 0, DateTimeKind.Utc), true), new ManualTickClock(), new XorShiftRandom(7));
        var e = new UdmEvent();
        var encoder = new UdmEventEncoder();
        var buffer = new byte[4096];
        UdmEvent full = EventSamples.Full();
        int total = 0;
        for (int i = 0; i < 100; i++)
        {
            total += EncodeOne();
            total += encoder.Encode(full, buffer, 0, buffer.Length);
        }
        // The least of three rounds: tiering can allocate on this thread when it promotes a method.
        long allocated = Allocations.SteadyState(
            () =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    total += EncodeOne();
                    total += encoder.Encode(full, buffer, 0, buffer.Length);
                }
            },
            warmupRounds: 0,
            rounds: 3);
        Assert.Equal(0, allocated);
        Assert.True(total > 0);

        int EncodeOne()
        {
            factory.Begin(e, UdmEventType.TelemetryPeriodic);
            EventSamples.FillTypicalTelemetry(e);
            return encoder.Encode(e, buffer, 0, buffer.Length);
        }
    }

    private static void AssertDomainEnum(string domain, string property, int count, Func<int, string> name)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(UdmSchema.SchemaDirectory, "domains", domain + ".schema.json")));
        Assert.Equal(schema.RootElement.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(x => x.GetString()),
            Enumerable.Range(1, count).Select(name));
    }
}
