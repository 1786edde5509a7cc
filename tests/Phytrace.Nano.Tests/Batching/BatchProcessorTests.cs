using System.Text.Json;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Compression;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Batching;

public class BatchProcessorTests
{
    private const long T0 = 1_795_791_845_000_000L; // 2026-11-27T15:04:05Z in unix micros

    private static readonly byte[][] Samples = GzipTestData.UdmEvents();

    private sealed class Fixture
    {
        public ManualTickClock Clock { get; } = new(1000);

        public List<(int Count, long First, long Last, string Id, byte[] Envelope)> Ready { get; } = new();

        public BatchProcessor Processor { get; }

        public Fixture(BatchConfig config)
        {
            Processor = new BatchProcessor(config, Clock, new XorShiftRandom(42), batch => Ready.Add((batch.EventCount, batch.FirstEventAtUnixMicros, batch.LastEventAtUnixMicros, batch.BatchIdString(), EnvelopeOf(batch))));
            Processor.Start();
        }

        public Batch? Add(int i) => Processor.Add(Samples[i % Samples.Length], 0, Samples[i % Samples.Length].Length, T0 + (i * 100_000L));
    }

    /// <summary>The envelope JSON of a batch, gunzipped if needed.</summary>
    private static byte[] EnvelopeOf(Batch batch)
    {
        byte[] payload = batch.Payload.AsSpan(batch.PayloadOffset, batch.PayloadLength).ToArray();
        return batch.Compression == BatchCompression.Gzip ? GzipTestData.Gunzip(payload) : payload;
    }

    private static void AssertEnvelope(byte[] envelope, int expectedCount, long first, long last, string compression, int firstFixture)
    {
        using JsonDocument doc = JsonDocument.Parse(envelope);
        JsonElement batch = doc.RootElement.GetProperty("batch");
        Assert.Equal(6, batch.EnumerateObject().Count());
        Assert.True(Guid.TryParse(batch.GetProperty("batch_id").GetString(), out _));
        Assert.Equal('4', batch.GetProperty("batch_id").GetString()![14]);
        Assert.Equal(expectedCount, batch.GetProperty("batch_size").GetInt32());
        Assert.Equal(Iso8601Utc.ToString(first), batch.GetProperty("first_event_at").GetString());
        Assert.Equal(Iso8601Utc.ToString(last), batch.GetProperty("last_event_at").GetString());
        Assert.Equal(compression, batch.GetProperty("compression").GetString());
        JsonElement events = batch.GetProperty("events");
        Assert.Equal(expectedCount, events.GetArrayLength());
        int k = firstFixture;
        foreach (JsonElement e in events.EnumerateArray())
        {
            Assert.Equal(Samples[k % Samples.Length], JsonSerializer.SerializeToUtf8Bytes(e));
            k++;
        }
    }

    [Fact]
    public void Defaults_are_the_seeds()
    {
        var c = new BatchConfig();
        Assert.Equal((100, 1000, BatchCompression.Gzip, 6), (c.MaxBatchSize, c.MaxBatchAgeMs, c.Compression, c.CompressionLevel));
    }

    [Fact]
    public void Bad_config_names_every_bad_field()
    {
        var e = Assert.Throws<ArgumentException>(() => new BatchConfig(0, 0, (BatchCompression)7, 10, 10));
        foreach (string field in new[] { "max_batch_size", "max_batch_age_ms", "compression", "compression_level", "max_batch_bytes" })
        {
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(string.Empty, BatchConfig.Problems(100, 1000, BatchCompression.Gzip, 6, 32768));
    }

    [Fact]
    public void Batch_closes_exactly_at_max_batch_size()
    {
        var f = new Fixture(new BatchConfig(5, 1000, BatchCompression.Gzip, 6));
        for (int i = 0; i < 4; i++)
        {
            Assert.Null(f.Add(i));
        }
        Batch? batch = f.Add(4);
        Assert.NotNull(batch);
        Assert.Equal(5, batch.EventCount);
        Assert.Single(f.Ready);
        AssertEnvelope(f.Ready[0].Envelope, 5, T0, T0 + 400_000, "gzip", 0);
        Assert.Equal(0, f.Processor.PendingCount);
    }

    [Fact]
    public void Batch_closes_exactly_at_max_batch_age_on_the_tick_clock()
    {
        var f = new Fixture(new BatchConfig(100, 250, BatchCompression.Gzip, 6));
        Assert.Equal(-1, f.Processor.MillisecondsUntilDue);
        f.Add(0);
        Assert.Equal(250, f.Processor.MillisecondsUntilDue);
        f.Clock.Advance(100);
        Assert.Null(f.Add(1));
        f.Clock.Advance(149);
        Assert.Equal(1, f.Processor.MillisecondsUntilDue);
        Assert.Null(f.Processor.Poll());
        f.Clock.Advance(1);
        Assert.Equal(0, f.Processor.MillisecondsUntilDue);
        Batch? batch = f.Processor.Poll();
        Assert.NotNull(batch);
        Assert.Equal(2, batch.EventCount);
        Assert.Null(f.Processor.Poll());

        // An Add that finds its batch already old closes it with that event in it.
        f.Add(2);
        f.Clock.Advance(250);
        Batch? aged = f.Add(3);
        Assert.NotNull(aged);
        Assert.Equal(2, aged.EventCount);
        Assert.Equal(2, f.Ready.Count);
        AssertEnvelope(f.Ready[1].Envelope, 2, T0 + 200_000, T0 + 300_000, "gzip", 2);
    }

    [Fact]
    public void Stop_flushes_the_remainder_and_refuses_later_events()
    {
        var f = new Fixture(new BatchConfig());
        for (int i = 0; i < 7; i++)
        {
            f.Add(i);
        }
        Batch? last = f.Processor.Stop();
        Assert.NotNull(last);
        Assert.Equal(7, last.EventCount);
        AssertEnvelope(f.Ready.Single().Envelope, 7, T0, T0 + 600_000, "gzip", 0);
        Assert.False(f.Processor.IsRunning);
        Assert.Throws<InvalidOperationException>(() => f.Add(8));
        Assert.Null(new Fixture(new BatchConfig()).Processor.Stop());
    }

    [Fact]
    public void Flush_closes_what_is_open_and_nothing_when_empty()
    {
        var f = new Fixture(new BatchConfig());
        Assert.Null(f.Processor.Flush());
        f.Add(0);
        Assert.Equal(1, f.Processor.Flush()!.EventCount);
        Assert.Null(f.Processor.Flush());
    }

    [Fact]
    public void Compression_none_sends_the_envelope_itself()
    {
        var f = new Fixture(new BatchConfig(3, 1000, BatchCompression.None, 6));
        f.Add(10);
        f.Add(11);
        Batch batch = f.Add(12)!;
        Assert.Equal(BatchCompression.None, batch.Compression);
        Assert.Equal(batch.EnvelopeLength, batch.PayloadLength);
        AssertEnvelope(f.Ready[0].Envelope, 3, T0 + 1_000_000, T0 + 1_200_000, "none", 10);
    }

    [Fact]
    public void A_full_byte_budget_closes_the_batch_and_the_event_starts_the_next()
    {
        int budget = Samples[0].Length + Samples[1].Length + 10;
        var f = new Fixture(new BatchConfig(100, 1000, BatchCompression.Gzip, 6, budget));
        Assert.Null(f.Add(0));
        Assert.Null(f.Add(1));
        Batch? closed = f.Add(2);
        Assert.NotNull(closed);
        Assert.Equal(2, closed.EventCount);
        Assert.Equal(1, f.Processor.PendingCount);
        var tooBig = new byte[budget + 1];
        tooBig[0] = (byte)'{';
        tooBig[^1] = (byte)'}';
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => f.Processor.Add(tooBig, 0, tooBig.Length, T0)).ParamName);
        Assert.Equal(1, f.Processor.PendingCount);
        Assert.Throws<ArgumentException>(() => f.Processor.Add(new byte[] { (byte)'[', (byte)']' }, 0, 2, T0));
    }

    [Fact]
    public void First_and_last_event_at_are_the_earliest_and_latest_capture_times()
    {
        var clock = new ManualTickClock();
        var p = new BatchProcessor(new BatchConfig(3, 1000, BatchCompression.None, 0), clock, new XorShiftRandom(1), null);
        p.Start();
        p.Add(Samples[0], 0, Samples[0].Length, T0 + 5);
        p.Add(Samples[0], 0, Samples[0].Length, T0 - 7);
        Batch b = p.Add(Samples[0], 0, Samples[0].Length, T0 + 2)!;
        Assert.Equal(T0 - 7, b.FirstEventAtUnixMicros);
        Assert.Equal(T0 + 5, b.LastEventAtUnixMicros);
    }

    [Fact]
    public void Batch_ids_are_random_version_4_uuids()
    {
        var f = new Fixture(new BatchConfig(1, 1000, BatchCompression.None, 6));
        for (int i = 0; i < 20; i++)
        {
            f.Add(i);
        }
        Assert.Equal(20, f.Ready.Select(r => r.Id).Distinct().Count());
        Assert.All(f.Ready, r => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", r.Id));
    }

    [Fact]
    public void Build_turns_exactly_the_buffered_events_into_one_batch()
    {
        var events = new BufferedEvents(100, 200_000);
        var id = new byte[16];
        for (int i = 0; i < 100; i++)
        {
            byte[] e = Samples[i % Samples.Length];
            Assert.True(events.TryAdd(e, 0, e.Length, id, 0, i, T0 + (i * 100_000L), true));
        }
        var builder = new BatchBuilder(new BatchConfig(100, 1000, BatchCompression.Gzip, 6, 150_000), new XorShiftRandom(3));
        Batch batch = builder.Build(events);
        Assert.Equal(100, batch.EventCount);
        AssertEnvelope(EnvelopeOf(batch), 100, T0, T0 + 9_900_000, "gzip", 0);
        Assert.True(batch.PayloadLength < batch.EnvelopeLength / 3);

        var small = new BatchBuilder(new BatchConfig(50, 1000, BatchCompression.Gzip, 6, 150_000), new XorShiftRandom(3));
        Assert.Equal("events", Assert.Throws<ArgumentOutOfRangeException>(() => small.Build(events)).ParamName);
    }

    [Fact]
    public void Batching_allocates_nothing_per_event_or_batch_in_steady_state()
    {
        var clock = new ManualTickClock();
        int batches = 0;
        var p = new BatchProcessor(new BatchConfig(10, 1000, BatchCompression.Gzip, 6, 64 * 1024), clock, new XorShiftRandom(9), _ => batches++);
        p.Start();
        for (int i = 0; i < 30; i++)
        {
            p.Add(Samples[i % Samples.Length], 0, Samples[i % Samples.Length].Length, T0 + i);
        }
        // The least of three measured rounds after one more warm-up (Allocations.SteadyState): the
        // JIT's tiering can allocate on this thread under load; an allocation per event or batch
        // shows in every round.
        long bytes = Allocations.SteadyState(
            () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    p.Add(Samples[i % Samples.Length], 0, Samples[i % Samples.Length].Length, T0 + i);
                    clock.Advance(3);
                    p.Poll();
                }
            },
            warmupRounds: 1);
        Assert.Equal(0, bytes);
        // 30 events, then four rounds of 100, ten to a batch: 43 batches, none by age (3 ms apart).
        Assert.Equal(43, batches);
    }

    [Fact]
    public void The_hosts_batch_decoder_reads_our_gzip_batches()
    {
        var f = new Fixture(new BatchConfig(4, 1000, BatchCompression.Gzip, 6));
        Batch batch = Enumerable.Range(0, 4).Select(f.Add).ToArray()[3]!;
        DecodedBatch decoded = BatchDecoder.Decode(batch.Payload.AsSpan(batch.PayloadOffset, batch.PayloadLength));
        Assert.Equal(batch.BatchIdString(), decoded.BatchId);
        Assert.Equal(4, decoded.DeclaredSize);
        Assert.Equal("gzip", decoded.Compression);
        Assert.Equal(batch.EnvelopeLength, decoded.JsonBytes);
    }
}
