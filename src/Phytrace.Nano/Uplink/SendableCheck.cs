using System;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Events;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// Defence in depth at send time: the uplink does not trust that every stored record can go into
    /// a batch. Records reach the ring through EdgeBuffer.Enqueue as well as the node's checked
    /// Emit/EmitJson, and a ring written by an older firmware may hold events today's checks refuse.
    /// Each record is held to what a batch needs (one object from '{' to '}', within
    /// max_batch_bytes) and to the passthrough scanner's rules, so one bad record can neither stop
    /// the uplink nor make a whole batch undecodable for its receivers. Allocates nothing for
    /// records that pass.
    /// <para>
    /// A record the buffer marks vetted (<see cref="BufferedEvents.IsVetted"/>) is checked for its
    /// shape only: its producer in this mount (the node's encoder, or the same scanner in EmitJson)
    /// already held those very bytes to the scanner's rules, and the buffer returned them only after
    /// every slot's CRC (or the seal) held. Scanning costs about 1 µs per byte on nanoCLR, more
    /// than the rest of the uplink's work per event (docs/performance.md).
    /// </para>
    /// </summary>
    public sealed class SendableCheck
    {
        private readonly BatchBuilder builder;
        private readonly UdmEventScanner scanner = new UdmEventScanner();

        public SendableCheck(BatchBuilder builder)
        {
            if (builder == null)
            {
                throw new ArgumentNullException(nameof(builder));
            }
            this.builder = builder;
        }

        /// <summary>Why json[offset..+length) cannot be sent as an event, or null if it can.</summary>
        public string? Problem(byte[] json, int offset, int length)
        {
            return Problem(json, offset, length, true);
        }

        private string? Problem(byte[] json, int offset, int length, bool scan)
        {
            try
            {
                builder.CheckEvent(json, offset, length);
                if (scan)
                {
                    scanner.Scan(json, offset, length);
                }
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
            catch (UdmScanException e)
            {
                return e.Message;
            }
            return null;
        }

        /// <summary>Index of the first event in <paramref name="events"/> that cannot be sent, or -1; its reason in <paramref name="reason"/>. Vetted events are not scanned again.</summary>
        public int FirstUnsendable(BufferedEvents events, out string? reason)
        {
            byte[] payload = events.Payload;
            int n = events.Count;
            int[] offsets = events.offsets;
            int[] lengths = events.lengths;
            bool[] vetted = events.vetted;
            int maxEvent = builder.MaxEventBytes;
            for (int i = 0; i < n; i++)
            {
                int offset = offsets[i];
                int length = lengths[i];
                // A vetted record needs only BatchBuilder.CheckEvent's shape test, inline here (on the
                // device its calls cost more than the test); any doubt goes the long way, which says why.
                if (vetted[i] && length >= 2 && length <= maxEvent && offset >= 0 && offset <= payload.Length - length
                    && payload[offset] == (byte)'{' && payload[offset + length - 1] == (byte)'}')
                {
                    continue;
                }
                reason = Problem(payload, offset, length, !vetted[i]);
                if (reason != null)
                {
                    return i;
                }
            }
            reason = null;
            return -1;
        }
    }
}
