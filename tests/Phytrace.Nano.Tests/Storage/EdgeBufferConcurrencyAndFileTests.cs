using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>A producer and a consumer thread at once; real files through FileStreamMedium.</summary>
public sealed class EdgeBufferConcurrencyAndFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("phytrace-buffer-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Producer_and_consumer_threads_lose_and_duplicate_nothing()
    {
        var options = Options(recordSize: 128, syncEvery: 4, maxEventSize: 400);
        using var buffer = new EdgeBuffer(new RamMedium(RegionLength(128, 64)), options, SyncedClock());
        var deadline = DateTime.UtcNow.AddSeconds(3);
        long produced = 0;
        var received = new List<(long Sequence, byte[] Id, byte[] Payload)>();
        var producer = new Thread(() =>
        {
            while (DateTime.UtcNow < deadline)
            {
                int length = (int)(produced % 401);
                if (buffer.Enqueue(Payload(produced, length), 0, length, Id(produced), 0, Micros(Now), true))
                {
                    produced++;
                }
                else
                {
                    Thread.Yield();
                }
            }
            buffer.Sync();
        });
        var consumer = new Thread(() =>
        {
            var batch = new BufferedEvents(10, 10 * 400);
            while (DateTime.UtcNow < deadline.AddSeconds(1) || buffer.Count > 0)
            {
                if (buffer.Dequeue(batch, 10) == 0)
                {
                    Thread.Yield();
                    continue;
                }
                received.AddRange(Items(batch));
                buffer.AcknowledgeThrough(batch.Sequence(batch.Count - 1));
            }
        });
        producer.Start();
        consumer.Start();
        producer.Join();
        consumer.Join();
        Assert.True(produced > 100, $"the producer made progress ({produced})");
        Assert.Equal(produced, received.Count);
        for (int i = 0; i < received.Count; i++)
        {
            Assert.Equal(i, received[i].Sequence);
            Assert.Equal(Id(i), received[i].Id);
            Assert.Equal(Payload(i, i % 401), received[i].Payload);
        }
    }

    [Fact]
    public void A_real_file_is_preallocated_never_grows_and_survives_reopen()
    {
        string path = Path.Combine(directory, "buffer.bin");
        var options = new EdgeBufferOptions { MaxSizeMb = 1, RecordSize = 256, SyncEvery = 2 };
        using (var buffer = FileStreamMedium.OpenBuffer(path, options, SyncedClock(), reopenAtSyncPoints: false))
        {
            Assert.Equal(1024 * 1024, new FileInfo(path).Length);
            for (int n = 0; n < 5000; n++)
            {
                int length = 50 + (n % 300);
                if (!Put(buffer, n, length))
                {
                    buffer.AcknowledgeThrough(n - 2000);
                    Assert.True(Put(buffer, n, length));
                }
            }
            buffer.AcknowledgeThrough(4989);
        }
        Assert.Equal(1024 * 1024, new FileInfo(path).Length);
        using var reopened = FileStreamMedium.OpenBuffer(path, options, SyncedClock(), reopenAtSyncPoints: true);
        var all = ReadAll(reopened);
        Assert.Equal(Enumerable.Range(4990, 10).Select(i => (long)i), all.Select(e => e.Sequence));
        Assert.Equal(Payload(4999, 50 + (4999 % 300)), all[^1].Payload);
        Assert.True(Put(reopened, 5000, 20));
        Assert.True(reopened.Sync());
        Assert.Equal(1024 * 1024, new FileInfo(path).Length);
    }

    [Fact]
    public void File_medium_reports_a_missing_directory_as_not_present()
    {
        var e = Assert.Throws<StorageMediumException>(() => new FileStreamMedium(Path.Combine(directory, "no-such-dir", "b.bin"), 65536, false));
        Assert.Equal(MediumFailure.NotPresent, e.Failure);
        Assert.Contains("no-such-dir", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_medium_refuses_positions_outside_its_region()
    {
        using var medium = new FileStreamMedium(Path.Combine(directory, "r.bin"), 4096, false);
        Assert.Throws<ArgumentOutOfRangeException>(() => medium.Write(4090, new byte[16], 0, 16));
    }
}
