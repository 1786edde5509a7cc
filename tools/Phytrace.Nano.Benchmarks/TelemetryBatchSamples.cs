using System.Globalization;
using System.Text;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// Realistic UDM telemetry as a sensor node on an AMR reports it every 100 ms: power, thermal,
/// location, motion and communication readings that drift a little between events, with
/// UUIDv7-shaped ids and microsecond timestamps; 100 of them joined the way a batch holds them.
/// </summary>
public static class TelemetryBatchSamples
{
    public static byte[][] Events(int count, int seed)
    {
        var random = new Random(seed);
        var inv = CultureInfo.InvariantCulture;
        var start = new DateTime(2026, 11, 27, 15, 4, 5, DateTimeKind.Utc);
        double soc = 78.4, volts = 48.2, amps = 3.01, temp = 41.5, x = 12.5, y = 4.25, heading = 270, speed = 0.8;
        int rssi = -52;
        var events = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            soc -= random.NextDouble() * 0.01;
            volts += (random.NextDouble() - 0.5) * 0.05;
            amps = 3 + (random.NextDouble() * 0.4);
            temp += (random.NextDouble() - 0.5) * 0.1;
            heading = (heading + ((random.NextDouble() - 0.5) * 4) + 360) % 360;
            speed = Math.Clamp(speed + ((random.NextDouble() - 0.5) * 0.1), 0, 1.5);
            x += speed * 0.1 * Math.Cos(heading * Math.PI / 180);
            y += speed * 0.1 * Math.Sin(heading * Math.PI / 180);
            rssi = Math.Clamp(rssi + random.Next(-2, 3), -90, -30);
            DateTime at = start.AddTicks(i * 1_000_000L + random.Next(0, 2000) * 10);
            long ms = (long)(at - DateTime.UnixEpoch).TotalMilliseconds;
            string id = string.Create(inv, $"{ms >> 16:x8}-{ms & 0xFFFF:x4}-7{random.Next(0, 4096):x3}-{0x8000 | random.Next(0, 0x4000):x4}-{random.NextInt64(0, 1L << 48):x12}");
            string json = string.Create(inv,
                $"{{\"udm_version\":\"0.0.3\",\"event_id\":\"{id}\",\"event_type\":\"telemetry_periodic\",\"source_id\":\"amr-warehouse-a-017\",\"source_type\":\"amr\",\"captured_at\":\"{at:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'}\",\"sequence_num\":{1000 + i}," +
                $"\"power\":{{\"battery\":{{\"soc_pct\":{soc:0.00},\"voltage_v\":{volts:0.000}}},\"current_a\":{amps:0.000},\"power_consumption_w\":{volts * amps:0.0}}}," +
                $"\"thermal\":{{\"thermal_state\":\"normal\",\"ambient_temp_c\":{temp:0.00},\"is_throttling\":false}}," +
                $"\"location\":{{\"heading_deg\":{heading:0.0},\"local\":{{\"x_m\":{x:0.000},\"y_m\":{y:0.000},\"z_m\":0.0}},\"frame_id\":\"map\",\"map_id\":\"warehouse-a-floor-1\"}}," +
                $"\"motion\":{{\"linear_velocity\":{{\"x_mps\":{speed:0.000},\"y_mps\":0.0,\"z_mps\":0.0}}}}," +
                $"\"communication\":{{\"network\":{{\"type\":\"wifi\",\"rssi_dbm\":{rssi}}}}}}}");
            events[i] = Encoding.UTF8.GetBytes(json);
        }
        return events;
    }

    /// <summary>The events as a JSON array: what the batch envelope's "events" member carries.</summary>
    public static byte[] BatchJson(int count, int seed)
    {
        var json = new MemoryStream();
        json.WriteByte((byte)'[');
        byte[][] events = Events(count, seed);
        for (int i = 0; i < events.Length; i++)
        {
            if (i > 0)
            {
                json.WriteByte((byte)',');
            }
            json.Write(events[i]);
        }
        json.WriteByte((byte)']');
        return json.ToArray();
    }
}
