using System.Security.Cryptography;
using System.Text;
using Phytrace.Nano.Cli;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Storage;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Cli;

public sealed class InspectCommandTests : IDisposable
{
    private const int RecordSize = 256; // short events fit one slot, long ones take three
    private const int Slots = 200;
    private const int Events = 30;
    private const int AcknowledgedThrough = 4; // events 0..4 consumed
    private const int CorruptFirstSlotEvent = 10; // one slot: its only slot is damaged
    private const int CorruptContinuationEvent = 12; // three slots: its last slot is damaged
    private const int RemovedEvent = 20; // removed out of order, still on the medium

    private readonly string folder = Path.Combine(Path.GetTempPath(), "phytrace-inspect-" + Guid.NewGuid().ToString("N"));

    public InspectCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Event n's JSON: every third one long enough to span three slots, each ending in a unique marker.</summary>
    private static string EventJson(int n) =>
        $"{{\"udm_version\":\"0.0.3\",\"event_id\":\"{EventId(n)}\",\"n\":{n},\"pad\":\"{new string((char)('a' + (n % 26)), n % 3 == 0 ? 450 : 10)}\",\"tail\":\"T{n}\"}}";

    private static string EventId(int n) => $"0190f1e2-0000-7000-8000-{n:D12}";

    /// <summary>Writes a real buffer file: <see cref="Events"/> events, some acknowledged, one removed; returns its path and the first sequence.</summary>
    private (string Path, long FirstSequence) WriteBuffer()
    {
        string path = Path.Combine(folder, "events.ring");
        var medium = new FileStreamMedium(path, BufferKit.RegionLength(RecordSize, Slots), reopenAtSyncPoints: false);
        using var buffer = new EdgeBuffer(medium, BufferKit.Options(RecordSize), BufferKit.SyncedClock());
        long first = buffer.NextSequence;
        var id = new byte[16];
        for (int n = 0; n < Events; n++)
        {
            byte[] json = Encoding.UTF8.GetBytes(EventJson(n));
            Assert.True(Phytrace.Nano.Formats.UuidText.TryParse(EventId(n), id, 0));
            Assert.True(buffer.Enqueue(json, 0, json.Length, id, 0, BufferKit.Micros(BufferKit.Now.AddSeconds(n)), true));
        }
        Assert.Equal(AcknowledgedThrough + 1, buffer.AcknowledgeThrough(first + AcknowledgedThrough));
        Assert.Equal(1, buffer.Remove(new[] { EventId(RemovedEvent) }));
        medium.Dispose();
        return (path, first);
    }

    /// <summary>Flips one byte inside the slot that holds <paramref name="marker"/>; returns that slot's index.</summary>
    private static long CorruptSlotHolding(string path, string marker)
    {
        byte[] image = File.ReadAllBytes(path);
        int at = image.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        Assert.True(at >= Checkpoint.SlotsOffset, $"marker {marker} not found in the slots");
        Assert.Equal(-1, image.AsSpan(at + 1).IndexOf(Encoding.ASCII.GetBytes(marker)));
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Seek(at, SeekOrigin.Begin);
            file.WriteByte((byte)(image[at] ^ 0x5A));
        }
        return (at - Checkpoint.SlotsOffset) / RecordSize;
    }

    private static string Flat(TestConsole console) => console.Output.Replace("\n", " ", StringComparison.Ordinal);

    [Fact]
    public void Inspect_reports_the_corrupt_slots_and_exports_exactly_the_good_live_records()
    {
        (string path, long first) = WriteBuffer();
        long damagedFirst = CorruptSlotHolding(path, $"\"n\":{CorruptFirstSlotEvent},");
        long damagedContinuation = CorruptSlotHolding(path, $"\"T{CorruptContinuationEvent}\"");
        byte[] before = SHA256.HashData(File.ReadAllBytes(path));
        string export = Path.Combine(folder, "events.ndjson");
        var console = new TestConsole();
        console.Profile.Width = 300;

        int code = CliApp.Run(new[] { "inspect", path, "--export", export }, console);

        Assert.Equal(1, code); // read fine, found damage
        string output = Flat(console);
        long[] corrupt = new[] { damagedFirst, damagedContinuation }.Order().ToArray();
        Assert.Contains($"corrupt slots: 2 (indexes {corrupt[0]}, {corrupt[1]})", output, StringComparison.Ordinal);
        Assert.Contains("unreadable records: 1 with a damaged part, 1 continuation slots without their first slot", output, StringComparison.Ordinal);
        Assert.Contains($"record size {RecordSize}, {Slots} slots", output, StringComparison.Ordinal);
        // The version byte as stored in the file, at the first checkpoint place holding the magic.
        byte[] image = File.ReadAllBytes(path);
        int place = Enumerable.Range(0, Checkpoint.Places).First(p => image.AsSpan(p * Checkpoint.Stride, 4).SequenceEqual("PNCK"u8));
        Assert.Contains($"format version {image[(place * Checkpoint.Stride) + 4]},", output, StringComparison.Ordinal);
        Assert.Contains($"consumed (acknowledged) through sequence: {first + AcknowledgedThrough}", output, StringComparison.Ordinal);
        var good = Enumerable.Range(AcknowledgedThrough + 1, Events - AcknowledgedThrough - 1)
            .Where(n => n is not (CorruptFirstSlotEvent or CorruptContinuationEvent or RemovedEvent)).ToArray();
        Assert.Contains($"live records: {good.Length} ", output, StringComparison.Ordinal);
        Assert.Contains($"oldest: sequence {first + good[0]}, captured_at {BufferKit.Now.AddSeconds(good[0]):yyyy-MM-ddTHH:mm:ss}.000000Z", output, StringComparison.Ordinal);
        Assert.Contains($"newest: sequence {first + good[^1]}, captured_at {BufferKit.Now.AddSeconds(good[^1]):yyyy-MM-ddTHH:mm:ss}.000000Z", output, StringComparison.Ordinal);
        Assert.Contains($"exported {good.Length} live events", output, StringComparison.Ordinal);

        byte[] expected = Encoding.UTF8.GetBytes(string.Concat(good.Select(n => EventJson(n) + "\n")));
        Assert.Equal(expected, File.ReadAllBytes(export));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path))); // never writes the inspected file
    }

    [Fact]
    public void An_intact_buffer_exits_0_and_exports_every_live_record()
    {
        (string path, _) = WriteBuffer();
        string export = Path.Combine(folder, "all.ndjson");
        var console = new TestConsole();
        console.Profile.Width = 300;

        int code = CliApp.Run(new[] { "inspect", path, "--export", export }, console);

        Assert.Equal(0, code);
        Assert.Contains("corrupt slots: 0", console.Output, StringComparison.Ordinal);
        string[] expected = Enumerable.Range(AcknowledgedThrough + 1, Events - AcknowledgedThrough - 1)
            .Where(n => n != RemovedEvent).Select(EventJson).ToArray();
        Assert.Equal(expected, File.ReadAllLines(export));
    }

    [Fact]
    public void A_foreign_file_is_named_as_such_with_the_magic_found()
    {
        string path = Path.Combine(folder, "photo.jpg");
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        File.WriteAllBytes(path, bytes);
        var console = new TestConsole();
        console.Profile.Width = 300;

        int code = CliApp.Run(new[] { "inspect", path }, console);

        Assert.Equal(2, code);
        Assert.Contains("photo.jpg is not a Phytrace.Nano buffer", console.Output, StringComparison.Ordinal);
        Assert.Contains("found FFD8FFE0", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        string path = Path.Combine(folder, "nope.ring");
        var console = new TestConsole();
        console.Profile.Width = 300;

        int code = CliApp.Run(new[] { "inspect", path }, console);

        Assert.Equal(2, code);
        Assert.Contains($"file '{path}' not found", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_a_clear_error()
    {
        (string path, _) = WriteBuffer();
        string cut = Path.Combine(folder, "cut.ring");
        File.WriteAllBytes(cut, File.ReadAllBytes(path).AsSpan(0, Checkpoint.SlotsOffset + (10 * RecordSize)).ToArray());
        var console = new TestConsole();
        console.Profile.Width = 300;

        int code = CliApp.Run(new[] { "inspect", cut }, console);

        Assert.Equal(2, code);
        Assert.Contains($"cut.ring is truncated: its checkpoint describes {Slots} slots of {RecordSize} bytes", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_inside_the_checkpoint_area_is_named_truncated()
    {
        (string path, _) = WriteBuffer();
        string cut = Path.Combine(folder, "head.ring");
        File.WriteAllBytes(cut, File.ReadAllBytes(path).AsSpan(0, Checkpoint.Stride + 100).ToArray());
        var console = new TestConsole();
        console.Profile.Width = 300;

        int code = CliApp.Run(new[] { "inspect", cut }, console);

        Assert.Equal(2, code);
        Assert.Contains($"head.ring is truncated: {Checkpoint.Stride + 100} bytes, a buffer image has at least {Checkpoint.SlotsOffset} bytes of checkpoints", console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("inspect", "a.ring", "--export")]
    [InlineData("inspect", "a.ring", "--bogus")]
    public void Bad_arguments_exit_2(params string[] args)
    {
        var console = new TestConsole();

        Assert.Equal(2, CliApp.Run(args, console));
    }

    [Fact]
    public void A_format_2_image_is_refused_with_a_clear_error_and_left_as_it_is()
    {
        string path = Path.Combine(folder, "old.ring");
        var bytes = new byte[BufferKit.RegionLength(RecordSize, 16)];
        Phytrace.Nano.DeviceTests.LegacyCheckpoint.Write(bytes, 2, 0, 0xCAFE0001u, RecordSize, 16, 3, 1, 2);
        File.WriteAllBytes(path, bytes);
        var console = new TestConsole();
        console.Profile.Width = 300;

        int code = CliApp.Run(new[] { "inspect", path }, console);

        Assert.Equal(2, code);
        Assert.Contains("old.ring: a Phytrace.Nano buffer of format version 2; this inspector reads version 3", Flat(console), StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Inspect_shows_what_a_mount_would_hold_on_images_left_by_faults()
    {
        // The inspector walks the image by the mount's rules (FORMAT.md): on images left by cuts of
        // every model, its live records are exactly what a mount delivers.
        var run = Phytrace.Nano.Tests.Storage.Sweep.FaultSweepTests.Run("groups of three, drop oldest");
        var random = new Random(5);
        var garbage = new Phytrace.Nano.Platform.XorShiftRandom(5);
        int compared = 0;
        Phytrace.Nano.Tests.Storage.Sweep.FaultSweepTests.ForEachWrite(run, (call, before, write) =>
        {
            if (random.Next(8) != 0)
            {
                return;
            }
            var image = (byte[])before.Clone();
            int cut = random.Next(write.Data.Length + 1);
            if (random.Next(2) == 0)
            {
                Phytrace.Nano.DeviceTests.FaultImages.LandPrefix(image, write, cut);
            }
            else
            {
                Phytrace.Nano.DeviceTests.FaultImages.LandFlashCut(image, write, Math.Min(cut, write.Data.Length), random.Next(2) == 0, garbage);
            }
            if (random.Next(3) == 0)
            {
                image[random.Next(image.Length)] ^= (byte)(1 << random.Next(8)); // and a flipped bit
            }
            var inspected = BufferImage.Read(new RamMedium(image)).LiveRecords.Select(r => r.Sequence).ToList();
            var mounted = new EdgeBuffer(new RamMedium(image), run.Config.Options(), run.Clock);
            var delivered = new List<long>();
            var batch = new BufferedEvents(16, 16 * run.Config.MaxEventSize);
            while (mounted.Dequeue(batch, 16) > 0)
            {
                delivered.AddRange(Enumerable.Range(0, batch.Count).Select(batch.Sequence));
                mounted.AcknowledgeThrough(batch.Sequence(batch.Count - 1));
            }
            Assert.Equal(delivered, inspected);
            compared++;
        });
        Assert.True(compared > 20);
    }
}
