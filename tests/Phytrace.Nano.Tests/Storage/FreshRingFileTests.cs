using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// FatFs grows a file (FileStream.SetLength) with clusters it does not clear, so a ring file the
/// node has just created holds whatever the card held there: random bytes, erased flash (0xFF), or
/// a deleted ring's valid checkpoints and records, of the same geometry or another. The
/// FileStreamMedium reports such a file as fresh and the buffer formats it instead of mounting it.
/// On .NET a grown file reads back zeros, so each test writes what FatFs would have left through
/// the medium itself, between creating the file and opening the buffer on it.
/// </summary>
public sealed class FreshRingFileTests : IDisposable
{
    private const int RecordSize = 128;
    private const int Slots = 64;
    private static readonly int Length = RegionLength(RecordSize, Slots);

    private readonly string directory = Directory.CreateTempSubdirectory("phytrace-fresh-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    public static TheoryData<string> Leftovers => new() { "random", "erased", "stale-ring", "stale-ring-other-record-size", "stale-ring-other-size" };

    [Theory]
    [MemberData(nameof(Leftovers))]
    public void A_new_ring_file_is_formatted_over_what_the_card_held_and_mounts_its_own_records_after(string leftover)
    {
        string path = Path.Combine(directory, "events.ring");
        var medium = new FileStreamMedium(path, Length, reopenAtSyncPoints: false);
        Assert.True(medium.IsFresh, "a file the medium created is fresh");
        byte[] old = Leftover(leftover);
        medium.Write(0, old, 0, Length);
        medium.Flush();

        using (var buffer = new EdgeBuffer(medium, Options(RecordSize), SyncedClock()))
        {
            Assert.Equal(0, buffer.Count);
            Assert.Empty(ReadAll(buffer));
            Assert.False(medium.IsFresh, "formatted once, the region is the buffer's");
            for (int n = 0; n < 5; n++)
            {
                Assert.True(Put(buffer, 1000 + n, 150), leftover + ": enqueue " + n + " refused: " + buffer.LastEnqueueFailure);
            }
        }

        var reopened = new FileStreamMedium(path, Length, reopenAtSyncPoints: false);
        Assert.False(reopened.IsFresh, "an existing ring file is not fresh");
        using var mounted = new EdgeBuffer(reopened, Options(RecordSize), SyncedClock());
        var records = ReadAll(mounted);
        Assert.Equal(Enumerable.Range(1000, 5).Select(n => Id(n)), records.Select(r => r.Id));
        Assert.Equal(Payload(1004, 150), records[4].Payload);
    }

    /// <summary>Why the mark matters: the same bytes in a file that was not new are a ring to mount, with the old records in it.</summary>
    [Fact]
    public void Without_the_fresh_mark_a_stale_ring_would_come_back()
    {
        string path = Path.Combine(directory, "old.ring");
        File.WriteAllBytes(path, Leftover("stale-ring"));
        var medium = new FileStreamMedium(path, Length, reopenAtSyncPoints: false);
        Assert.False(medium.IsFresh);

        using var buffer = new EdgeBuffer(medium, Options(RecordSize), SyncedClock());

        Assert.Equal(Enumerable.Range(2, 7).Select(n => Id(n)), ReadAll(buffer).Select(r => r.Id));
    }

    [Fact]
    public void An_empty_file_left_by_an_interrupted_creation_is_fresh_too()
    {
        string path = Path.Combine(directory, "empty.ring");
        File.WriteAllBytes(path, Array.Empty<byte>());

        var medium = new FileStreamMedium(path, Length, reopenAtSyncPoints: false);

        Assert.True(medium.IsFresh);
        Assert.Equal(Length, new FileInfo(path).Length);
        medium.Dispose();
    }

    private static byte[] Leftover(string kind)
    {
        switch (kind)
        {
            case "random":
                var random = new byte[Length];
                new Random(14).NextBytes(random);
                return random;
            case "erased":
                return Enumerable.Repeat((byte)0xFF, Length).ToArray();
            case "stale-ring":
                return StaleRing(RecordSize, Length);
            case "stale-ring-other-record-size":
                return StaleRing(256, Length);
            default:
                // A deleted ring of a smaller MaxSizeMb: its clusters are at the start of the new file.
                // (Three quarters of the slots: with one record per sync, format 3 gives each record a
                // sector of its own, and half the slots would not hold the nine records StaleRing writes.)
                byte[] image = new byte[Length];
                byte[] smaller = StaleRing(RecordSize, RegionLength(RecordSize, Slots * 3 / 4));
                Array.Copy(smaller, image, smaller.Length);
                return image;
        }
    }

    /// <summary>A ring some earlier node wrote: seven synced records, two of them acknowledged.</summary>
    private static byte[] StaleRing(int recordSize, int length)
    {
        var ram = new RamMedium(length);
        using (var buffer = new EdgeBuffer(ram, Options(recordSize), SyncedClock()))
        {
            for (int n = 0; n < 9; n++)
            {
                Assert.True(Put(buffer, n, 100));
            }
            buffer.AcknowledgeThrough(1);
        }
        return ram.Image;
    }
}
