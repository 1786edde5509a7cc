using Phytrace.Nano.Batching;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The parts a node wires together, as PhytraceNode and the uplink do with the default
    /// BoardConfig, on a RAM medium: event source, encoder, EdgeBuffer (1 MB, 256-byte records,
    /// sync every 16), the uplink's read buffer and a batch builder at a given gzip level.
    /// </summary>
    public sealed class NodeRig
    {
        /// <summary>Events per batch the default configuration produces (32 KB of ~610-byte events).</summary>
        public const int BatchEvents = 53;

        public readonly TypicalTelemetry Source = new TypicalTelemetry();
        public readonly UdmEvent Event = new UdmEvent();
        public readonly UdmEventEncoder Encoder = new UdmEventEncoder();
        public readonly byte[] Scratch;
        public readonly EdgeBuffer Buffer;
        public readonly BufferedEvents Read;
        public readonly BatchBuilder Builder;
        public int LastLength;
        public int LastBatchBytes;
        public int LastEnvelopeBytes;

        public NodeRig(int gzipLevel)
        {
            var options = new EdgeBufferOptions();
            options.MaxSizeMb = 1;
            options.SyncEvery = 16;
            Buffer = new EdgeBuffer(new RamMedium((int)options.RegionBytes), options, new ManualWallClock(TypicalTelemetry.Start, true));
            Scratch = new byte[Buffer.MaxEventSize];
            var config = new BatchConfig(BatchConfig.DefaultMaxBatchSize, BatchConfig.DefaultMaxBatchAgeMs,
                gzipLevel < 0 ? BatchCompression.None : BatchCompression.Gzip, gzipLevel < 0 ? 0 : gzipLevel);
            // The uplink reads at most max_batch_bytes less the envelope's reserve (PhytraceNode: 256 + one comma per event).
            Read = new BufferedEvents(BatchConfig.DefaultMaxBatchSize, config.MaxBatchBytes - 256 - BatchConfig.DefaultMaxBatchSize);
            Builder = new BatchBuilder(config, new XorShiftRandom(5));
        }

        /// <summary>Begins, fills and encodes the next typical event into <see cref="Scratch"/>.</summary>
        public int Encode()
        {
            Source.Next(Event);
            LastLength = Encoder.Encode(Event, Scratch, 0, Scratch.Length);
            return LastLength;
        }

        /// <summary>Makes the last encoded event durable in the buffer, as PhytraceNode.Emit does.</summary>
        public void Enqueue()
        {
            if (!Buffer.Enqueue(Scratch, 0, LastLength, Event.EventId, 0, Event.CapturedAtMicros, Event.CapturedAtClockSynced))
            {
                throw new System.InvalidOperationException("enqueue refused: " + ((int)Buffer.LastEnqueueFailure).ToString());
            }
        }

        /// <summary>One uplink cycle without the network: read a batch, build and compress it, acknowledge it.</summary>
        public int SendOneBatch()
        {
            int n = Buffer.Dequeue(Read, BatchConfig.DefaultMaxBatchSize);
            if (n == 0)
            {
                return 0;
            }
            Batch batch = Builder.Build(Read);
            LastBatchBytes = batch.PayloadLength;
            LastEnvelopeBytes = batch.EnvelopeLength;
            Buffer.AcknowledgeThrough(Read.Sequence(n - 1));
            return n;
        }

        /// <summary>Throws unless the ring takes <paramref name="events"/> events of <paramref name="bytes"/> without making room.</summary>
        public void CheckRoomFor(int events, int bytes)
        {
            int slotPayload = Buffer.RecordSize - 64;
            long slots = (long)events * ((bytes + slotPayload - 1) / slotPayload);
            if (slots > Buffer.SlotCount - 64)
            {
                throw new System.InvalidOperationException(events.ToString() + " events of " + bytes.ToString() + " bytes do not fit the benchmark's ring");
            }
        }
    }
}
