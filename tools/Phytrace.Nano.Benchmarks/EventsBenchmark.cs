using System.Text.Json;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// A typical telemetry event (envelope with sequence and session, battery, thermal, local location,
/// two extensions) built by UdmEventFactory and encoded by UdmEventEncoder, against
/// System.Text.Json's Utf8JsonWriter writing the same JSON into a reused buffer.
/// </summary>
public sealed class EventsBenchmark : IBenchmark
{
    public string Name => "events";

    public string Description => "UDM event build + validate + encode into a byte[] vs Utf8JsonWriter writing the same event into a reused buffer; EmitJson's check vs Utf8JsonReader + Utf8.IsValid over the same bytes";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("events", "Utf8JsonWriter");
        int n = quick ? 20_000 : 1_000_000;

        var factory = new UdmEventFactory(new NodeIdentity("esp32-node-7", UdmSourceType.Amr, "boot-0001", "0.1.0"),
            new ManualWallClock(new DateTime(2026, 6, 7, 19, 0, 0, DateTimeKind.Utc), true), new ManualTickClock(), new XorShiftRandom(1));
        var e = new UdmEvent();
        var encoder = new UdmEventEncoder();
        var buffer = new byte[1024];
        int ours = 0;
        void Ours()
        {
            factory.Begin(e, UdmEventType.TelemetryPeriodic);
            e.Power.BatterySocPct.Set(78.4);
            e.Power.BatteryVoltageV.Set(12.62);
            e.Power.BatteryCurrentA.Set(-1.35);
            e.Thermal.ThermalState = ThermalState.Normal;
            e.Thermal.AmbientTempC.Set(24.5);
            e.Location.SetLocal(12.5, 4.25, 0, "map");
            e.Location.HeadingDeg.Set(270);
            e.Extensions.SetNumber("custom_vibration_g", 0.031);
            e.Extensions.SetBoolean("custom_door_open", false);
            ours = encoder.Encode(e, buffer, 0, buffer.Length);
        }

        var stream = new ReusableBufferWriter(1024);
        var writer = new Utf8JsonWriter(stream);
        var id = new byte[16];
        var idText = new char[36];
        var timeText = new char[27];
        var ids = new Uuid7Generator(new ManualWallClock(new DateTime(2026, 6, 7, 19, 0, 0, DateTimeKind.Utc), true), new ManualTickClock(), new XorShiftRandom(1));
        long sequence = 0;
        long captured = Iso8601Utc.ToUnixMicros(new DateTime(2026, 6, 7, 19, 0, 0, DateTimeKind.Utc));
        var scratch = new byte[36];
        int baseline = 0;
        void Baseline()
        {
            stream.Clear();
            writer.Reset(stream);
            ids.Next(id, 0);
            UuidText.Write(id, 0, scratch, 0);
            for (int i = 0; i < 36; i++)
            {
                idText[i] = (char)scratch[i];
            }
            Iso8601Utc.Write(captured, scratch, 0);
            for (int i = 0; i < 27; i++)
            {
                timeText[i] = (char)scratch[i];
            }
            writer.WriteStartObject();
            writer.WriteString("udm_version"u8, "0.0.3"u8);
            writer.WriteString("event_id"u8, idText);
            writer.WriteString("event_type"u8, "telemetry_periodic"u8);
            writer.WriteString("source_id"u8, "esp32-node-7"u8);
            writer.WriteString("source_type"u8, "amr"u8);
            writer.WriteString("captured_at"u8, timeText);
            writer.WriteNumber("sequence_num"u8, sequence++);
            writer.WriteString("session_id"u8, "boot-0001"u8);
            writer.WriteString("sdk_version"u8, "0.1.0"u8);
            writer.WriteStartObject("power"u8);
            writer.WriteStartObject("battery"u8);
            writer.WriteNumber("soc_pct"u8, 78.4);
            writer.WriteNumber("voltage_v"u8, 12.62);
            writer.WriteNumber("current_a"u8, -1.35);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("thermal"u8);
            writer.WriteString("thermal_state"u8, "normal"u8);
            writer.WriteNumber("ambient_temp_c"u8, 24.5);
            writer.WriteEndObject();
            writer.WriteStartObject("location"u8);
            writer.WriteNumber("heading_deg"u8, 270.0);
            writer.WriteStartObject("local"u8);
            writer.WriteNumber("x_m"u8, 12.5);
            writer.WriteNumber("y_m"u8, 4.25);
            writer.WriteNumber("z_m"u8, 0.0);
            writer.WriteEndObject();
            writer.WriteString("frame_id"u8, "map"u8);
            writer.WriteEndObject();
            writer.WriteStartObject("extensions"u8);
            writer.WriteNumber("custom_vibration_g"u8, 0.031);
            writer.WriteBoolean("custom_door_open"u8, false);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            baseline = stream.WrittenCount;
        }

        Ours();
        Baseline();
        double oursRate = Measure.OpsPerSecond(Ours, n, 10_000);
        double baselineRate = Measure.OpsPerSecond(Baseline, n, 10_000);
        table.Add("typical telemetry event", "events/s", oursRate, baselineRate, "higher is better");
        table.Add("typical telemetry event", "bytes/event", ours, baseline, "same content; Utf8JsonWriter prints 270.0 as 270 too");
        table.Add("typical telemetry event", "bytes allocated/event", Measure.AllocatedBytesPerCall(Ours, n / 10), Measure.AllocatedBytesPerCall(Baseline, n / 10), "0");
        PassthroughCheckRows.AddTo(table, quick, buffer.AsSpan(0, ours).ToArray());
        return table;
    }

    /// <summary>An IBufferWriter over one array, cleared per event, so the baseline allocates nothing either.</summary>
    private sealed class ReusableBufferWriter(int capacity) : System.Buffers.IBufferWriter<byte>
    {
        private readonly byte[] buffer = new byte[capacity];

        public int WrittenCount { get; private set; }

        public void Clear() => WrittenCount = 0;

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(WrittenCount);

        public Span<byte> GetSpan(int sizeHint = 0) => buffer.AsSpan(WrittenCount);
    }
}
