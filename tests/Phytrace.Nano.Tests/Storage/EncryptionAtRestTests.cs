using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// The EdgeBuffer with an EncryptionKey: records round-trip (every size, tags across slots, across
/// mounts), the wrong key, no key and a key on a plaintext region are refused before anything is
/// read or written, a changed record is rejected and counted as corrupt, nonces never repeat
/// through wraps, cuts, Clear and reformats, and nothing is allocated per record.
/// </summary>
public sealed class EncryptionAtRestTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(0x5A ^ (i * 11))).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(0, 32).Select(i => (byte)(0xC3 ^ (i * 5))).ToArray();

    private static EdgeBufferOptions Sealed(byte[] key, int recordSize = 128, int syncEvery = 1, int sectorSize = 512, ulong seed = 7)
    {
        EdgeBufferOptions options = Options(recordSize, syncEvery, sectorSize: sectorSize);
        options.EncryptionKey = key;
        options.Random = new XorShiftRandom(seed);
        return options;
    }

    [Fact]
    public void Every_length_round_trips_through_enqueue_mount_and_dequeue()
    {
        var medium = new RamMedium(RegionLength(128, 512));
        EdgeBufferOptions options = Sealed(Key, sectorSize: 128);
        int max = options.MaxEventSize;
        // Lengths around each slot boundary, so the tag lands in one slot, across two, or alone in the last.
        int[] lengths = Enumerable.Range(0, 24).Select(i => i).Concat(Enumerable.Range(50, 30)).Concat(Enumerable.Range(150, 30)).Concat([max - 1, max]).ToArray();
        using (var buffer = new EdgeBuffer(medium, options, SyncedClock()))
        {
            Assert.True(buffer.IsSealed);
            for (int n = 0; n < lengths.Length; n++)
            {
                Assert.True(Put(buffer, n, lengths[n]), $"length {lengths[n]} refused: {buffer.LastEnqueueFailure}");
            }
            AssertEvents(ReadAll(buffer), lengths);
        }
        // A mount reads them back; so does one after a cut (no Dispose: the checkpoint is older).
        using (var reopened = new EdgeBuffer(medium, Sealed(Key, sectorSize: 128), SyncedClock()))
        {
            AssertEvents(ReadAll(reopened), lengths);
            Assert.True(Put(reopened, 1000, 77));
        }
        var cut = new RamMedium(medium.Image.Length);
        cut.Write(0, medium.Image, 0, medium.Image.Length);
        using (var afterCut = new EdgeBuffer(cut, Sealed(Key, sectorSize: 128), SyncedClock()))
        {
            Assert.Equal(lengths.Length + 1, afterCut.Count);
            Assert.Equal(Payload(1000, 77), ReadAll(afterCut)[^1].Payload);
        }
    }

    [Fact]
    public void Group_commit_and_wrapping_keep_every_record_readable()
    {
        var medium = new RamMedium(RegionLength(128, 64));
        using var buffer = new EdgeBuffer(medium, Sealed(Key, syncEvery: 4), SyncedClock());
        var events = new BufferedEvents(8, 8 * 1024);
        long next = 0;
        for (int round = 0; round < 40; round++)
        {
            for (int i = 0; i < 5; i++, next++)
            {
                Assert.True(Put(buffer, next, (int)(next % 190)), $"event {next}: {buffer.LastEnqueueFailure}");
            }
            int n = buffer.Dequeue(events, 5);
            Assert.Equal(5, n);
            for (int i = 0; i < n; i++)
            {
                long expected = next - 5 + i;
                Assert.Equal(Payload(expected, (int)(expected % 190)), events.Payload.AsSpan(events.PayloadOffset(i), events.PayloadLength(i)).ToArray());
            }
            buffer.AcknowledgeThrough(events.Sequence(n - 1));
        }
        Assert.Equal(0, buffer.GetStats().Corrupt);
    }

    [Fact]
    public void Another_key_is_refused_naming_both_key_ids_and_nothing_changes()
    {
        var medium = new RamMedium(RegionLength(128, 64));
        using (var buffer = new EdgeBuffer(medium, Sealed(Key), SyncedClock()))
        {
            Assert.True(Put(buffer, 1, 100));
        }
        byte[] before = (byte[])medium.Image.Clone();

        var e = Assert.Throws<InvalidOperationException>(() => new EdgeBuffer(medium, Sealed(OtherKey), SyncedClock()));

        Assert.Contains("wrong EncryptionKey", e.Message, StringComparison.Ordinal);
        Assert.Contains(KeyIdText.Of(new RecordSealer(Key).KeyId), e.Message, StringComparison.Ordinal);
        Assert.Contains(KeyIdText.Of(new RecordSealer(OtherKey).KeyId), e.Message, StringComparison.Ordinal);
        Assert.Equal(before, medium.Image);
        using var right = new EdgeBuffer(medium, Sealed(Key), SyncedClock());
        Assert.Equal(Payload(1, 100), Assert.Single(ReadAll(right)).Payload);
    }

    [Fact]
    public void A_sealed_region_without_the_key_and_a_plaintext_region_with_one_are_refused()
    {
        var sealedMedium = new RamMedium(RegionLength(128, 64));
        using (var buffer = new EdgeBuffer(sealedMedium, Sealed(Key), SyncedClock()))
        {
            Assert.True(Put(buffer, 1, 100));
        }
        var plainMedium = new RamMedium(RegionLength(128, 64));
        using (var buffer = new EdgeBuffer(plainMedium, Options(), SyncedClock()))
        {
            Assert.True(Put(buffer, 1, 100));
        }
        byte[] sealedBefore = (byte[])sealedMedium.Image.Clone();
        byte[] plainBefore = (byte[])plainMedium.Image.Clone();

        var noKey = Assert.Throws<InvalidOperationException>(() => new EdgeBuffer(sealedMedium, Options(), SyncedClock()));
        var keyOnPlain = Assert.Throws<InvalidOperationException>(() => new EdgeBuffer(plainMedium, Sealed(Key), SyncedClock()));

        Assert.Contains("records are encrypted", noKey.Message, StringComparison.Ordinal);
        Assert.Contains("no EncryptionKey was given", noKey.Message, StringComparison.Ordinal);
        Assert.Contains("holds unencrypted records", keyOnPlain.Message, StringComparison.Ordinal);
        Assert.Equal(sealedBefore, sealedMedium.Image);
        Assert.Equal(plainBefore, plainMedium.Image);
    }

    public static TheoryData<string> Tamperings => new() { "ciphertext", "tag", "capture time", "event id", "clock flag" };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void A_changed_record_with_a_fixed_up_crc_is_rejected_and_counted_as_corrupt(string what)
    {
        var medium = new RamMedium(RegionLength(128, 64));
        using (var buffer = new EdgeBuffer(medium, Sealed(Key, sectorSize: 128), SyncedClock()))
        {
            for (int n = 0; n < 3; n++)
            {
                Assert.True(Put(buffer, n, 40));
            }
        }
        // The middle record, in slot 1: changed the way someone with the card but not the key could,
        // CRC recomputed so only the tag can tell.
        int at = Checkpoint.SlotsOffset + 128;
        byte[] image = medium.Image;
        switch (what)
        {
            case "ciphertext": image[at + SlotFormat.FirstHeaderSize + 5] ^= 0x01; break;
            case "tag": image[at + SlotFormat.FirstHeaderSize + 40 + 3] ^= 0x80; break;
            case "capture time": image[at + SlotFormat.OffsetCapturedAt] ^= 0x01; break;
            case "event id": image[at + SlotFormat.OffsetEventId + 2] ^= 0x01; break;
            case "clock flag": image[at + SlotFormat.OffsetFlags] ^= SlotFormat.FlagClockUnsynced; break;
        }
        int used = SlotFormat.FirstHeaderSize + 40 + RecordSealer.TagSize;
        Phytrace.Nano.Storage.LittleEndian.WriteUInt32(image, at + SlotFormat.OffsetCrc, SlotFormat.ComputeCrc(image, at, used));
        var tampered = new RamMedium(image.Length);
        tampered.Write(0, image, 0, image.Length);

        using var reopened = new EdgeBuffer(tampered, Sealed(Key, sectorSize: 128), SyncedClock());
        Assert.Equal(3, reopened.Count); // counted until a read reaches it, as bit rot is

        List<byte[]> delivered = Drain(reopened);

        Assert.Equal([Payload(0, 40), Payload(2, 40)], delivered);
        BufferStats stats = reopened.GetStats();
        Assert.Equal(1, stats.Corrupt);
        Assert.Equal(0, stats.Count);
    }

    [Fact]
    public void A_plaintext_slot_put_into_a_sealed_region_is_damage_never_a_record()
    {
        var medium = new RamMedium(RegionLength(128, 64));
        uint regionId;
        using (var buffer = new EdgeBuffer(medium, Sealed(Key, sectorSize: 128), SyncedClock()))
        {
            Assert.True(Put(buffer, 0, 40));
            Assert.True(Put(buffer, 1, 40));
            regionId = BufferInspector.Open(medium).Checkpoint.RegionId;
        }
        // Slot 1 replaced by a well-formed plaintext record of the same region and sequence.
        byte[] slot = new byte[128];
        SlotFormat.Encode(slot, 0, regionId, 1, 40, 0, true, Micros(Now), true, Id(9), 0, Payload(9, 40), 0, 40);
        medium.Write(Checkpoint.SlotsOffset + 128, slot, 0, 128);

        using var reopened = new EdgeBuffer(medium, Sealed(Key, sectorSize: 128), SyncedClock());

        Assert.Equal([Payload(0, 40)], Drain(reopened));
        Assert.Equal(1, reopened.GetStats().Corrupt);
    }

    [Fact]
    public void Nonces_never_repeat_through_wraps_cuts_clear_and_reformats()
    {
        var medium = new RamMedium(RegionLength(128, 32));
        var nonces = new HashSet<(uint Region, long Salt, long Sequence)>();
        void Write(EdgeBuffer buffer, int count)
        {
            for (int i = 0; i < count; i++)
            {
                long sequence = buffer.NextSequence;
                Assert.True(Put(buffer, sequence, 30 + (i % 60)), buffer.LastEnqueueFailure.ToString());
                Checkpoint cp = BufferInspector.Open(medium).Checkpoint;
                Assert.True(nonces.Add((cp.RegionId, cp.KeySalt, sequence)), $"nonce of region {cp.RegionId:X8}, sequence {sequence} used twice");
                if (buffer.Count > 8)
                {
                    buffer.AcknowledgeThrough(sequence - 4);
                }
            }
        }

        var buffer = new EdgeBuffer(medium, Sealed(Key, sectorSize: 128, seed: 1), SyncedClock());
        Write(buffer, 100);                       // wraps the 32-slot ring several times
        buffer = new EdgeBuffer(medium, Sealed(Key, sectorSize: 128, seed: 1), SyncedClock()); // a cut: no Dispose
        Write(buffer, 20);
        buffer.Clear();
        Write(buffer, 20);
        buffer.Dispose();
        // Every checkpoint lost: the region is formatted again; the same clock time and even the
        // same random seed as the first format must not bring back a nonce.
        Array.Clear(medium.Image, 0, Checkpoint.SlotsOffset);
        buffer = new EdgeBuffer(medium, Sealed(Key, sectorSize: 128, seed: 1), SyncedClock());
        Write(buffer, 20);
        buffer.Dispose();

        Assert.Equal(160, nonces.Count);
        Assert.Equal(2, nonces.Select(n => (n.Region, n.Salt)).Distinct().Count());
    }

    [Fact]
    public void Enqueue_and_dequeue_of_sealed_records_allocate_nothing()
    {
        using var buffer = new EdgeBuffer(new RamMedium(RegionLength(256, 512)), Sealed(Key, recordSize: 256, syncEvery: 8), SyncedClock());
        var events = new BufferedEvents(16, 16 * 1024);
        byte[] payload = Payload(3, 300);
        byte[] id = Id(3);
        void Cycle()
        {
            for (int i = 0; i < 8; i++)
            {
                buffer.Enqueue(payload, 0, payload.Length, id, 0, Micros(Now), true);
            }
            int n = buffer.Dequeue(events, 16);
            buffer.AcknowledgeThrough(events.Sequence(n - 1));
        }
        // A cycle fills 16 of the ring's 512 slots, so a round of 35 cycles passes the ring's end at
        // least once: an allocation at the wrap shows in every round, as one per record does. The
        // least of three rounds counts, because the JIT's tiering can allocate on this thread when
        // it promotes a method (seen under load in a full run, never alone).
        long allocated = Allocations.SteadyState(
            () =>
            {
                for (int i = 0; i < 35; i++)
                {
                    Cycle();
                }
            },
            warmupRounds: 2,
            rounds: 3);

        Assert.Equal(0, allocated);
    }

    /// <summary>Dequeues and acknowledges until the buffer is empty; the payloads delivered, in order.</summary>
    private static List<byte[]> Drain(EdgeBuffer buffer)
    {
        var delivered = new List<byte[]>();
        var events = new BufferedEvents(64, 64 * 1024);
        for (int round = 0; round < 100 && buffer.Count > 0; round++)
        {
            int n = buffer.Dequeue(events, 64);
            if (n > 0)
            {
                delivered.AddRange(Items(events).Select(e => e.Payload));
                buffer.AcknowledgeThrough(events.Sequence(n - 1));
            }
        }
        return delivered;
    }

    private static void AssertEvents(List<(long Sequence, byte[] Id, byte[] Payload)> events, int[] lengths)
    {
        Assert.Equal(lengths.Length, events.Count);
        for (int n = 0; n < lengths.Length; n++)
        {
            Assert.Equal(Payload(n, lengths[n]), events[n].Payload);
            Assert.Equal(Id(n), events[n].Id);
        }
    }
}
