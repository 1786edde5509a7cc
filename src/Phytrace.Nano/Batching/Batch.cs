using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Batching
{
    /// <summary>
    /// A closed batch: its id, how many events, the earliest and latest captured_at, and the
    /// payload (the UDM batch envelope, gzip-compressed unless compression is None) as
    /// Payload[PayloadOffset .. PayloadOffset+PayloadLength). The instance and its buffers belong
    /// to the <see cref="BatchBuilder"/> that made it and are reused: a batch stays valid until
    /// that builder (or its BatchProcessor) starts the next one.
    /// </summary>
    public sealed class Batch
    {
        private readonly byte[] batchId = new byte[UuidText.ByteLength];
        private byte[] payload = new byte[0];
        private int payloadOffset;
        private int payloadLength;
        private int envelopeLength;
        private int eventCount;
        private long firstEventAt;
        private long lastEventAt;
        private BatchCompression compression;

        internal Batch()
        {
        }

        /// <summary>Events in the batch.</summary>
        public int EventCount
        {
            get { return eventCount; }
        }

        /// <summary>Earliest captured_at of its events, microseconds since the Unix epoch.</summary>
        public long FirstEventAtUnixMicros
        {
            get { return firstEventAt; }
        }

        /// <summary>Latest captured_at of its events, microseconds since the Unix epoch.</summary>
        public long LastEventAtUnixMicros
        {
            get { return lastEventAt; }
        }

        public BatchCompression Compression
        {
            get { return compression; }
        }

        /// <summary>The array holding the payload (reused; see the class remarks).</summary>
        public byte[] Payload
        {
            get { return payload; }
        }

        public int PayloadOffset
        {
            get { return payloadOffset; }
        }

        /// <summary>Bytes of payload to send.</summary>
        public int PayloadLength
        {
            get { return payloadLength; }
        }

        /// <summary>Bytes of the envelope JSON before compression.</summary>
        public int EnvelopeLength
        {
            get { return envelopeLength; }
        }

        /// <summary>The 16 id bytes (RFC 9562 order) copied to destination[offset].</summary>
        public void CopyBatchId(byte[] destination, int offset)
        {
            Array.Copy(batchId, 0, destination, offset, UuidText.ByteLength);
        }

        /// <summary>The id as UUID text (allocates; for logs and tests).</summary>
        public string BatchIdString()
        {
            return UuidText.ToString(batchId, 0);
        }

        internal byte[] BatchIdBytes
        {
            get { return batchId; }
        }

        internal void Set(int events, long first, long last, BatchCompression kind, byte[] bytes, int offset, int length, int envelope)
        {
            eventCount = events;
            firstEventAt = first;
            lastEventAt = last;
            compression = kind;
            payload = bytes;
            payloadOffset = offset;
            payloadLength = length;
            envelopeLength = envelope;
        }
    }
}
