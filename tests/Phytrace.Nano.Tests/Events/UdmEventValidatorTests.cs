using System.Text.Json;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.Tests.Events;

/// <summary>Invalid events are refused before encoding, naming the field; boundary values the schema allows pass (and validate against phyudm).</summary>
public class UdmEventValidatorTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "missing event_id", "event_id" },
        { "missing captured_at", "captured_at" },
        { "null source_id", "source_id" },
        { "empty source_id", "source_id" },
        { "257-char source_id", "source_id" },
        { "undefined event_type", "event_type" },
        { "undefined source_type", "source_type" },
        { "negative sequence_num", "sequence_num" },
        { "captured_at year 10000", "captured_at" },
        { "soc 100.5", "power.battery.soc_pct" },
        { "soc -0.1", "power.battery.soc_pct" },
        { "soc NaN", "power.battery.soc_pct" },
        { "health 101", "power.battery.health_pct" },
        { "voltage infinity", "power.battery.voltage_v" },
        { "negative consumption", "power.power_consumption_w" },
        { "negative runtime", "power.estimated_runtime_min" },
        { "latitude 90.0001", "location.latitude" },
        { "longitude -180.5", "location.longitude" },
        { "heading 360", "location.heading_deg" },
        { "heading -1", "location.heading_deg" },
        { "negative accuracy", "location.horizontal_accuracy_m" },
        { "local x NaN", "location.local.x_m" },
        { "negative speed", "motion.speed_mps" },
        { "acceleration NaN", "motion.linear_acceleration" },
        { "negative violation_count", "safety.violation_count" },
        { "negative speed limit", "safety.speed_limit_mps" },
        { "humidity 100.1", "context.weather.humidity_pct" },
        { "negative pressure", "context.weather.pressure_hpa" },
        { "negative buffered events", "communication.phytrace.buffered_events" },
        { "component temp NaN", "thermal.components[0].temperature_c" },
        { "extension NaN", "extensions.custom_x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_invalid_event_is_refused_naming_the_field(string what, string field)
    {
        UdmEvent e = EventSamples.Minimal();
        Break(e, what);
        var error = Assert.Throws<UdmValidationException>(() => UdmEventValidator.Validate(e));
        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ": ", error.Message, StringComparison.Ordinal);
        Assert.Throws<UdmValidationException>(() => new UdmEventEncoder().Encode(e, new byte[4096], 0, 4096));
    }

    [Fact]
    public void Boundary_values_the_schema_allows_are_accepted()
    {
        string[] events = BoundaryEvents();
        using var low = JsonDocument.Parse(events[0]);
        using var high = JsonDocument.Parse(events[1]);
        Assert.Equal(256, low.RootElement.GetProperty("source_id").GetString()!.Length);
        Assert.Equal(-90, low.RootElement.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal(359.99999999999994, low.RootElement.GetProperty("location").GetProperty("heading_deg").GetDouble());
        Assert.Equal(-180, high.RootElement.GetProperty("location").GetProperty("longitude").GetDouble());
    }

    [SkippableFact]
    public void Boundary_values_validate_against_the_phyudm_schema()
    {
        foreach (string json in BoundaryEvents())
        {
            UdmSchema.AssertValid(json);
        }
    }

    /// <summary>Two events at the edges of what the schema allows (low and high ends).</summary>
    private static string[] BoundaryEvents()
    {
        UdmEvent e = EventSamples.Minimal();
        e.SourceId = new string('s', 256);
        e.SequenceNum.Set(0);
        e.Power.BatterySocPct.Set(100);
        e.Power.BatteryHealthPct.Set(0);
        e.Location.SetGeo(-90, 180);
        e.Location.HeadingDeg.Set(359.99999999999994);
        e.Motion.SpeedMps.Set(0);
        e.Environment.HumidityPct.Set(100);
        e.Safety.ViolationCount.Set(0);
        string low = EventSamples.Encode(e);
        e.Location.SetGeo(90, -180);
        e.Location.HeadingDeg.Set(0);
        string high = EventSamples.Encode(e);
        return new[] { low, high };
    }

    private static void Break(UdmEvent e, string what)
    {
        switch (what)
        {
            case "missing event_id": e.HasEventId = false; break;
            case "missing captured_at": e.HasCapturedAt = false; break;
            case "null source_id": e.SourceId = null; break;
            case "empty source_id": e.SourceId = ""; break;
            case "257-char source_id": e.SourceId = new string('s', 257); break;
            case "undefined event_type": e.EventType = (UdmEventType)18; break;
            case "undefined source_type": e.SourceType = (UdmSourceType)(-1); break;
            case "negative sequence_num": e.SequenceNum.Set(-1); break;
            case "captured_at year 10000": e.SetCapturedAt(253402300800000000L, true); break;
            case "soc 100.5": e.Power.BatterySocPct.Set(100.5); break;
            case "soc -0.1": e.Power.BatterySocPct.Set(-0.1); break;
            case "soc NaN": e.Power.BatterySocPct.Set(double.NaN); break;
            case "health 101": e.Power.BatteryHealthPct.Set(101); break;
            case "voltage infinity": e.Power.BatteryVoltageV.Set(double.PositiveInfinity); break;
            case "negative consumption": e.Power.PowerConsumptionW.Set(-1); break;
            case "negative runtime": e.Power.EstimatedRuntimeMin.Set(-1); break;
            case "latitude 90.0001": e.Location.Latitude.Set(90.0001); break;
            case "longitude -180.5": e.Location.Longitude.Set(-180.5); break;
            case "heading 360": e.Location.HeadingDeg.Set(360); break;
            case "heading -1": e.Location.HeadingDeg.Set(-1); break;
            case "negative accuracy": e.Location.HorizontalAccuracyM.Set(-0.1); break;
            case "local x NaN": e.Location.LocalXM.Set(double.NaN); break;
            case "negative speed": e.Motion.SpeedMps.Set(-0.5); break;
            case "acceleration NaN": e.Motion.LinearAcceleration.Set(0, double.NaN, 0); break;
            case "negative violation_count": e.Safety.ViolationCount.Set(-1); break;
            case "negative speed limit": e.Safety.SpeedLimitMps.Set(-1); break;
            case "humidity 100.1": e.Environment.HumidityPct.Set(100.1); break;
            case "negative pressure": e.Environment.PressureHpa.Set(-1); break;
            case "negative buffered events": e.Communication.BufferedEvents.Set(-1); break;
            case "component temp NaN": e.Thermal.AddComponent("cpu", double.NaN); break;
            case "extension NaN": e.Extensions.SetNumber("custom_x", double.NaN); break;
            default: throw new ArgumentException(what);
        }
    }
}
