// Device code (nanoFramework has no nullable annotations).
#nullable disable

using Phytrace.Nano.Batching;
using Phytrace.Nano.Compression;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
#if !BASELINE_OLD_API
using Phytrace.Nano.Uplink;
#endif

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The parts a node wires together, as PhytraceNode and the uplink do, on a RAM medium: event
    /// source, encoder, EdgeBuffer (1 MB, 256-byte records, sync every 16), the uplink's read
    /// buffer and a batch builder at a given gzip level and batch size.
    /// </summary>
    public sealed class NodeRig
    {
        /// <summary>Events of ~610 bytes per batch when only max_batch_bytes (32 KB) limits it, as in issue 17's table.</summary>
        public const int BatchEvents = 53;

        public readonly TypicalTelemetry Source = new TypicalTelemetry();
        public readonly UdmEvent Event = new UdmEvent();
        public readonly UdmEventEncoder Encoder = new UdmEventEncoder();
        public readonly byte[] Scratch;
        public readonly EdgeBuffer Buffer;
        public readonly BufferedEvents Read;
        public readonly BatchBuilder Builder;
#if !BASELINE_OLD_API
        /// <summary>The uplink's send-time check of every record it reads (UplinkWorker.Step).</summary>
        public readonly SendableCheck Sendable;
#endif
        public readonly int BatchSize;
        public int LastLength;
        public int LastBatchBytes;
        public int LastEnvelopeBytes;

        /// <summary>A rig whose batches hold up to 100 events (the seed's max_batch_size), uncompressed.</summary>
        public NodeRig()
            : this(null, BatchConfig.DefaultMaxBatchSize)
        {
        }

        /// <summary>A rig with batches of up to <paramref name="batchSize"/> events compressed as <paramref name="gzip"/> says (null: none).</summary>
        public NodeRig(GzipShape gzip, int batchSize)
        {
            BatchSize = batchSize;
            var options = new EdgeBufferOptions();
            options.MaxSizeMb = 1;
            options.SyncEvery = 16;
            Buffer = new EdgeBuffer(new RamMedium((int)options.RegionBytes), options, new SteppedWallClock(TypicalTelemetry.Start));
            Scratch = new byte[Buffer.MaxEventSize];
            var config = new BatchConfig(batchSize, BatchConfig.DefaultMaxBatchAgeMs,
                gzip == null ? BatchCompression.None : BatchCompression.Gzip, gzip == null ? 0 : gzip.Level);
            // The uplink reads at most max_batch_bytes less the envelope's reserve (PhytraceNode: 256 + one comma per event).
            Read = new BufferedEvents(batchSize, config.MaxBatchBytes - 256 - batchSize);
            GzipEncoder encoder = gzip == null ? null : gzip.NewEncoder();
            Builder = new BatchBuilder(config, new XorShiftRandom(5), encoder);
#if !BASELINE_OLD_API
            Sendable = new SendableCheck(Builder);
#endif
        }

        /// <summary>Begins, fills and encodes the next typical event into <see cref="Scratch"/>.</summary>
        public int Encode()
        {
            Source.Next(Event);
            LastLength = Encoder.Encode(Event, Scratch, 0, Scratch.Length);
            return LastLength;
        }

        /// <summary>Makes the last encoded event durable in the buffer, as PhytraceNode.Emit does (vetted: the node's encoder wrote it).</summary>
        public void Enqueue()
        {
#if BASELINE_OLD_API
            if (!Buffer.Enqueue(Scratch, 0, LastLength, Event.EventId, 0, Event.CapturedAtMicros, Event.CapturedAtClockSynced))
#else
            if (!Buffer.EnqueueVetted(Scratch, 0, LastLength, Event.EventId, 0, Event.CapturedAtMicros, Event.CapturedAtClockSynced))
#endif
            {
                throw new System.InvalidOperationException("enqueue refused: " + ((int)Buffer.LastEnqueueFailure).ToString());
            }
        }

        /// <summary>
        /// One uplink cycle without the network, as UplinkWorker.Step does it: read a batch, check
        /// every record can be sent, build and compress the batch, acknowledge it.
        /// </summary>
        public int SendOneBatch()
        {
            int n = Buffer.Dequeue(Read, BatchSize);
            if (n == 0)
            {
                return 0;
            }
#if !BASELINE_OLD_API
            string problem;
            if (Sendable.FirstUnsendable(Read, out problem) >= 0)
            {
                throw new System.InvalidOperationException("unsendable record: " + problem);
            }
#endif
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
