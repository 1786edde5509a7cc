using System.IO.Compression;
using System.Text.Json;

namespace Phytrace.Nano.Host.Receiving;

/// <summary>
/// Turns an MQTT payload from phytrace/v1/{source}/events back into events: gunzips it when it
/// starts with the gzip magic, parses the UDM batch envelope and checks that batch_size matches.
/// </summary>
public static class BatchDecoder
{
    public static DecodedBatch Decode(ReadOnlySpan<byte> payload)
    {
        byte[] json = payload.Length >= 2 && payload[0] == 0x1F && payload[1] == 0x8B ? Gunzip(payload) : payload.ToArray();
        using JsonDocument doc = ParseOrThrow(json);
        if (!doc.RootElement.TryGetProperty("batch", out JsonElement batch) || batch.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("batch payload has no \"batch\" object");
        }
        string batchId = Required(batch, "batch_id").GetString() ?? string.Empty;
        int declared = Required(batch, "batch_size").GetInt32();
        string compression = batch.TryGetProperty("compression", out JsonElement c) ? c.GetString() ?? "none" : "none";
        JsonElement events = Required(batch, "events");
        if (events.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("batch \"events\" is not an array");
        }
        var list = new List<DecodedEvent>(events.GetArrayLength());
        foreach (JsonElement e in events.EnumerateArray())
        {
            JsonElement idElement = Required(e, "event_id");
            if (idElement.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"an event's event_id is not a string in batch {batchId}");
            }
            string id = idElement.GetString() ?? string.Empty;
            string source = e.TryGetProperty("source_id", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? string.Empty : string.Empty;
            // sequence_num may be any JSON integer (1.0, 1e20): read it only where it is a 64-bit whole number.
            long? seq = e.TryGetProperty("sequence_num", out JsonElement n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out long whole) ? whole : null;
            list.Add(new DecodedEvent(id, source, seq, e.GetRawText()));
        }
        if (declared != list.Count)
        {
            throw new InvalidDataException($"batch {batchId} declares batch_size {declared} but carries {list.Count} events");
        }
        return new DecodedBatch(batchId, declared, compression, payload.Length, json.Length, list);
    }

    private static JsonDocument ParseOrThrow(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("batch payload is not valid JSON: " + e.Message, e);
        }
    }

    private static JsonElement Required(JsonElement obj, string name)
        => obj.TryGetProperty(name, out JsonElement value) ? value : throw new InvalidDataException($"missing \"{name}\"");

    private static byte[] Gunzip(ReadOnlySpan<byte> payload)
    {
        using var input = new MemoryStream(payload.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
