using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// Writes the node's retained status for phytrace/v1/{source_id}/status into a buffer allocated
    /// once: {"source_id","state","at","clock_synced","session_id","boot_at","boot_clock_synced",
    /// "buffer":{count, bytes_used, capacity_bytes, oldest_age_ms, enqueued, dropped, rejected,
    /// expired, corrupt, medium_errors},"uplink":{events_sent, batches_sent, send_failures, connects,
    /// connect_failures, quarantined, quarantine_dropped[, last_quarantined_sequence,
    /// last_quarantine_reason]}}. The Last Will, {"source_id","state":"offline","session_id",
    /// "boot_at","boot_clock_synced"}, is built as text at each connect (boot_at improves once the
    /// wall clock is synchronised). Without a <see cref="BootSession"/> the session fields are left out.
    /// </summary>
    public sealed class StatusReporter
    {
        private readonly string sourceId;
        private readonly IWallClock wall;
        private readonly JsonWriter writer = new JsonWriter();
        private const int LongestReason = 300;
        private readonly byte[] buffer = new byte[1536];
        private readonly BufferStats stats = new BufferStats();
        private readonly BootSession? session;

        public StatusReporter(string sourceId, IWallClock wall)
            : this(sourceId, wall, null)
        {
        }

        /// <summary>A reporter whose status and Last Will carry <paramref name="session"/>'s id and boot time.</summary>
        public StatusReporter(string sourceId, IWallClock wall, BootSession? session)
        {
            this.sourceId = sourceId;
            this.wall = wall;
            this.session = session;
        }

        /// <summary>The Last Will payload, marking the node offline when its connection dies (allocates; built per connect).</summary>
        public string LastWill
        {
            get
            {
                string will = "{\"source_id\":\"" + EscapeForJson(sourceId) + "\",\"state\":\"offline\"";
                if (session != null)
                {
                    will += ",\"session_id\":\"" + session.SessionId + "\",\"boot_at\":\"" + Formats.Iso8601Utc.ToString(session.BootAtMicros)
                        + "\",\"boot_clock_synced\":" + (session.BootAtSynced ? "true" : "false");
                }
                return will + "}";
            }
        }

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
            if (session != null)
            {
                writer.WriteString("session_id", session.SessionId);
                writer.WriteTimestamp("boot_at", session.BootAtMicros);
                writer.WriteBool("boot_clock_synced", session.BootAtSynced);
            }
            writer.WriteStartObject("buffer");
            writer.WriteNumber("count", stats.Count);
            writer.WriteNumber("bytes_used", stats.BytesUsed);
            writer.WriteNumber("capacity_bytes", stats.CapacityBytes);
            writer.WriteNumber("oldest_age_ms", stats.OldestAgeMs);
            writer.WriteNumber("enqueued", stats.Enqueued);
            writer.WriteNumber("dropped", stats.Dropped);
            writer.WriteNumber("rejected", stats.Rejected);
            writer.WriteNumber("expired", stats.Expired);
            writer.WriteNumber("refused_expired", stats.RefusedExpired);
            writer.WriteNumber("corrupt", stats.Corrupt);
            writer.WriteNumber("medium_errors", stats.MediumErrors);
            writer.WriteEndObject();
            writer.WriteStartObject("uplink");
            writer.WriteNumber("events_sent", counters.EventsSent);
            writer.WriteNumber("batches_sent", counters.BatchesSent);
            writer.WriteNumber("send_failures", counters.SendFailures);
            writer.WriteNumber("connects", counters.Connects);
            writer.WriteNumber("connect_failures", counters.ConnectFailures);
            writer.WriteNumber("quarantined", counters.Quarantined);
            writer.WriteNumber("quarantine_dropped", counters.QuarantineDropped);
            string? reason = counters.LastQuarantineReason;
            if (reason != null)
            {
                writer.WriteNumber("last_quarantined_sequence", counters.LastQuarantinedSequence);
                writer.WriteString("last_quarantine_reason", reason.Length > LongestReason ? reason.Substring(0, LongestReason) : reason);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            return writer.Length;
        }
    }
}
