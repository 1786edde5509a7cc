using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Phytrace.Nano.Batching;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// BatchSet outputs read with .NET's own GZipStream and System.Text.Json: each envelope is
/// {"batch":{batch_id (UUID version 4), batch_size, first_event_at, last_event_at, compression,
/// events}}; the events of all batches, in order, are exactly the events fed; each batch holds at
/// most max_batch_size events and max_batch_bytes of them; its times are its events' earliest and
/// latest capture times, written as .NET's DateTime writes them.
/// </summary>
public static class BatchOracle
{
    private static readonly BatchSet Set = new();

    public static string? Check(int index, byte[] output)
    {
        BatchConfig config = Set.Config(index, out XorShiftRandom _);
        XorShiftRandom events = Set.Events(index);
        var e = new UdmEvent();
        var json = new byte[8192];
        var fed = new List<(string Json, long CapturedAt)>();
        for (int k = 0; k < Set.EventCount(index); k++)
        {
            int length = BatchSet.NextEvent(events, e, json, out long capturedAt);
            fed.Add((System.Text.Encoding.UTF8.GetString(json, 0, length), capturedAt));
        }
        int at = 0;
        int next = 0;
        int batches = 0;
        while (at < output.Length)
        {
            int count = (int)Read(output, ref at, 2);
            long first = Read(output, ref at, 8);
            long last = Read(output, ref at, 8);
            var compression = (BatchCompression)output[at++];
            int envelopeLength = (int)Read(output, ref at, 4);
            int payloadLength = (int)Read(output, ref at, 4);
            byte[] payload = output.AsSpan(at, payloadLength).ToArray();
            at += payloadLength;
            batches++;
            byte[] envelope = compression == BatchCompression.Gzip ? Gunzip(payload) : payload;
            if (envelope.Length != envelopeLength || compression != config.Compression)
            {
                return $"batch {batches}: envelope of {envelope.Length} bytes, {compression}; expected {envelopeLength}, {config.Compression}";
            }
            using JsonDocument document = JsonDocument.Parse(envelope);
            JsonElement batch = document.RootElement.GetProperty("batch");
            string id = batch.GetProperty("batch_id").GetString()!;
            if (!Guid.TryParseExact(id, "D", out _) || id[14] != '4' || "89ab".IndexOf(id[19], StringComparison.Ordinal) < 0 || id != id.ToLowerInvariant())
            {
                return $"batch {batches}: batch_id {id} is not a lowercase version-4 UUID";
            }
            JsonElement[] inside = batch.GetProperty("events").EnumerateArray().ToArray();
            if (batch.GetProperty("batch_size").GetInt32() != count || inside.Length != count || count < 1 || count > config.MaxBatchSize)
            {
                return $"batch {batches}: batch_size {batch.GetProperty("batch_size")} with {inside.Length} events; count {count}, max {config.MaxBatchSize}";
            }
            if (inside.Sum(x => x.GetRawText().Length) > config.MaxBatchBytes || batch.GetProperty("compression").GetString() != (compression == BatchCompression.Gzip ? "gzip" : "none"))
            {
                return $"batch {batches}: more than max_batch_bytes of events, or the wrong compression name";
            }
            long earliest = long.MaxValue, latest = long.MinValue;
            foreach (JsonElement inner in inside)
            {
                if (next >= fed.Count || inner.GetRawText() != fed[next].Json)
                {
                    return $"batch {batches}: event {next} is not the event fed at that place";
                }
                earliest = Math.Min(earliest, fed[next].CapturedAt);
                latest = Math.Max(latest, fed[next].CapturedAt);
                next++;
            }
            if (first != earliest || last != latest || batch.GetProperty("first_event_at").GetString() != Text(earliest) || batch.GetProperty("last_event_at").GetString() != Text(latest))
            {
                return $"batch {batches}: first/last_event_at are not the events' earliest and latest capture times";
            }
        }
        return next == fed.Count ? null : $"{fed.Count - next} events fed never came out in a batch";
    }

    private static string Text(long micros) =>
        new DateTime(DateTime.UnixEpoch.Ticks + (micros * 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static long Read(byte[] data, ref int at, int bytes)
    {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--)
        {
            value = (value << 8) | data[at + i];
        }
        at += bytes;
        return value;
    }

    private static byte[] Gunzip(byte[] member)
    {
        using var inflated = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(member), CompressionMode.Decompress))
        {
            gzip.CopyTo(inflated);
        }
        return inflated.ToArray();
    }
}
