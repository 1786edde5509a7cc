using Phytrace.Nano.Batching;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// Batches (envelope, sizes, ages, compression): items 0-23 stream random events through a
    /// BatchProcessor on a manual clock (batches close on count, on age at Poll, on bytes, and at
    /// Flush and Stop); items 24-35 build one batch from a BufferedEvents as the uplink does. Batch
    /// sizes 1-20, ages 1-3000 ms, 2-16 KB of JSON, gzip at several levels or none. The output is
    /// every batch in order: count, first and last capture time, compression, payload.
    /// On .NET the tool inflates each payload with GZipStream, parses the envelope and checks the
    /// batch id is a version-4 UUID, the size and times match the events, and the events are
    /// exactly the ones fed, in order, each in one batch.
    /// </summary>
    public sealed class BatchSet : IGoldenSet
    {
        public const int Streams = 24;
        public const int Builds = 12;
        private const int Seed = 71;

        public string Name
        {
            get { return "batches"; }
        }

        public int Count
        {
            get { return Streams + Builds; }
        }

        /// <summary>Item <paramref name="index"/>'s batch settings; <paramref name="steps"/> drives its clock and polls.</summary>
        public BatchConfig Config(int index, out XorShiftRandom steps)
        {
            steps = GoldenInputs.ForItem(Seed + 1, index);
            int size = 1 + steps.NextInt(20);
            int ageMs = 1 + steps.NextInt(3000);
            bool gzip = steps.NextInt(3) != 0;
            int level = steps.NextInt(10);
            int bytes = 4096 + steps.NextInt(12288);
            if (index >= Streams)
            {
                // One batch of all the item's events, as the uplink builds it.
                size = 8 + steps.NextInt(13);
                bytes = 16384;
            }
            return new BatchConfig(size, ageMs, gzip ? BatchCompression.Gzip : BatchCompression.None, level, bytes);
        }

        /// <summary>How many events item <paramref name="index"/> feeds.</summary>
        public int EventCount(int index)
        {
            return index < Streams ? 6 + (index * 7 % 30) : 1 + (index % 8);
        }

        /// <summary>The events item <paramref name="index"/> feeds, in order (their own random source).</summary>
        public XorShiftRandom Events(int index)
        {
            return GoldenInputs.ForItem(Seed, index);
        }

        /// <summary>Encodes the next event of <paramref name="events"/> into <paramref name="json"/>; returns its length and capture time.</summary>
        public static int NextEvent(XorShiftRandom events, UdmEvent e, byte[] json, out long capturedAt)
        {
            EventRecipe.Fill(e, events, 0);
            // Keep events well below the smallest max_batch_bytes: no extensions, few strings.
            e.Extensions.Reset();
            e.Safety.Reset();
            e.Thermal.Reset();
            capturedAt = e.CapturedAtMicros;
            return new UdmEventEncoder().Encode(e, json, 0, json.Length);
        }

        public int Produce(int index, byte[] output)
        {
            XorShiftRandom steps;
            BatchConfig config = Config(index, out steps);
            XorShiftRandom events = Events(index);
            var e = new UdmEvent();
            var json = new byte[8192];
            int n = 0;
            if (index >= Streams)
            {
                var set = new BufferedEvents(EventCount(index), EventCount(index) * 2048);
                var id = new byte[16];
                for (int k = 0; k < EventCount(index); k++)
                {
                    long capturedAt;
                    int length = NextEvent(events, e, json, out capturedAt);
                    set.TryAdd(json, 0, length, id, 0, k, capturedAt, true);
                }
                var builder = new BatchBuilder(config, steps);
                return Record(builder.Build(set), output, n);
            }
            var clock = new ManualTickClock(steps.NextInt(100000));
            var processor = new BatchProcessor(config, clock, steps, null);
            processor.Start();
            for (int k = 0; k < EventCount(index); k++)
            {
                long capturedAt;
                int length = NextEvent(events, e, json, out capturedAt);
                n = Record(processor.Add(json, 0, length, capturedAt), output, n);
                int roll = steps.NextInt(10);
                if (roll < 4)
                {
                    clock.Advance(steps.NextInt(config.MaxBatchAgeMs + 1));
                    n = Record(processor.Poll(), output, n);
                }
                else if (roll == 4)
                {
                    n = Record(processor.Flush(), output, n);
                }
            }
            return Record(processor.Stop(), output, n);
        }

        public string Describe(int index)
        {
            XorShiftRandom steps;
            BatchConfig config = Config(index, out steps);
            return "batches #" + index.ToString() + " (" + (index < Streams ? "processor" : "builder") + ", " + EventCount(index).ToString() + " events, max " + config.MaxBatchSize.ToString()
                + " events / " + config.MaxBatchAgeMs.ToString() + " ms / " + config.MaxBatchBytes.ToString() + " bytes, " + (config.Compression == BatchCompression.Gzip ? "gzip level " + config.CompressionLevel.ToString() : "none") + ")";
        }

        // Appends a batch as: count (2 bytes), first and last time (8 each), compression (1), envelope length (4), payload length (4), payload.
        private static int Record(Batch batch, byte[] output, int n)
        {
            if (batch == null)
            {
                return n;
            }
            n = Put(batch.EventCount, 2, output, n);
            n = Put(batch.FirstEventAtUnixMicros, 8, output, n);
            n = Put(batch.LastEventAtUnixMicros, 8, output, n);
            output[n++] = (byte)batch.Compression;
            n = Put(batch.EnvelopeLength, 4, output, n);
            n = Put(batch.PayloadLength, 4, output, n);
            System.Array.Copy(batch.Payload, batch.PayloadOffset, output, n, batch.PayloadLength);
            return n + batch.PayloadLength;
        }

        private static int Put(long value, int bytes, byte[] output, int n)
        {
            for (int i = 0; i < bytes; i++)
            {
                output[n++] = (byte)value;
                value >>= 8;
            }
            return n;
        }
    }
}
