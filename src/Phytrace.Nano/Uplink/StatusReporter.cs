using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// Writes the node's retained status for phytrace/v1/{source_id}/status into a buffer allocated
    /// once: {"source_id","state","at","clock_synced","buffer":{count, bytes_used, capacity_bytes,
    /// oldest_age_ms, enqueued, dropped, rejected, expired, corrupt, medium_errors},"uplink":{...}}.
    /// The Last Will, {"source_id","state":"offline"}, is built once as text for the connect.
    /// </summary>
    public sealed class StatusReporter
    {
        private readonly string sourceId;
        private readonly IWallClock wall;
        private readonly JsonWriter writer = new JsonWriter();
        private readonly byte[] buffer = new byte[768];
        private readonly BufferStats stats = new BufferStats();

        public StatusReporter(string sourceId, IWallClock wall)
        {
            this.sourceId = sourceId;
            this.wall = wall;
            LastWill = "{\"source_id\":\"" + EscapeForJson(sourceId) + "\",\"state\":\"offline\"}";
        }

        /// <summary>The Last Will payload, marking the node offline when its connection dies.</summary>
        public string LastWill { get; }

        /// <summary>The bytes written by the last <see cref="Write"/>.</summary>
        public byte[] Buffer
        {
            get { return buffer; }
        }

        /// <summary>JSON string escaping in UTF-16 space, for the one string built once (the Last Will).</summary>
        private static string EscapeForJson(string text)
        {
            string result = string.Empty;
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = TextChars.OutsideSurrogates(text, i); // surrogates are copied by Substring, never escaped
                if (c == '"' || c == '\\' || c < ' ')
                {
                    result += text.Substring(start, i - start);
                    result += c == '"' ? "\\\"" : c == '\\' ? "\\\\" : "\\u00" + HexDigit(c >> 4) + HexDigit(c & 0xF);
                    start = i + 1;
                }
            }
            return result + text.Substring(start);
        }

        private static string HexDigit(int value)
        {
            return "0123456789abcdef".Substring(value, 1);
        }

        /// <summary>Writes the status for <paramref name="state"/> ("online" or "offline") and returns its length.</summary>
        public int Write(string state, EdgeBuffer edgeBuffer, UplinkCounters counters)
        {
            edgeBuffer.GetStats(stats);
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteStartObject();
            writer.WriteString("source_id", sourceId);
            writer.WriteString("state", state);
            writer.WriteTimestamp("at", Formats.Iso8601Utc.ToUnixMicros(wall.UtcNow));
            writer.WriteBool("clock_synced", wall.IsSynchronized);
            writer.WriteStartObject("buffer");
            writer.WriteNumber("count", stats.Count);
            writer.WriteNumber("bytes_used", stats.BytesUsed);
            writer.WriteNumber("capacity_bytes", stats.CapacityBytes);
            writer.WriteNumber("oldest_age_ms", stats.OldestAgeMs);
            writer.WriteNumber("enqueued", stats.Enqueued);
            writer.WriteNumber("dropped", stats.Dropped);
            writer.WriteNumber("rejected", stats.Rejected);
            writer.WriteNumber("expired", stats.Expired);
            writer.WriteNumber("corrupt", stats.Corrupt);
            writer.WriteNumber("medium_errors", stats.MediumErrors);
            writer.WriteEndObject();
            writer.WriteStartObject("uplink");
            writer.WriteNumber("events_sent", counters.EventsSent);
            writer.WriteNumber("batches_sent", counters.BatchesSent);
            writer.WriteNumber("send_failures", counters.SendFailures);
            writer.WriteNumber("connects", counters.Connects);
            writer.WriteNumber("connect_failures", counters.ConnectFailures);
            writer.WriteEndObject();
            writer.WriteEndObject();
            return writer.Length;
        }
    }
}
