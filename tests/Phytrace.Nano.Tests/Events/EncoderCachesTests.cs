using System.Text;
using System.Text.Json;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// What the encoder and the writer keep from one event to the next (the last minute's timestamp
/// text, extension keys' names) changes no byte of the output, whatever order values come in.
/// </summary>
public class EncoderCachesTests
{
    [Fact]
    public void One_writer_writes_every_timestamp_as_Iso8601Utc_does()
    {
        var buffer = new byte[64];
        var writer = new JsonWriter();
        var name = new JsonName("t");
        var random = new Random(17);
        long micros = 1795791845123456L;
        for (int i = 0; i < 200_000; i++)
        {
            micros = (i % 4) switch
            {
                0 => micros + random.Next(0, 2_000_000),                                  // mostly the same minute
                1 => micros - random.Next(0, 120_000_000),                                // back in time
                2 => random.NextInt64(-62135596800000000L, 253402300799999999L + 1),      // anywhere in UDM's years
                _ => (micros / 60_000_000 * 60_000_000) + random.Next(-2, 2),             // either side of a minute
            };
            micros = Math.Clamp(micros, -62135596800000000L, 253402300799999999L);
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteStartObject();
            writer.WriteTimestamp(name, micros);
            writer.WriteEndObject();
            Assert.Equal("{\"t\":\"" + Iso8601Utc.ToString(micros) + "\"}", Encoding.ASCII.GetString(buffer, 0, writer.Length));
        }
    }

    [Fact]
    public void Extension_keys_write_the_same_json_however_they_vary()
    {
        var encoder = new UdmEventEncoder();
        var buffer = new byte[8192];
        UdmEvent e = EventSamples.Minimal();
        for (int i = 0; i < 120; i++)
        {
            e.Extensions.Reset();
            // More distinct keys than the encoder keeps names for, new string objects with the
            // same text, keys that need escaping, keys moving between slots.
            int count = 1 + (i % UdmEvent.DefaultExtensionCapacity);
            var expected = new Dictionary<string, double>();
            for (int k = 0; k < count; k++)
            {
                int id = (i * 3 + k * 7) % 40;
                string key = id % 5 == 0 ? new string(("key_" + id).ToCharArray()) : (id % 11 == 0 ? "quote\"" + id : "key_" + id);
                if (k % 2 == 0)
                {
                    e.Extensions.SetNumber(key, (i + k) / 100.0);
                    expected[key] = (i + k) / 100.0;
                }
                else
                {
                    e.Extensions.SetInteger(key, i * k);
                    expected[key] = i * k;
                }
            }
            int n = encoder.Encode(e, buffer, 0, buffer.Length);
            Assert.Equal(EventSamples.Encode(e), Encoding.UTF8.GetString(buffer, 0, n));
            using JsonDocument doc = JsonDocument.Parse(buffer.AsMemory(0, n));
            var written = doc.RootElement.GetProperty("extensions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            Assert.Equal(expected, written);
        }
    }
}
