using System.Text;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Tests.Events;

/// <summary>Events for the tests: a minimal valid envelope and one with every supported field set.</summary>
internal static class EventSamples
{
    /// <summary>2026-06-07T19:00:00.123456Z.</summary>
    public const long CapturedAt = 1780858800123456L;

    public static UdmEvent Minimal(UdmEventType type = UdmEventType.TelemetryPeriodic, UdmSourceType source = UdmSourceType.Amr)
    {
        var e = new UdmEvent();
        e.Reset();
        e.EventType = type;
        e.SourceType = source;
        e.SourceId = "esp32-node-7";
        e.SetCapturedAt(CapturedAt, true);
        Assert.True(UuidText.TryParse("01940000-0000-7000-8000-000000000abc", e.EventId, 0));
        e.HasEventId = true;
        return e;
    }

    /// <summary>Sets every field the model supports.</summary>
    public static UdmEvent Full()
    {
        UdmEvent e = Minimal(UdmEventType.SafetyViolation, UdmSourceType.Cobot);
        e.SequenceNum.Set(42);
        e.SessionId = "boot-0001";
        e.SentAtMicros.Set(CapturedAt + 5000);
        e.SdkVersion = "phytrace-nano/0.1.0";

        PowerDomain p = e.Power;
        p.BatterySocPct.Set(78.4);
        p.BatteryVoltageV.Set(48.2);
        p.BatteryCurrentA.Set(-3.01);
        p.BatteryTemperatureC.Set(31.5);
        p.BatteryHealthPct.Set(97);
        p.IsCharging.Set(false);
        p.PowerConsumptionW.Set(145.2);
        p.PowerSource = PowerSource.Battery;
        p.VoltageV.Set(3.3);
        p.CurrentA.Set(0.12);
        p.EstimatedRuntimeMin.Set(240);

        ThermalDomain t = e.Thermal;
        t.ThermalState = ThermalState.Elevated;
        t.AmbientTempC.Set(24.5);
        t.IsThrottling.Set(false);
        t.AddComponent("cpu", 61.25);
        t.AddComponent("motor-left", 45);

        LocationDomain l = e.Location;
        l.SetGeo(32.7767, -96.797);
        l.AltitudeM.Set(134.5);
        l.HeadingDeg.Set(270);
        l.SetLocal(12.5, 4.25, 0, "map");
        l.HorizontalAccuracyM.Set(0.05);
        l.MapId = "warehouse-a-floor-1";
        l.Floor.Set(1);

        MotionDomain m = e.Motion;
        m.SpeedMps.Set(1.2);
        m.MotionState = MotionState.Moving;
        m.FrameId = "base_link";
        m.CommandedLinearMps.Set(1.2);
        m.CommandedAngularDps.Set(-15);
        m.LinearVelocity.Set(1.2, 0, 0);
        m.AngularVelocity.Set(0, 0, -15);
        m.LinearAcceleration.Set(0.01, -0.02, 9.81);

        SafetyDomain s = e.Safety;
        s.SafetyState = SafetyState.ProtectiveStop;
        s.IsSafe.Set(false);
        s.EStopActive.Set(true);
        s.EStopType = "hardware";
        s.EStopTriggeredAtMicros.Set(CapturedAt - 1000);
        s.ProtectiveStopActive.Set(true);
        s.ProtectiveStopReason = "operator_button";
        s.AddViolation("proximity_violation", "high", "zone-a");
        s.AddViolation("speed_violation", null, null);
        s.SpeedLimitMps.Set(0.5);
        s.SafetySystemOk.Set(true);

        EnvironmentReadings env = e.Environment;
        env.TemperatureC.Set(22.5);
        env.HumidityPct.Set(41.5);
        env.PressureHpa.Set(1013.25);
        env.IlluminanceLux.Set(320);

        CommunicationDomain c = e.Communication;
        c.NetworkType = "wifi";
        c.NetworkConnected.Set(true);
        c.RssiDbm.Set(-52);
        c.Ssid = "plant-floor";
        c.PhytraceConnected.Set(false);
        c.BufferedEvents.Set(1234);
        c.BufferBytesUsed.Set(987654);
        c.BufferCapacityBytes.Set(1048576000);
        c.DroppedEvents.Set(0);

        e.Extensions.SetString("custom_firmware", "1.2.3");
        e.Extensions.SetNumber("custom_vibration_g", 0.031);
        e.Extensions.SetInteger("custom_boot_count", 17);
        e.Extensions.SetBoolean("custom_door_open", true);
        return e;
    }

    /// <summary>The typical telemetry event of the benchmark: battery, thermal, location and two extensions.</summary>
    public static void FillTypicalTelemetry(UdmEvent e)
    {
        e.Power.BatterySocPct.Set(78.4);
        e.Power.BatteryVoltageV.Set(12.62);
        e.Power.BatteryCurrentA.Set(-1.35);
        e.Thermal.AmbientTempC.Set(24.5);
        e.Thermal.ThermalState = ThermalState.Normal;
        e.Location.SetLocal(12.5, 4.25, 0, "map");
        e.Location.HeadingDeg.Set(270);
        e.Extensions.SetNumber("custom_vibration_g", 0.031);
        e.Extensions.SetBoolean("custom_door_open", false);
    }

    /// <summary>
    /// <paramref name="count"/> varied events as compact UDM JSON, encoded by the library: the full
    /// event, a minimal one of every event type, then the telemetry of a simulated node (battery,
    /// thermal, position, extensions, an occasional e-stop) every 100 ms. Deterministic, and part of
    /// the repository, so the batching and gzip tests need nothing beside it.
    /// </summary>
    public static byte[][] EncodedVariety(int count)
    {
        var wall = new ManualWallClock(new DateTime(2026, 11, 27, 15, 4, 5, DateTimeKind.Utc), true);
        var factory = new UdmEventFactory(new NodeIdentity("amr-warehouse-a-017", UdmSourceType.Amr, "boot-0042", "phytrace-nano/0.1.0"),
            wall, new ManualTickClock(), new XorShiftRandom(11));
        var telemetry = new Phytrace.Nano.Simulator.TelemetryGenerator(3, 17);
        var events = new byte[count][];
        var buffer = new byte[8192];
        var encoder = new UdmEventEncoder();
        for (int i = 0; i < count; i++)
        {
            UdmEvent e;
            if (i == 0)
            {
                e = Full();
            }
            else if (i <= UdmEventTypeNames.Count)
            {
                e = Minimal((UdmEventType)(i - 1));
            }
            else
            {
                e = new UdmEvent();
                factory.Begin(e, telemetry.NextType());
                telemetry.Fill(e);
                wall.AdvanceMs(100);
            }
            events[i] = buffer.AsSpan(0, encoder.Encode(e, buffer, 0, buffer.Length)).ToArray();
        }
        return events;
    }

    public static string Encode(UdmEvent e)
    {
        var buffer = new byte[8192];
        int n = new UdmEventEncoder().Encode(e, buffer, 0, buffer.Length);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }
}
