using System;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Compression;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Node
{
    /// <summary>
    /// A sensor node in one object: the EdgeBuffer, the event encoder, the batch builder, the MQTT
    /// transport, retry, circuit breaker and the uplink thread, wired from one BoardConfig.
    /// Application code fills a <see cref="UdmEvent"/> (see <see cref="BeginEvent"/>) and calls
    /// <see cref="Emit"/>; the node makes it durable and sends it when the network allows.
    /// </summary>
    public sealed class PhytraceNode : IDisposable
    {
        private readonly object emitGate = new object();
        private readonly EdgeBuffer buffer;
        private readonly BootSession session;
        private readonly UdmEventFactory factory;
        private readonly UdmEventEncoder encoder = new UdmEventEncoder();
        private readonly UdmEventScanner scanner = new UdmEventScanner();
        private readonly CircuitBreaker breaker;
        private readonly UplinkWorker uplink;
        private readonly byte[] scratch;
        private long emitFailures;
        private long invalidEvents;
        private bool disposed;

        private PhytraceNode(EdgeBuffer buffer, BootSession session, UdmEventFactory factory, CircuitBreaker breaker, UplinkWorker uplink, int maxEventBytes)
        {
            this.buffer = buffer;
            this.session = session;
            this.factory = factory;
            this.breaker = breaker;
            this.uplink = uplink;
            scratch = new byte[maxEventBytes];
        }

        /// <summary>
        /// Builds a node from <paramref name="config"/> (validated first: every problem is reported
        /// at once in an ArgumentException) on the bindings of <paramref name="platform"/>. The buffer
        /// is mounted from the medium, so events left from before a reset are sent too.
        /// </summary>
        public static PhytraceNode Create(BoardConfig config, NodePlatform platform)
        {
            if (config == null || platform == null)
            {
                throw new ArgumentNullException(config == null ? nameof(config) : nameof(platform));
            }
            platform.Validate();
            ConfigProblems problems = config.Validate(platform.Medium!.Length);
            if (!problems.IsValid)
            {
                throw new ArgumentException("BoardConfig '" + config.BoardName + "' is not valid:\n" + problems.ToString());
            }

            var bufferOptions = new EdgeBufferOptions();
            bufferOptions.MaxSizeMb = config.Storage.MaxSizeMb;
            bufferOptions.MaxAgeHours = config.Storage.MaxAgeHours;
            bufferOptions.RecordSize = config.Storage.RecordSize;
            bufferOptions.SyncEvery = config.Storage.SyncEveryRecords;
            bufferOptions.CheckpointEvery = config.Storage.CheckpointEveryRecords;
            bufferOptions.SectorSize = config.Storage.SectorSizeBytes;
            bufferOptions.EncryptionKey = config.Storage.EncryptionKey;
            bufferOptions.Random = platform.Random;
            bufferOptions.Overflow = config.Storage.OverflowPolicy == StorageSettings.OverflowDropOldest ? OverflowPolicy.DropOldest : OverflowPolicy.Reject;
            var buffer = new EdgeBuffer(platform.Medium, bufferOptions, platform.Wall!);

            var session = new BootSession(platform.Wall!, platform.Tick!, platform.Random!);
            var identity = new NodeIdentity(config.Identity.SourceId, ParseSourceType(config.Identity.SourceType), session.SessionId, SdkVersion);
            var factory = new UdmEventFactory(identity, platform.Wall!, platform.Tick!, platform.Random!);

            var batchConfig = new BatchConfig(
                config.Batch.MaxBatchSize,
                config.Batch.MaxBatchAgeMs,
                config.Batch.Compression == BatchSettings.CompressionNone ? BatchCompression.None : BatchCompression.Gzip,
                config.Batch.CompressionLevel);
            GzipEncoder? gzip = batchConfig.Compression == BatchCompression.Gzip
                ? new GzipEncoder(batchConfig.CompressionLevel, GzipWindowBits, GzipHashBits, GzipBlockSymbols)
                : null;
            var builder = new BatchBuilder(batchConfig, platform.Random!, gzip);

            var policy = new RetryPolicy(config.Retry.MaxRetries, config.Retry.InitialDelayMs, config.Retry.MaxDelayMs,
                config.Retry.ExponentialBase, config.Retry.Jitter, ErrorTypeSet.SeedRetryable, platform.Random);
            var breaker = new CircuitBreaker(config.Breaker.FailureThreshold, config.Breaker.RecoveryTimeoutSec,
                config.Breaker.HalfOpenRequests, platform.Tick!);

            var topics = new MqttTopics(config.Identity.SourceId);
            var uplinkOptions = new UplinkOptions();
            uplinkOptions.BatchSize = config.Batch.MaxBatchSize;
            uplinkOptions.PubAckTimeoutMs = config.Mqtt.PubAckTimeoutMs;
            uplinkOptions.MaxBatchAgeMs = config.Batch.MaxBatchAgeMs;
            uplinkOptions.Connect.ClientId = config.Mqtt.ClientId.Length > 0 ? config.Mqtt.ClientId : config.Identity.SourceId;
            uplinkOptions.Connect.UserName = config.Mqtt.UserName.Length > 0 ? config.Mqtt.UserName : null;
            uplinkOptions.Connect.Password = config.Mqtt.Password.Length > 0 ? config.Mqtt.Password : null;
            uplinkOptions.Connect.KeepAliveSeconds = (ushort)config.Mqtt.KeepAliveSeconds;
            var status = new StatusReporter(config.Identity.SourceId, platform.Wall!, session);
            var transport = new MqttTransport(platform.Session!, topics, builder, platform.Tick!, uplinkOptions.PubAckTimeoutMs);
            int maxBatchJson = batchConfig.MaxBatchBytes - BatchEnvelopeReserve - config.Batch.MaxBatchSize;
            var uplink = new UplinkWorker(buffer, platform.Session!, platform.Connectivity!, transport, topics, status, policy,
                breaker, platform.Tick!, uplinkOptions, maxBatchJson, config.Storage.SyncIntervalMs);

            return new PhytraceNode(buffer, session, factory, breaker, uplink, buffer.MaxEventSize);
        }

        /// <summary>The version written as sdk_version into every event.</summary>
        public const string SdkVersion = "phytrace-nano/0.1.0";

        /// <summary>
        /// Symbols per gzip block of the node's batches at levels 2-9: a 32-event batch is one
        /// block instead of three with the encoder's default 768, and on the device each block's
        /// Huffman code build costs about as much as compressing 2 KB; 9 KB of working memory
        /// instead of 2.3 KB. At level 1, the device default, blocks are fixed-code blocks of
        /// at most 4 KB of input (a 4.9 KB trial buffer; GzipEncoder caps them there) and no code
        /// is built.
        /// </summary>
        public const int GzipBlockSymbols = 3072;

        /// <summary>
        /// The node's gzip window: the encoder's default 4 KB (2^12). Half of it made the
        /// benchmark's batch of one event type smaller and 9 % cheaper on nanoCLR, but batches
        /// that mix event types, where an event's predecessor of the same kind lies further back,
        /// grew by 9 % (91.4 % of zlib 6's reduction instead of 93.2 %); docs/performance.md,
        /// "Device defaults".
        /// </summary>
        public const int GzipWindowBits = GzipEncoder.DefaultWindowBits;

        /// <summary>
        /// The node's gzip hash table at levels 2-9: 1,024 heads (2^10) instead of the encoder's
        /// default 512, for fewer chain steps. Level 1, the device default, keeps no chains and
        /// takes one head per window position instead (4,096, 8 KB; the node's level-1 encoder
        /// 13.3 KB in all, within 16 KB).
        /// </summary>
        public const int GzipHashBits = 10;

        /// <summary>Room kept in a batch for its envelope (batch id, size, times, compression).</summary>
        private const int BatchEnvelopeReserve = 256;

        /// <summary>The buffer, for statistics and tools.</summary>
        public EdgeBuffer Buffer
        {
            get { return buffer; }
        }

        /// <summary>The uplink, for its events (ErrorReported, StateChanged).</summary>
        public UplinkWorker Uplink
        {
            get { return uplink; }
        }

        /// <summary>This boot: the session_id in every event the node builds, and the boot time.</summary>
        public BootSession Session
        {
            get { return session; }
        }

        /// <summary>The breaker, for its StateChanged event.</summary>
        public CircuitBreaker Breaker
        {
            get { return breaker; }
        }

        /// <summary>Why the last Emit returned false.</summary>
        public EnqueueFailure LastEmitFailure { get; private set; }

        /// <summary>Starts the uplink thread.</summary>
        public void Start()
        {
            uplink.Start();
        }

        /// <summary>Stops the uplink (after the batch in flight), syncs the buffer, marks the node offline.</summary>
        public void Stop()
        {
            uplink.Stop();
        }

        /// <summary>
        /// Clears <paramref name="e"/> and fills what the node knows: event_id (UUIDv7), event_type,
        /// source, this boot's session_id, sequence_num and captured_at. The caller then sets what it
        /// measured. sequence_num is provisional until <see cref="Emit"/> makes it final (the buffer
        /// sequence of the record). Reuse one UdmEvent per producer thread: nothing is allocated.
        /// </summary>
        public void BeginEvent(UdmEvent e, UdmEventType eventType)
        {
            lock (emitGate)
            {
                factory.Begin(e, eventType);
                e.SequenceNum.Set(buffer.NextSequence);
            }
        }

        /// <summary>
        /// Validates and encodes <paramref name="e"/> and makes it durable in the buffer. Returns
        /// false if the buffer refused it (full under the Reject policy, medium error, older than
        /// max_age_hours; see <see cref="LastEmitFailure"/>). Throws UdmValidationException naming
        /// the field for an invalid event, and ArgumentException for one larger than the configured
        /// maximum. An event of this node's source_id gets as sequence_num the buffer sequence its
        /// record receives: strictly increasing across reboots and power cuts (the buffer never
        /// reuses a sequence), with gaps where other records (passthrough events) or lost ones were.
        /// </summary>
        public bool Emit(UdmEvent e)
        {
            if (e == null)
            {
                throw new ArgumentNullException(nameof(e));
            }
            lock (emitGate)
            {
                if (e.SourceId == factory.Identity.SourceId)
                {
                    e.SequenceNum.Set(buffer.NextSequence);
                }
                int length;
                try
                {
                    length = encoder.Encode(e, scratch, 0, scratch.Length);
                }
                catch (UdmValidationException)
                {
                    invalidEvents++;
                    emitFailures++;
                    throw;
                }
                return Enqueue(length, e.EventId, e.CapturedAtMicros, e.CapturedAtClockSynced);
            }
        }

        /// <summary>
        /// Passthrough: buffers an already-encoded UDM JSON event. The bytes are checked in one pass
        /// without allocating (<see cref="UdmEventScanner"/>: RFC 8259 syntax, UTF-8, nesting, the
        /// envelope); a refusal throws <see cref="UdmScanException"/> naming the field, the byte offset
        /// and what was expected, and nothing is stored. The event is stored in canonical form: the
        /// object from '{' to '}', whitespace around it dropped; inside, byte for byte. Returns false
        /// as <see cref="Emit"/> does when the buffer refuses it.
        /// </summary>
        public bool EmitJson(byte[] json, int offset, int count)
        {
            lock (emitGate)
            {
                try
                {
                    scanner.Scan(json, offset, count);
                }
                catch (UdmScanException)
                {
                    invalidEvents++;
                    emitFailures++;
                    throw;
                }
                int length = scanner.EventLength;
                if (length > scratch.Length)
                {
                    emitFailures++;
                    throw new ArgumentException("event of " + length.ToString() + " bytes exceeds the maximum event size " + scratch.Length.ToString() + "; nothing was stored");
                }
                Array.Copy(json, scanner.EventStart, scratch, 0, length);
                // A producer that wrote captured_at is trusted to have had a clock; unsynced events come through Emit.
                return Enqueue(length, scanner.EventId, scanner.CapturedAtMicros, true);
            }
        }

        /// <summary>Fills <paramref name="into"/> with a snapshot (no allocation).</summary>
        public void GetStats(NodeStats into)
        {
            buffer.GetStats(into.Buffer);
            uplink.GetCounters(into.Uplink);
            into.UplinkState = uplink.State;
            into.LastError = uplink.LastError;
            into.Breaker = breaker.Stats;
            into.EmitFailures = emitFailures;
            into.InvalidEvents = invalidEvents;
        }

        /// <summary>A new snapshot (allocates; the seed-shaped form).</summary>
        public NodeStats GetStats()
        {
            var stats = new NodeStats();
            GetStats(stats);
            return stats;
        }

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            uplink.Stop();
            buffer.Dispose();
        }

        private bool Enqueue(int length, byte[] eventId, long capturedAtMicros, bool clockSynced)
        {
            long syncedBefore = buffer.SyncedThroughSequence;
            // Both ways in held the bytes to the send-time rules (encoder, or scanner): vetted.
            bool ok = buffer.EnqueueVetted(scratch, 0, length, eventId, 0, capturedAtMicros, clockSynced);
            if (!ok)
            {
                LastEmitFailure = buffer.LastEnqueueFailure;
                emitFailures++;
                return false;
            }
            LastEmitFailure = EnqueueFailure.None;
            if (buffer.SyncedThroughSequence != syncedBefore)
            {
                uplink.Wake();
            }
            return true;
        }

        private static UdmSourceType ParseSourceType(string text)
        {
            for (int i = 0; i < 64; i++)
            {
                var candidate = (UdmSourceType)i;
                if (UdmSourceTypeNames.IsDefined(candidate) && UdmSourceTypeNames.ToUdm(candidate) == text)
                {
                    return candidate;
                }
            }
            throw new ArgumentException("identity.source_type '" + text + "' is not a UDM source type");
        }
    }
}
