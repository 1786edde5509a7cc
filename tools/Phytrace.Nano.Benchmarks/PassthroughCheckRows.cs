using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Compression;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// The events benchmark's rows for EmitJson's check (UdmEventScanner: RFC 8259 syntax, UTF-8,
/// nesting, envelope) against System.Text.Json's Utf8JsonReader reading every token of the same
/// bytes plus Utf8.IsValid over them (syntax and UTF-8, no envelope), and what the uplink's
/// send-time check of each record costs next to compressing the batch.
/// </summary>
public static class PassthroughCheckRows
{
    public static void AddTo(ResultTable table, bool quick, byte[] typicalCompact)
    {
        int n = quick ? 20_000 : 300_000;
        var scanner = new UdmEventScanner();
        byte[] pretty = PrettyEvent();
        byte[] escaped = Encoding.UTF8.GetBytes(
            "{\"udm_version\":\"0.0.3\",\"event_id\":\"cell-7/run-\\u00e9\\u00e8/\\\"42\\\"\",\"event_type\":\"custom\",\"source_id\":\"r\u00f6bot-\u00e4\u00df\","
            + "\"source_type\":\"custom\",\"captured_at\":\"2026-06-07T19:00:00.123456+02:00\",\"extensions\":{\"note\":\"\u65e5\u672c\u8a9e \\ud83d\\ude00 \\n tab\\t\","
            + "\"values\":[1.5e-3,-0,12345678901234567890,true,false,null]}}");
        foreach ((string name, byte[] bytes) in new[] { ("typical event, compact", typicalCompact), ("pretty-printed event", pretty), ("escapes, non-ASCII, non-UUID id", escaped) })
        {
            void Ours() => scanner.Scan(bytes, 0, bytes.Length);
            void Baseline()
            {
                var reader = new Utf8JsonReader(bytes);
                while (reader.Read())
                {
                }
                if (!Utf8.IsValid(bytes))
                {
                    throw new InvalidDataException("not UTF-8");
                }
            }
            Ours();
            Baseline();
            double ours = Measure.OpsPerSecond(Ours, n, 10_000);
            double baseline = Measure.OpsPerSecond(Baseline, n, 10_000);
            string label = "EmitJson check: " + name + " (" + bytes.Length + " B)";
            table.Add(label, "MB/s", ours * bytes.Length / 1e6, baseline * bytes.Length / 1e6, "higher is better; ours also checks the envelope");
            table.Add(label, "bytes allocated/check", Measure.AllocatedBytesPerCall(Ours, n / 10), Measure.AllocatedBytesPerCall(Baseline, n / 10), "0");
        }
        AddSendTimeRow(table, quick, typicalCompact, scanner);
    }

    /// <summary>The uplink checks every record before batching: time for 50 records against gzip (level 6) of their batch.</summary>
    private static void AddSendTimeRow(ResultTable table, bool quick, byte[] typicalCompact, UdmEventScanner scanner)
    {
        const int BatchEvents = 50;
        var events = new BufferedEvents(BatchEvents, 64 * 1024);
        var id = new byte[16];
        for (int i = 0; i < BatchEvents; i++)
        {
            id[15] = (byte)i;
            events.TryAdd(typicalCompact, 0, typicalCompact.Length, id, 0, i, 1780858800000000L, true);
        }
        var builder = new BatchBuilder(new BatchConfig(BatchEvents, 1000, BatchCompression.None, 6), new XorShiftRandom(2));
        Batch plain = builder.Build(events);
        byte[] envelope = plain.Payload.AsSpan(plain.PayloadOffset, plain.PayloadLength).ToArray();
        var gzip = new GzipEncoder(6);
        var compressed = new byte[GzipEncoder.MaxCompressedSize(envelope.Length)];
        void Check()
        {
            for (int i = 0; i < BatchEvents; i++)
            {
                scanner.Scan(events.Payload, events.PayloadOffset(i), events.PayloadLength(i));
            }
        }
        void Compress() => gzip.Compress(envelope, 0, envelope.Length, compressed, 0, compressed.Length);
        int rounds = quick ? 300 : 3000;
        double check = Measure.OpsPerSecond(Check, rounds, 100);
        double compress = Measure.OpsPerSecond(Compress, rounds, 100);
        table.Add("send-time check of a 50-event batch vs its gzip (level 6)", "us/batch", 1e6 / check, 1e6 / compress,
            "ratio: the check's share next to compression (baseline column is gzip)");
    }

    /// <summary>A 2-3 KB event as a file holds it: indented, every domain the core writes, a final newline.</summary>
    private static byte[] PrettyEvent()
    {
        string compact = "{\"udm_version\":\"0.0.3\",\"event_id\":\"01940000-0000-7000-8000-000000000301\",\"event_type\":\"task_completed\","
            + "\"source_id\":\"amr-warehouse-a-017\",\"source_type\":\"amr\",\"captured_at\":\"2026-06-07T19:00:00.000000Z\",\"sequence_num\":1042,"
            + "\"session_id\":\"0194f000-0000-7000-8000-00000000beef\",\"location\":{\"latitude\":32.7767,\"longitude\":-96.797,\"heading_deg\":270.0,"
            + "\"local\":{\"x_m\":12.5,\"y_m\":4.25,\"z_m\":0.0},\"frame_id\":\"map\"},\"power\":{\"battery\":{\"soc_pct\":78.4,\"voltage_v\":48.2,"
            + "\"current_a\":-3.01},\"power_source\":\"battery\"},\"thermal\":{\"thermal_state\":\"normal\",\"ambient_temp_c\":24.5,"
            + "\"components\":[{\"name\":\"cpu\",\"temp_c\":61.25},{\"name\":\"motor-left\",\"temp_c\":45.0}]},\"motion\":{\"linear_velocity\":"
            + "{\"x\":0.8,\"y\":0.0,\"z\":0.0},\"speed_mps\":0.8},\"operational\":{\"mode\":\"autonomous\",\"state\":\"executing\",\"task_id\":\"pick-2291\","
            + "\"progress_pct\":100.0},\"extensions\":{\"custom_order\":\"SO-88231\",\"custom_items\":[\"SKU-1\",\"SKU-2\",\"SKU-3\"],\"custom_weight_kg\":12.75}}";
        using JsonDocument doc = JsonDocument.Parse(compact);
        string indented = JsonSerializer.Serialize(doc.RootElement, new JsonSerializerOptions { WriteIndented = true });
        return Encoding.UTF8.GetBytes(indented + "\n");
    }
}
