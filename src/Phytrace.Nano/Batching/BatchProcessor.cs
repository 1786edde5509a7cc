using System;
using Phytrace.Nano.Compression;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Batching
{
    /// <summary>
    /// The seed's BatchProcessor: collects events into a batch until it has max_batch_size
    /// events, or its first event is max_batch_age_ms old on the tick clock, or the next event
    /// would not fit max_batch_bytes; then closes it (envelope, gzip) and hands it to the
    /// batch-ready callback and to the caller. No thread or timer of its own: whoever owns it
    /// (the uplink loop) waits <see cref="MillisecondsUntilDue"/> and calls <see cref="Poll"/>,
    /// so ages are exact on a manual clock. Thread-safe; the callback runs under the processor's
    /// lock on the thread that closed the batch, and a <see cref="Batch"/> stays valid until the
    /// next one is started.
    /// </summary>
    public sealed class BatchProcessor
    {
        private readonly object gate = new object();
        private readonly BatchConfig config;
        private readonly ITickClock clock;
        private readonly BatchBuilder builder;
        private readonly BatchReadyHandler? onBatchReady;
        private long openedAtMs;
        private bool running;

        /// <summary>A processor with <paramref name="config"/>, ages on <paramref name="clock"/>.</summary>
        public BatchProcessor(BatchConfig config, ITickClock clock, IRandomSource random, BatchReadyHandler? onBatchReady)
            : this(config, clock, random, onBatchReady, null)
        {
        }

        /// <summary>As above with a given gzip encoder (see <see cref="BatchBuilder(BatchConfig, IRandomSource, GzipEncoder)"/>).</summary>
        public BatchProcessor(BatchConfig config, ITickClock clock, IRandomSource random, BatchReadyHandler? onBatchReady, GzipEncoder? encoder)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }
            builder = new BatchBuilder(config, random, encoder);
            this.config = config;
            this.clock = clock;
            this.onBatchReady = onBatchReady;
        }

        /// <summary>Events waiting in the open batch.</summary>
        public int PendingCount
        {
            get
            {
                lock (gate)
                {
                    return builder.Count;
                }
            }
        }

        public bool IsRunning
        {
            get
            {
                lock (gate)
                {
                    return running;
                }
            }
        }

        /// <summary>Bytes of preallocated buffers (envelope, compressed output, gzip working memory).</summary>
        public int MemoryBytes
        {
            get { return builder.MemoryBytes; }
        }

        /// <summary>Starts accepting events.</summary>
        public void Start()
        {
            lock (gate)
            {
                running = true;
            }
        }

        /// <summary>Stops accepting events and flushes what remains; returns that batch, or null if none was open.</summary>
        public Batch? Stop()
        {
            lock (gate)
            {
                Batch? last = CloseIfAny();
                running = false;
                return last;
            }
        }

        /// <summary>
        /// Adds one event's encoded UDM JSON captured at <paramref name="capturedAtUnixMicros"/>;
        /// returns the batch this completed, or null. If the event does not fit the open batch's
        /// bytes, the open batch is closed and returned and the event starts the next one.
        /// </summary>
        public Batch? Add(byte[] json, int offset, int count, long capturedAtUnixMicros)
        {
            lock (gate)
            {
                if (!running)
                {
                    throw new InvalidOperationException("BatchProcessor is not running: call Start() before Add()");
                }
                builder.CheckEvent(json, offset, count);
                if (builder.Count > 0 && !builder.HasRoomFor(count))
                {
                    Batch full = Close();
                    Append(json, offset, count, capturedAtUnixMicros);
                    return full;
                }
                Append(json, offset, count, capturedAtUnixMicros);
                if (builder.Count >= config.MaxBatchSize || IsDue())
                {
                    return Close();
                }
                return null;
            }
        }

        /// <summary>Closes the open batch if it has reached max_batch_age_ms; returns it, or null.</summary>
        public Batch? Poll()
        {
            lock (gate)
            {
                return builder.Count > 0 && IsDue() ? Close() : null;
            }
        }

        /// <summary>Closes the open batch now; returns it, or null if it is empty.</summary>
        public Batch? Flush()
        {
            lock (gate)
            {
                return CloseIfAny();
            }
        }

        /// <summary>
        /// Milliseconds until the open batch reaches its age limit (0 if it already has), or -1
        /// (Timeout.Infinite) if no batch is open: how long the owner may wait before <see cref="Poll"/>.
        /// </summary>
        public int MillisecondsUntilDue
        {
            get
            {
                lock (gate)
                {
                    if (builder.Count == 0)
                    {
                        return -1;
                    }
                    long left = openedAtMs + config.MaxBatchAgeMs - clock.NowMs;
                    return left <= 0 ? 0 : (int)left;
                }
            }
        }

        private void Append(byte[] json, int offset, int count, long capturedAtUnixMicros)
        {
            bool first = builder.Count == 0;
            if (!builder.TryAppend(json, offset, count, capturedAtUnixMicros))
            {
                // Cannot happen for an empty batch: TryAppend throws for events larger than a batch.
                throw new InvalidOperationException("event did not fit an empty batch");
            }
            if (first)
            {
                openedAtMs = clock.NowMs;
            }
        }

        private bool IsDue()
        {
            return clock.NowMs - openedAtMs >= config.MaxBatchAgeMs;
        }

        private Batch? CloseIfAny()
        {
            return builder.Count > 0 ? Close() : null;
        }

        private Batch Close()
        {
            Batch batch = builder.Finish();
            if (onBatchReady != null)
            {
                onBatchReady(batch);
            }
            return batch;
        }
    }
}
