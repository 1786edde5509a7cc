using Phytrace.Nano.Host;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// The EdgeBuffer on a real file against plain FileStream writes of the same bytes with the same
/// flush cadence; its write amplification, Write calls per event, mount reads for a 1 MB and a
/// 1 GB region, and allocations on the hot paths.
/// </summary>
public sealed class BufferBenchmark : IBenchmark
{
    private const int SyncEvery = 8;

    public string Name => "buffer";

    public string Description => "EdgeBuffer enqueue on a file vs plain FileStream writes (same bytes, same flush cadence); bytes and Write calls per event; mount reads 1 MB vs 1 GB; allocations";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("buffer (group commit: sync every 8 records, checkpoint every 64)", "baseline");
        string dir = Directory.CreateTempSubdirectory("phytrace-bench-").FullName;
        try
        {
            foreach (int recordSize in new[] { 128, 256, 1024 })
            {
                RunRecordSize(table, dir, recordSize, quick);
            }
            MountReads(table, dir, quick);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return table;
    }

    private static EdgeBufferOptions Options(int recordSize, int maxSizeMb) => new()
    {
        RecordSize = recordSize,
        MaxSizeMb = maxSizeMb,
        SyncEvery = SyncEvery,
        CheckpointEvery = 64,
        MaxEventSize = 4096,
        Overflow = OverflowPolicy.Reject,
    };

    private static void RunRecordSize(ResultTable table, string dir, int recordSize, bool quick)
    {
        int payloadLength = SlotFormat.FirstCapacity(recordSize); // fills the slot
        // The region holds every event: this measures the write path, not eviction (see the report).
        int events = quick ? 20_000 : 50_000;
        int regionMb = 64;
        var payload = new byte[payloadLength];
        new Random(recordSize).NextBytes(payload);
        var id = new byte[16];
        long micros = Formats.Iso8601Utc.ToUnixMicros(DateTime.UtcNow);
        string name = $"record {recordSize} B, payload {payloadLength} B";

        // Warm-up: let tiered compilation optimise the hot path before anything is timed.
        for (int round = 0; round < 3; round++)
        {
            using var warm = new EdgeBuffer(new RamMedium(Checkpoint.SlotsOffset + ((events + 8) * recordSize)), Options(recordSize, regionMb), new SystemWallClock());
            for (int i = 0; i < events; i++)
            {
                warm.Enqueue(payload, 0, payloadLength, id, 0, micros, true);
            }
            Thread.Sleep(150);
        }

        // Best of three alternating rounds, each on fresh files, so that machine noise and JIT
        // tiering hit both sides alike; byte and Write counts come from the last round.
        double bufferSeconds = double.MaxValue;
        double baselineSeconds = double.MaxValue;
        double bytesPerPayload = 0;
        double writesPerEvent = 0;
        for (int round = 0; round < 3; round++)
        {
            string path = Path.Combine(dir, $"buffer-{recordSize}-{round}.bin");
            File.Delete(path);
            var file = new FileStreamMedium(path, (long)regionMb * 1024 * 1024, reopenAtSyncPoints: false);
            var counting = new CountingMedium(file);
            using (var fileBuffer = new EdgeBuffer(counting, Options(recordSize, regionMb), new SystemWallClock()))
            {
                counting.Reset();
                bufferSeconds = Math.Min(bufferSeconds, Measure.Seconds(() =>
                {
                    for (int i = 0; i < events; i++)
                    {
                        fileBuffer.Enqueue(payload, 0, payloadLength, id, 0, micros, true);
                    }
                }));
                bytesPerPayload = counting.BytesWritten / ((double)events * payloadLength);
                writesPerEvent = counting.WriteCalls / (double)events;
            }
            string plainPath = Path.Combine(dir, $"plain-{recordSize}-{round}.bin");
            File.Delete(plainPath);
            baselineSeconds = Math.Min(baselineSeconds, PlainFileStream(plainPath, (long)regionMb * 1024 * 1024, recordSize, events));
        }
        table.Add(name, "enqueue events/s", events / bufferSeconds, events / baselineSeconds, ">= 0.7 of plain FileStream");
        // The RAM medium's pages are touched first so this row shows the buffer's own CPU cost, not page faults.
        var ramMedium = new RamMedium(Checkpoint.SlotsOffset + ((events + 8) * recordSize));
        Array.Fill(ramMedium.Image, (byte)0x5A);
        using var ram = new EdgeBuffer(ramMedium, Options(recordSize, regionMb), new SystemWallClock());
        double ramSeconds = Measure.Seconds(() =>
        {
            for (int i = 0; i < events; i++)
            {
                ram.Enqueue(payload, 0, payloadLength, id, 0, micros, true);
            }
        });
        table.Add(name, "enqueue events/s, RAM medium (CPU cost)", events / ramSeconds, double.NaN, "information");
        table.Add(name, "bytes written / payload byte", bytesPerPayload, (double)recordSize / payloadLength, "<= 1.15 (baseline: slot / payload)");
        table.Add(name, "Write calls / event", writesPerEvent, 1.0 / SyncEvery, "baseline: one Write per group");

        EdgeBuffer buffer = ram;
        buffer.Clear(); // room for the allocation measurements below
        var batch = new BufferedEvents(16, 16 * 4096);
        int calls = quick ? 2000 : 20000;
        table.Add(name, "bytes allocated / Enqueue", Measure.AllocatedBytesPerCall(() => buffer.Enqueue(payload, 0, payloadLength, id, 0, micros, true), calls), double.NaN, "0");
        table.Add(name, "bytes allocated / dequeue+ack", Measure.AllocatedBytesPerCall(() =>
        {
            buffer.Enqueue(payload, 0, payloadLength, id, 0, micros, true);
            if (buffer.Dequeue(batch, 1) > 0)
            {
                buffer.AcknowledgeThrough(batch.Sequence(0));
            }
        }, calls), double.NaN, "0");
    }

    /// <summary>The same bytes with FileStream alone: groups of 8 records per Write, a Flush after each, wrapping in the region.</summary>
    private static double PlainFileStream(string path, long regionBytes, int recordSize, int events)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        stream.SetLength(regionBytes);
        var group = new byte[SyncEvery * recordSize];
        new Random(1).NextBytes(group);
        long slots = regionBytes / recordSize;
        return Measure.Seconds(() =>
        {
            long slot = 0;
            for (int i = 0; i < events; i += SyncEvery)
            {
                if (slot + SyncEvery > slots)
                {
                    slot = 0;
                }
                stream.Seek(slot * recordSize, SeekOrigin.Begin);
                stream.Write(group, 0, group.Length);
                stream.Flush();
                slot += SyncEvery;
            }
        });
    }

    private static void MountReads(ResultTable table, string dir, bool quick)
    {
        long small = MountReadsFor(Path.Combine(dir, "mount-1mb.bin"), 1, quick);
        long large = MountReadsFor(Path.Combine(dir, "mount-1gb.bin"), 1024, quick);
        table.Add("mount, 1 MB region with live data", "medium reads", small, double.NaN, "bounded");
        table.Add("mount, 1 GB region (sparse) with live data", "medium reads", large, small, "same as 1 MB (baseline)");
    }

    /// <summary>Fills a region with live data, "loses power" 63 records after a checkpoint, and counts the reads of the next mount.</summary>
    private static long MountReadsFor(string path, int regionMb, bool quick)
    {
        var options = Options(256, regionMb);
        options.SyncEvery = 1;
        var payload = new byte[150];
        var id = new byte[16];
        var file = new FileStreamMedium(path, options.RegionBytes, reopenAtSyncPoints: false);
        var buffer = new EdgeBuffer(file, options, new SystemWallClock());
        // 63 records after the last checkpoint (every 64), the most the scan past it ever has to read.
        int events = (64 * (quick ? 20 : 50)) + 63;
        for (int i = 0; i < events; i++)
        {
            buffer.Enqueue(payload, 0, payload.Length, id, 0);
        }
        long live = buffer.Count;
        file.Dispose(); // power cut: the buffer never closes
        var counting = new CountingMedium(new FileStreamMedium(path, options.RegionBytes, reopenAtSyncPoints: false));
        using var reopened = new EdgeBuffer(counting, options, new SystemWallClock());
        if (reopened.Count != live)
        {
            throw new InvalidOperationException($"mount recovered {reopened.Count} of {live} events");
        }
        return counting.ReadCalls;
    }

    /// <summary>Counts Read and Write calls and bytes on the way to another medium.</summary>
    private sealed class CountingMedium(IStorageMedium inner) : IStorageMedium
    {
        public long ReadCalls { get; private set; }

        public long WriteCalls { get; private set; }

        public long BytesWritten { get; private set; }

        public long Length => inner.Length;

        public void Reset()
        {
            ReadCalls = 0;
            WriteCalls = 0;
            BytesWritten = 0;
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            ReadCalls++;
            return inner.Read(position, buffer, offset, count);
        }

        public void Write(long position, byte[] buffer, int offset, int count)
        {
            WriteCalls++;
            BytesWritten += count;
            inner.Write(position, buffer, offset, count);
        }

        public void Flush() => inner.Flush();

        public void Dispose() => inner.Dispose();
    }
}
