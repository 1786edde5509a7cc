using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// Format version 3 as FORMAT.md states it: the slot CRC over whole 16-byte blocks with the CRC
/// field read as zero, checkpoint places a page apart, regions of another version (format 2 and
/// the pre-release 1) refused and left as they are, and the mount scan reading runs of slots.
/// </summary>
public sealed class FormatVersionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(72)]
    [InlineData(200)]
    public void Slot_crc_is_the_documented_one_and_the_padding_is_zero(int chunk)
    {
        const int recordSize = 256;
        var slot = new byte[recordSize];
        new Random(chunk).NextBytes(slot); // whatever was there before
        byte[] payload = Payload(chunk, chunk);
        int used = SlotFormat.Encode(slot, 0, 0xA1B2C3D4u, 42, chunk, 0, true, 1_795_780_800_000_000L, true, Id(3), 0, payload, 0, chunk);

        Assert.Equal(SlotFormat.FirstHeaderSize + chunk, used);
        int covered = (used + 15) / 16 * 16;
        Assert.All(slot.AsSpan(used, covered - used).ToArray(), b => Assert.Equal(0, b));
        // Oracle: a bitwise CRC-32 over a copy with the CRC field zeroed.
        var copy = slot.AsSpan(0, covered).ToArray();
        Array.Clear(copy, SlotFormat.OffsetCrc, 4);
        Assert.Equal(BitwiseCrc32(copy), BitConverter.ToUInt32(slot, SlotFormat.OffsetCrc));
        Assert.Equal(3, slot[SlotFormat.OffsetVersion]);
        Assert.Equal(0, BitConverter.ToUInt16(slot, SlotFormat.OffsetPadding));

        // The padding count is sealed into the CRC too.
        SlotFormat.SetPadding(slot, 0, 3);
        copy = slot.AsSpan(0, covered).ToArray();
        Array.Clear(copy, SlotFormat.OffsetCrc, 4);
        Assert.Equal(3, BitConverter.ToUInt16(slot, SlotFormat.OffsetPadding));
        Assert.Equal(BitwiseCrc32(copy), BitConverter.ToUInt32(slot, SlotFormat.OffsetCrc));
    }

    [Fact]
    public void Computing_a_slot_crc_leaves_the_slot_unchanged()
    {
        var slot = new byte[128];
        SlotFormat.Encode(slot, 0, 7u, 1, 30, 0, true, 5, false, Id(1), 0, Payload(1, 30), 0, 30);
        byte[] before = slot.ToArray();

        SlotFormat.ComputeCrc(slot, 0, SlotFormat.FirstHeaderSize + 30);

        Assert.Equal(before, slot);
    }

    [Fact]
    public void A_flip_in_the_padding_is_corruption_and_one_after_it_is_not()
    {
        var ram = new RamMedium(RegionLength(128, 16));
        using (var buffer = new EdgeBuffer(ram, Options(), SyncedClock()))
        {
            Assert.True(Put(buffer, 0, 10)); // 56 + 10 = 66 bytes used, CRC over 80
            Assert.True(Put(buffer, 1, 10));
        }
        var afterPadding = new RamMedium(ram.Image.ToArray());
        afterPadding.Image[Checkpoint.SlotsOffset + 100] ^= 0x10;
        ram.Image[Checkpoint.SlotsOffset + 70] ^= 0x10;

        using var flipped = new EdgeBuffer(ram, Options(), SyncedClock());
        var events = ReadAll(flipped);
        Assert.Equal(new long[] { 1 }, events.Select(e => e.Sequence));
        Assert.Equal(1, flipped.GetStats().Corrupt);
        using var untouched = new EdgeBuffer(afterPadding, Options(), SyncedClock());
        Assert.Equal(2, ReadAll(untouched).Count);
    }

    [Fact]
    public void Checkpoint_places_are_a_page_apart_and_slots_start_after_them()
    {
        Assert.Equal(4096, Checkpoint.Stride);
        Assert.Equal(Checkpoint.Places * Checkpoint.Stride, Checkpoint.SlotsOffset);
        var ram = new RamMedium(RegionLength(128, 16));
        using (var buffer = new EdgeBuffer(ram, Options(checkpointEvery: 1), SyncedClock()))
        {
            for (int n = 0; n < Checkpoint.Places / Checkpoint.CopiesPerGeneration; n++)
            {
                Assert.True(Put(buffer, n, 20));
            }
        }
        for (int place = 0; place < Checkpoint.Places; place++)
        {
            Assert.Equal("PNCK"u8.ToArray(), ram.Image.AsSpan(place * Checkpoint.Stride, 4).ToArray());
        }
        Assert.Equal((byte)'P', ram.Image[Checkpoint.SlotsOffset]);
        Assert.Equal((byte)'N', ram.Image[Checkpoint.SlotsOffset + 1]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void A_region_of_another_format_version_is_refused_and_left_as_it_is(int version)
    {
        // A format-2 region as that version left it: its checkpoint (one copy) and a record.
        var ram = new RamMedium(RegionLength(128, 16));
        LegacyCheckpoint.Write(ram.Image, version, 3, 0xCAFE0001u, 128, 16, 7, 4, 6);
        ram.Image[Checkpoint.SlotsOffset] = (byte)'P';
        ram.Image[Checkpoint.SlotsOffset + 1] = (byte)'N';
        ram.Image[Checkpoint.SlotsOffset + 2] = (byte)version;
        byte[] before = ram.Image.ToArray();

        var e = Assert.Throws<InvalidOperationException>(() => new EdgeBuffer(ram, Options(), SyncedClock()));

        Assert.Contains("format version " + version, e.Message, StringComparison.Ordinal);
        Assert.Contains("reads version " + Checkpoint.Version, e.Message, StringComparison.Ordinal);
        Assert.Contains("never reformatted", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, ram.Image); // not reformatted, not written at all
        var inspect = Assert.Throws<InvalidOperationException>(() => BufferInspector.Open(ram));
        Assert.Contains("format version " + version, inspect.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_checkpoint_of_another_version_is_damage_not_a_version()
    {
        var ram = new RamMedium(RegionLength(128, 16));
        LegacyCheckpoint.Write(ram.Image, 2, 0, 0xCAFE0001u, 128, 16, 7, 4, 6);
        ram.Image[20] ^= 0x01; // the version-2 checkpoint no longer passes its CRC

        using var buffer = new EdgeBuffer(ram, Options(), SyncedClock()); // formats a fresh region

        Assert.Equal(0, buffer.Count);
        Assert.True(buffer.GetStats().Corrupt >= 1);
    }

    [Fact]
    public void Mount_reads_runs_of_slots_the_same_number_of_times_for_a_small_and_a_large_region()
    {
        // CheckpointEvery 64, one sync per record: 63 records past the last checkpoint, the most a
        // mount ever scans, a sector (4 slots) each: 252 slots. The group buffer holds
        // SlotsFor(16 KB) = 171 slots, 172 in whole sectors: two runs.
        long small = MountReadsAfterPowerCut(regionSlots: 1024);
        long large = MountReadsAfterPowerCut(regionSlots: 4_000_000);

        Assert.Equal(small, large);
        Assert.Equal(Checkpoint.Places + 2, small);
    }

    [Fact]
    public void Vectorised_and_table_crc_agree_at_every_length_and_offset()
    {
        var data = new byte[700];
        new Random(11).NextBytes(data);
        for (int length = 0; length <= 600; length++)
        {
            int offset = length % 13;
            uint table = Crc32.Update(Crc32.Initial, data, offset, length);
            Assert.Equal(table, Crc32.Compute(data, offset, length));
            Assert.Equal(BitwiseCrc32(data.AsSpan(offset, length).ToArray()), table);
        }
    }

    private static long MountReadsAfterPowerCut(int regionSlots)
    {
        var options = Options(syncEvery: 1, checkpointEvery: 64, maxEventSize: 16384);
        var image = new SparseMedium(RegionLength(128, regionSlots));
        var buffer = new EdgeBuffer(image, options, SyncedClock());
        for (int n = 0; n < (64 * 3) + 63; n++)
        {
            Assert.True(Put(buffer, n, 50));
        }
        long live = buffer.Count;
        // Power cut: the buffer is never disposed; a new one mounts the same bytes.
        var counting = new FaultInjectingMedium(image);
        using var reopened = new EdgeBuffer(counting, options, SyncedClock());
        Assert.Equal(live, reopened.Count);
        return counting.ReadCalls;
    }

    private static uint BitwiseCrc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A large region without the RAM: only written blocks of 4 KiB exist, the rest reads as zeros.</summary>
    private sealed class SparseMedium(long length) : IStorageMedium
    {
        private const int Block = 4096;
        private readonly Dictionary<long, byte[]> blocks = new();

        public long Length => length;

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                long at = position + i;
                buffer[offset + i] = blocks.TryGetValue(at / Block, out byte[]? block) ? block[at % Block] : (byte)0;
            }
            return count;
        }

        public void Write(long position, byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                long at = position + i;
                if (!blocks.TryGetValue(at / Block, out byte[]? block))
                {
                    block = new byte[Block];
                    blocks[at / Block] = block;
                }
                block[at % Block] = buffer[offset + i];
            }
        }

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
