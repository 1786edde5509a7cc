using Phytrace.Nano.Host;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// The EdgeBuffer on a real file against plain FileStream writes of the same bytes with the same
/// flush cadence; its write amplification (sector padding and checkpoint copies included), Write
/// calls per event, what the padding costs when every record is its own sync point, mount reads
/// for a 1 MB and a 1 GB region, and allocations on the hot paths.
/// </summary>
public sealed class BufferBenchmark : IBenchmark
{
    private const int SyncEvery = 8;

    public string Name => "buffer";

    public string Description => "EdgeBuffer enqueue on a file vs plain FileStream writes (same bytes, same flush cadence); bytes and Write calls per event; mount reads 1 MB vs 1 GB; allocations";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("buffer (group commit: sync every 8 records, default checkpoint every 256)", "baseline");
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
        MaxEventSize = 4096,
        Overflow = OverflowPolicy.Reject,
        SectorSize = 512,
    };

    private static void RunRecordSize(ResultTable table, string dir, int recordSize, bool quick)
    {
        int payloadLength = SlotFormat.FirstCapacity(recordSize); // fills the slot
        // 8 MiB of slots per round (4 quick); the 64 MiB region holds them all, so this measures
        // the write path, not eviction.
        int events = (quick ? 4 : 8) * 1024 * 1024 / recordSize;
        int regionMb = 64;
        var payload = new byte[payloadLength];
        new Random(recordSize).NextBytes(payload);
        var id = new byte[16];
        long micros = Formats.Iso8601Utc.ToUnixMicros(DateTime.UtcNow);
        string name = $"record {recordSize} B, payload {payloadLength} B";

        // Paired rounds: the buffer and the baseline run back to back (alternating which goes
        // first) on fresh files deleted right after, so that both see the same state of a shared
        // machine; the goal is judged on the median of the per-pair time ratios, which phases of
        // machine noise shift far less than any single round. Two warm-up pairs come first, each
        // followed by a pause in which tiered compilation finishes optimising what they ran.
        int warmupRounds = 2;
        int pairs = quick ? 7 : 21;
        long regionBytes = (long)regionMb * 1024 * 1024;
        var ratios = new List<double>();
        var bufferRates = new List<double>();
        var baselineRates = new List<double>();
        var cpuRates = new List<double>();
        double bytesPerPayload = 0;
        double writesPerEvent = 0;
        for (int round = 0; round < warmupRounds + pairs; round++)
        {
            string path = Path.Combine(dir, $"buffer-{recordSize}.bin");
            string plainPath = Path.Combine(dir, $"plain-{recordSize}.bin");
            double plain = double.NaN;
            if (round % 2 == 1)
            {
                plain = PlainFileStream(plainPath, regionBytes, recordSize, events);
            }
            var counting = new CountingMedium(new FileStreamMedium(path, regionBytes, reopenAtSyncPoints: false));
            double onFile;
            using (var fileBuffer = new EdgeBuffer(counting, Options(recordSize, regionMb), new SystemWallClock()))
            {
                counting.Reset();
                onFile = EnqueueSeconds(fileBuffer, payload, id, micros, events);
                bytesPerPayload = counting.BytesWritten / ((double)events * payloadLength);
                writesPerEvent = counting.WriteCalls / (double)events;
            }
            if (round % 2 == 0)
            {
                plain = PlainFileStream(plainPath, regionBytes, recordSize, events);
            }
            File.Delete(path);
            File.Delete(plainPath);
            // On a medium that drops what it is given, the time is the buffer's own CPU: framing,
            // CRC, copying into the group, bookkeeping; no memcpy or system call after that.
            double ownCpu;
            using (var cpuOnly = new EdgeBuffer(new DiscardingMedium(regionBytes), Options(recordSize, regionMb), new SystemWallClock()))
            {
                ownCpu = EnqueueSeconds(cpuOnly, payload, id, micros, events);
            }
            if (round < warmupRounds)
            {
                Thread.Sleep(300);
                continue;
            }
            ratios.Add(plain / onFile);
            bufferRates.Add(events / onFile);
            baselineRates.Add(events / plain);
            cpuRates.Add(events / ownCpu);
        }
        ratios.Sort();
        string spread = $"middle half of {pairs} pairs: {Quantile(ratios, 0.25):0.00} to {Quantile(ratios, 0.75):0.00}";
        table.Add(name, "enqueue events/s (median)", Median(bufferRates), Median(baselineRates), "ratio of medians; goal judged on the next row");
        table.Add(name, "enqueue speed / FileStream, median pair", Median(ratios), double.NaN, $">= 0.7 ({spread})");
        double cpu = Median(cpuRates);
        table.Add(name, "enqueue events/s, writes discarded (own CPU)", cpu, double.NaN, $"information: {1e9 / cpu:0} ns/event");
        // The goal is for payloads filling >= 80 % of a slot; with the 56-byte first-slot header
        // that is reachable from 512-byte records on, so the smaller rows say how full they are.
        int fill = payloadLength * 100 / recordSize;
        string bytesGoal = fill >= 80 ? "<= 1.15 (baseline: slot / payload)" : $"n/a, payload fills {fill} % of the slot (< 80 %)";
        table.Add(name, "bytes written / payload byte", bytesPerPayload, (double)recordSize / payloadLength, bytesGoal);
        table.Add(name, "Write calls / event", writesPerEvent, 1.0 / SyncEvery, "baseline: one Write per group; checkpoints add two per 256 records");
        // Sector padding: with one record per sync point each record takes a whole 512-byte sector.
        var (padBytes, padWrites) = PaddingCost(recordSize, payloadLength, 1);
        table.Add(name, "bytes written / payload byte, sync every record", padBytes, (double)recordSize / payloadLength,
            $"information: {Math.Max(1, 512 / recordSize)} slot(s) per sync point; {padWrites:0.00} Write calls / event");

        int calls = quick ? 2000 : 20000;
        // Room for the Enqueue measurement: warm-up and three rounds (dequeue+ack keeps the count level).
        var ramForAllocations = new RamMedium(Checkpoint.SlotsOffset + ((1000 + (3 * calls) + 64) * recordSize));
        using var buffer = new EdgeBuffer(ramForAllocations, Options(recordSize, regionMb), new SystemWallClock());
        var batch = new BufferedEvents(16, 16 * 4096);
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

    /// <summary>Bytes written per payload byte and Write calls per event on a RAM medium with <paramref name="syncEvery"/> records per sync point.</summary>
    private static (double Bytes, double Writes) PaddingCost(int recordSize, int payloadLength, int syncEvery)
    {
        var options = Options(recordSize, 64);
        options.SyncEvery = syncEvery;
        const int events = 4096;
        var counting = new CountingMedium(new RamMedium(Checkpoint.SlotsOffset + (8 * events * Math.Max(recordSize, 512))));
        using var buffer = new EdgeBuffer(counting, options, new SystemWallClock());
        counting.Reset();
        var payload = new byte[payloadLength];
        var id = new byte[16];
        for (int i = 0; i < events; i++)
        {
            if (!buffer.Enqueue(payload, 0, payloadLength, id, 0, 0, false))
            {
                throw new InvalidOperationException($"padding run: enqueue {i} refused ({buffer.LastEnqueueFailure})");
            }
        }
        return (counting.BytesWritten / ((double)events * payloadLength), counting.WriteCalls / (double)events);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return Quantile(sorted, 0.5);
    }

    /// <summary>Linear-interpolated quantile of an ascending list.</summary>
    private static double Quantile(List<double> sorted, double q)
    {
        double at = q * (sorted.Count - 1);
        int low = (int)Math.Floor(at);
        int high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((at - low) * (sorted[high] - sorted[low]));
    }

    private static double EnqueueSeconds(EdgeBuffer buffer, byte[] payload, byte[] id, long micros, int events)
    {
        return Measure.Seconds(() =>
        {
            for (int i = 0; i < events; i++)
            {
                if (!buffer.Enqueue(payload, 0, payload.Length, id, 0, micros, true))
                {
                    throw new InvalidOperationException($"enqueue {i} refused: {buffer.LastEnqueueFailure}");
                }
            }
        });
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

    /// <summary>Fills a region with live data, "loses power" CheckpointEvery - 1 records after a checkpoint, and counts the reads of the next mount.</summary>
    private static long MountReadsFor(string path, int regionMb, bool quick)
    {
        var options = Options(256, regionMb);
        options.SyncEvery = 1;
        var payload = new byte[150];
        var id = new byte[16];
        var file = new FileStreamMedium(path, options.RegionBytes, reopenAtSyncPoints: false);
        var buffer = new EdgeBuffer(file, options, new SystemWallClock());
        // CheckpointEvery - 1 records after the last checkpoint: the most the scan past it ever reads.
        int every = options.CheckpointEvery;
        // The 1 MB region holds 3968 slots of 256 bytes: 10 checkpoints' worth and more fit.
        int events = (every * (quick ? 5 : 10)) + every - 1;
        for (int i = 0; i < events; i++)
        {
            if (!buffer.Enqueue(payload, 0, payload.Length, id, 0))
            {
                throw new InvalidOperationException($"mount set-up: enqueue {i} refused ({buffer.LastEnqueueFailure})");
            }
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

    /// <summary>A medium that keeps nothing: writes vanish, reads return zeros (a blank region).</summary>
    private sealed class DiscardingMedium(long length) : IStorageMedium
    {
        public long Length => length;

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public void Write(long position, byte[] buffer, int offset, int count)
        {
        }

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
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
