using System.Text.Json;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Tests.Events;

public class UdmEventFactoryTests
{
    [Fact]
    public void Begin_fills_identity_sequence_id_and_time_so_the_app_sets_only_readings()
    {
        (UdmEvent e, UdmEventFactory factory) = BeginOne();
        using (var doc = JsonDocument.Parse(EventSamples.Encode(e)))
        {
            JsonElement r = doc.RootElement;
            Assert.Equal("esp32-node-7", r.GetProperty("source_id").GetString());
            Assert.Equal("inspection_robot", r.GetProperty("source_type").GetString());
            Assert.Equal("telemetry_on_change", r.GetProperty("event_type").GetString());
            Assert.Equal("boot-9", r.GetProperty("session_id").GetString());
            Assert.Equal("0.1.0", r.GetProperty("sdk_version").GetString());
            Assert.Equal(41, r.GetProperty("sequence_num").GetInt64());
            Assert.Equal("2026-06-07T19:00:00.123456Z", r.GetProperty("captured_at").GetString());
        }
        Assert.Equal(new DateTimeOffset(2026, 6, 7, 19, 0, 0, 123, TimeSpan.Zero).ToUnixTimeMilliseconds(), Uuid7Generator.TimestampMs(e.EventId, 0));
        Assert.True(e.CapturedAtClockSynced);
        Assert.Equal(42, factory.NextSequence);
    }

    [SkippableFact]
    public void An_event_begun_by_the_factory_validates_against_the_phyudm_schema()
    {
        UdmSchema.AssertValid(EventSamples.Encode(BeginOne().Event));
    }

    /// <summary>An event begun over readings left from before (which Begin clears), with one reading set after.</summary>
    private static (UdmEvent Event, UdmEventFactory Factory) BeginOne()
    {
        var wall = new ManualWallClock(new DateTime(2026, 6, 7, 19, 0, 0, DateTimeKind.Utc).AddTicks(1234560), true);
        var factory = new UdmEventFactory(new NodeIdentity("esp32-node-7", UdmSourceType.InspectionRobot, "boot-9", "0.1.0"), wall, new ManualTickClock(), new XorShiftRandom(5));
        factory.NextSequence = 41;
        var e = new UdmEvent();
        e.Power.BatterySocPct.Set(12);
        factory.Begin(e, UdmEventType.TelemetryOnChange);
        Assert.False(e.Power.IsSet);
        e.Thermal.AmbientTempC.Set(21.5);
        return (e, factory);
    }

    [Fact]
    public void Sequence_numbers_and_ids_are_monotonic_and_unsynced_time_is_marked()
    {
        var wall = new ManualWallClock(DateTime.UnixEpoch.AddSeconds(12), false);
        var factory = new UdmEventFactory(new NodeIdentity("n", UdmSourceType.Custom, null, null), wall, new ManualTickClock(), new XorShiftRandom(6));
        var e = new UdmEvent();
        string previousId = "";
        for (long i = 0; i < 100; i++)
        {
            factory.Begin(e, UdmEventType.TelemetryPeriodic);
            Assert.Equal(i, e.SequenceNum.Value);
            Assert.False(e.CapturedAtClockSynced);
            string id = Phytrace.Nano.Formats.UuidText.ToString(e.EventId, 0);
            Assert.True(string.CompareOrdinal(previousId, id) < 0);
            previousId = id;
        }
        using var doc = JsonDocument.Parse(EventSamples.Encode(e));
        Assert.False(doc.RootElement.TryGetProperty("session_id", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void An_empty_source_id_is_refused(string? sourceId)
    {
        Assert.Throws<ArgumentException>(() => new NodeIdentity(sourceId!, UdmSourceType.Amr, null, null));
        Assert.Throws<ArgumentException>(() => new NodeIdentity(new string('x', 257), UdmSourceType.Amr, null, null));
    }
}
