using System;
using Phytrace.Nano.Compression;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Batching
{
    /// <summary>
    /// Builds one batch at a time into buffers allocated once: events' JSON is appended straight
    /// after room reserved for the envelope's header; closing writes the header (right-aligned
    /// against the first event, so nothing is moved), the closing brackets, and then compresses.
    /// The uplink uses <see cref="Build(BufferedEvents)"/> to turn exactly the events it read from the buffer into
    /// one batch; <see cref="BatchProcessor"/> appends events as they come. Not thread-safe.
    /// </summary>
    public sealed class BatchBuilder
    {
        private readonly BatchConfig config;
        private readonly IRandomSource random;
        private readonly GzipEncoder? encoder;
        private readonly byte[] envelope;
        private readonly byte[] compressed;
        private readonly int eventsStart;
        private readonly Batch batch = new Batch();
        private int end;
        private int count;
        private long firstAt;
        private long lastAt;

        /// <summary>Buffers for <paramref name="config"/>; batch ids draw from <paramref name="random"/>.</summary>
        public BatchBuilder(BatchConfig config, IRandomSource random)
            : this(config, random, null)
        {
        }

        /// <summary>
        /// As above, compressing with <paramref name="encoder"/> (for example one with a smaller
        /// window on a board without PSRAM); null makes one at the configured level.
        /// </summary>
        public BatchBuilder(BatchConfig config, IRandomSource random, GzipEncoder? encoder)
        {
            if (config == null)
            {
                throw new ArgumentNullException(nameof(config));
            }
            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }
            this.config = config;
            this.random = random;
            eventsStart = BatchEnvelope.HeaderLength(BatchEnvelope.MaxSizeDigits);
            int capacity = eventsStart + config.MaxBatchBytes + (config.MaxBatchSize - 1) + BatchEnvelope.Close.Length;
            envelope = new byte[capacity];
            if (config.Compression == BatchCompression.Gzip)
            {
                this.encoder = encoder != null ? encoder : new GzipEncoder(config.CompressionLevel);
                compressed = new byte[GzipEncoder.MaxCompressedSize(capacity)];
            }
            else
            {
                compressed = new byte[0];
            }
            Begin();
        }

        /// <summary>Events appended to the open batch.</summary>
        public int Count
        {
            get { return count; }
        }

        /// <summary>Bytes of buffers this builder holds, the gzip encoder's working memory included.</summary>
        public int MemoryBytes
        {
            get { return envelope.Length + compressed.Length + (encoder != null ? encoder.WorkingMemoryBytes : 0); }
        }

        /// <summary>Drops the open batch and starts an empty one.</summary>
        public void Begin()
        {
            count = 0;
            end = eventsStart;
        }

        /// <summary>The largest event CheckEvent accepts (max_batch_bytes).</summary>
        internal int MaxEventBytes
        {
            get { return config.MaxBatchBytes; }
        }

        /// <summary>True if an event of <paramref name="length"/> bytes still fits the open batch.</summary>
        public bool HasRoomFor(int length)
        {
            int separator = count > 0 ? 1 : 0;
            return count < config.MaxBatchSize && length <= envelope.Length - BatchEnvelope.Close.Length - separator - end;
        }

        /// <summary>
        /// Appends one event's encoded UDM JSON (an object) captured at
        /// <paramref name="capturedAtUnixMicros"/>; false, changing nothing, if the batch is full
        /// (count or bytes). An event that could never fit a batch is an error.
        /// </summary>
        public bool TryAppend(byte[] json, int offset, int length, long capturedAtUnixMicros)
        {
            CheckEvent(json, offset, length);
            if (!HasRoomFor(length))
            {
                return false;
            }
            if (count > 0)
            {
                envelope[end++] = (byte)',';
            }
            Array.Copy(json, offset, envelope, end, length);
            end += length;
            if (count == 0 || capturedAtUnixMicros < firstAt)
            {
                firstAt = capturedAtUnixMicros;
            }
            if (count == 0 || capturedAtUnixMicros > lastAt)
            {
                lastAt = capturedAtUnixMicros;
            }
            count++;
            return true;
        }

        /// <summary>Throws, naming the problem, unless json[offset..+length) can be one event of a batch.</summary>
        public void CheckEvent(byte[] json, int offset, int length)
        {
            if (json == null)
            {
                throw new ArgumentNullException(nameof(json));
            }
            if (offset < 0 || length < 0 || offset > json.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "offset and length must lie inside json (length " + json.Length.ToString() + ")");
            }
            if (length < 2 || json[offset] != (byte)'{' || json[offset + length - 1] != (byte)'}')
            {
                throw new ArgumentException("json must be one encoded UDM event, a JSON object from '{' to '}'", nameof(json));
            }
            if (length > config.MaxBatchBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "event of " + length.ToString() + " bytes exceeds max_batch_bytes " + config.MaxBatchBytes.ToString());
            }
        }

        /// <summary>
        /// Closes the open batch (at least one event): new random UUID (version 4), envelope,
        /// compression. Returns the builder's reused <see cref="Batch"/>; the next batch starts empty.
        /// </summary>
        public Batch Finish()
        {
            if (count == 0)
            {
                throw new InvalidOperationException("a batch needs at least one event");
            }
            byte[] id = batch.BatchIdBytes;
            random.NextBytes(id, 0, UuidText.ByteLength);
            id[6] = (byte)((id[6] & 0x0F) | 0x40);
            id[8] = (byte)((id[8] & 0x3F) | 0x80);

            int start = eventsStart - BatchEnvelope.HeaderLength(BatchEnvelope.DigitCount(count));
            int p = BatchEnvelope.Put(BatchEnvelope.Open, envelope, start);
            p += UuidText.Write(id, 0, envelope, p);
            p = BatchEnvelope.Put(BatchEnvelope.BatchSize, envelope, p);
            p = BatchEnvelope.WriteDecimal(count, envelope, p);
            p = BatchEnvelope.Put(BatchEnvelope.FirstEventAt, envelope, p);
            p += Iso8601Utc.Write(firstAt, envelope, p);
            p = BatchEnvelope.Put(BatchEnvelope.LastEventAt, envelope, p);
            p += Iso8601Utc.Write(lastAt, envelope, p);
            p = BatchEnvelope.Put(BatchEnvelope.Compression, envelope, p);
            p = BatchEnvelope.Put(encoder != null ? BatchEnvelope.Gzip : BatchEnvelope.None, envelope, p);
            BatchEnvelope.Put(BatchEnvelope.Events, envelope, p);
            int stop = BatchEnvelope.Put(BatchEnvelope.Close, envelope, end);
            int length = stop - start;

            if (encoder != null)
            {
                int n = encoder.Compress(envelope, start, length, compressed, 0, compressed.Length);
                batch.Set(count, firstAt, lastAt, BatchCompression.Gzip, compressed, 0, n, length);
            }
            else
            {
                batch.Set(count, firstAt, lastAt, BatchCompression.None, envelope, start, length, length);
            }
            Begin();
            return batch;
        }

        /// <summary>
        /// One batch of exactly the events in <paramref name="events"/>, in their order. Throws if
        /// they are more than max_batch_size or do not fit max_batch_bytes.
        /// </summary>
        public Batch Build(BufferedEvents events)
        {
            if (events == null)
            {
                throw new ArgumentNullException(nameof(events));
            }
            return Build(events, 0, events.Count);
        }

        /// <summary>One batch of events[first .. first+count), in their order; throws as <see cref="Build(BufferedEvents)"/> does.</summary>
        public Batch Build(BufferedEvents events, int first, int count)
        {
            if (events == null)
            {
                throw new ArgumentNullException(nameof(events));
            }
            if (count < 1 || count > config.MaxBatchSize)
            {
                throw new ArgumentOutOfRangeException(nameof(events), "events must hold 1 to max_batch_size (" + config.MaxBatchSize.ToString() + ") events, got " + count.ToString());
            }
            if (first < 0 || first > events.Count - count)
            {
                throw new ArgumentOutOfRangeException(nameof(first), "events [" + first.ToString() + ", +" + count.ToString() + ") outside the " + events.Count.ToString() + " held");
            }
            Begin();
            byte[] payload = events.Payload;
            int[] offsets = events.offsets;
            int[] lengths = events.lengths;
            long[] times = events.capturedAt;
            // TryAppend's checks and copy inline, in locals: every event sent passes here, and on the
            // device its calls (CheckEvent, HasRoomFor, the accessors, config's properties) cost more
            // than the copy. An event any check refuses goes through TryAppend, which says why.
            int maxEvent = config.MaxBatchBytes;
            int limit = envelope.Length - BatchEnvelope.Close.Length;
            int at = end;
            int held = 0;
            long earliest = 0;
            long latest = 0;
            for (int i = first; i < first + count; i++)
            {
                int offset = offsets[i];
                int length = lengths[i];
                int separator = held > 0 ? 1 : 0;
                if (length < 2 || length > maxEvent || length > limit - separator - at || offset < 0 || offset > payload.Length - length
                    || payload[offset] != (byte)'{' || payload[offset + length - 1] != (byte)'}')
                {
                    end = at;
                    this.count = held;
                    firstAt = earliest;
                    lastAt = latest;
                    if (!TryAppend(payload, offset, length, times[i]))
                    {
                        Begin();
                        throw new ArgumentOutOfRangeException(nameof(events), "events total more than max_batch_bytes (" + config.MaxBatchBytes.ToString() + ") of JSON");
                    }
                    at = end;
                    held = this.count;
                    earliest = firstAt;
                    latest = lastAt;
                    continue;
                }
                if (separator != 0)
                {
                    envelope[at++] = (byte)',';
                }
                Array.Copy(payload, offset, envelope, at, length);
                at += length;
                long time = times[i];
                if (held == 0 || time < earliest)
                {
                    earliest = time;
                }
                if (held == 0 || time > latest)
                {
                    latest = time;
                }
                held++;
            }
            end = at;
            this.count = held;
            firstAt = earliest;
            lastAt = latest;
            return Finish();
        }
    }
}
