using System.Security.Cryptography;
using System.Text;
using Phytrace.Nano.Cli;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Storage;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Cli;

/// <summary>
/// `inspect` on a ring written with an encryption key: described without the key (headers only,
/// said so); verified and exported with it (--key-file, raw or hex); refused with a clear error
/// for --export without the key, a wrong key, a key file that holds no key, and a key for a
/// plaintext ring; a record changed since it was sealed is corrupt and left out of the export.
/// </summary>
public sealed class InspectEncryptedTests : IDisposable
{
    private const int RecordSize = 256;
    private const int Slots = 64;
    private const int Events = 12;
    private const int TamperedEvent = 5;

    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(0x35 + (i * 13))).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(0, 32).Select(i => (byte)(0x91 ^ (i * 7))).ToArray();

    private readonly string folder = Path.Combine(Path.GetTempPath(), "phytrace-inspect-key-" + Guid.NewGuid().ToString("N"));

    public InspectEncryptedTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string EventJson(int n) => $"{{\"event_id\":\"{EventId(n)}\",\"n\":{n},\"note\":\"secret reading {n}\"}}";

    private static string EventId(int n) => $"0190f1e2-0000-7000-8000-{n:D12}";

    private string WriteRing(byte[]? key)
    {
        string path = Path.Combine(folder, key == null ? "plain.ring" : "sealed.ring");
        var medium = new FileStreamMedium(path, BufferKit.RegionLength(RecordSize, Slots), reopenAtSyncPoints: false);
        EdgeBufferOptions options = BufferKit.Options(RecordSize);
        options.EncryptionKey = key;
        options.Random = key == null ? null : new XorShiftRandom(11);
        using (var buffer = new EdgeBuffer(medium, options, BufferKit.SyncedClock()))
        {
            var id = new byte[16];
            for (int n = 0; n < Events; n++)
            {
                byte[] json = Encoding.UTF8.GetBytes(EventJson(n));
                Assert.True(Phytrace.Nano.Formats.UuidText.TryParse(EventId(n), id, 0));
                Assert.True(buffer.Enqueue(json, 0, json.Length, id, 0, BufferKit.Micros(BufferKit.Now.AddSeconds(n)), true));
            }
        }
        medium.Dispose();
        return path;
    }

    private string KeyFile(string name, byte[] content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static (int Code, string Output) Inspect(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        int code = CliApp.Run(new[] { "inspect" }.Concat(args).ToArray(), console);
        return (code, console.Output.Replace("\n", " ", StringComparison.Ordinal));
    }

    private static string KeyIdOf(byte[] key) => KeyIdText.Of(new RecordSealer(key).KeyId);

    [Fact]
    public void Without_the_key_the_ring_is_described_but_not_opened()
    {
        string ring = WriteRing(Key);

        (int code, string output) = Inspect(ring);

        Assert.Equal(0, code);
        Assert.Contains($"encryption: ChaCha20-Poly1305, key id {KeyIdOf(Key)}: records not opened (no --key-file)", output, StringComparison.Ordinal);
        Assert.Contains($"live records: {Events} ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret reading", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("hex")]
    public void With_the_key_every_record_is_opened_and_exported_as_written(string form)
    {
        string ring = WriteRing(Key);
        byte[] content = form == "raw" ? Key : Encoding.ASCII.GetBytes(Convert.ToHexString(Key).ToLowerInvariant() + "\n");
        string keyFile = KeyFile("key." + form, content);
        string export = Path.Combine(folder, "events.ndjson");

        (int code, string output) = Inspect(ring, "--key-file", keyFile, "--export", export);

        Assert.Equal(0, code);
        Assert.Contains("every record opened and its tag checked with the key", output, StringComparison.Ordinal);
        Assert.Contains($"exported {Events} live events", output, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, Events).Select(EventJson).ToArray(), File.ReadAllLines(export));
    }

    [Fact]
    public void Export_without_the_key_is_refused_and_writes_nothing()
    {
        string ring = WriteRing(Key);
        string export = Path.Combine(folder, "events.ndjson");

        (int code, string output) = Inspect(ring, "--export", export);

        Assert.Equal(2, code);
        Assert.Contains($"its records are encrypted (key id {KeyIdOf(Key)}): --export needs the key, give it with --key-file", output, StringComparison.Ordinal);
        Assert.False(File.Exists(export));
    }

    [Fact]
    public void A_wrong_key_is_refused_naming_both_key_ids_and_not_the_key()
    {
        string ring = WriteRing(Key);
        string keyFile = KeyFile("other.key", OtherKey);
        string export = Path.Combine(folder, "events.ndjson");
        byte[] before = SHA256.HashData(File.ReadAllBytes(ring));

        (int code, string output) = Inspect(ring, "--key-file", keyFile, "--export", export);

        Assert.Equal(2, code);
        Assert.Contains($"wrong key: the region's records are sealed under the key with id {KeyIdOf(Key)}, this key's id is {KeyIdOf(OtherKey)}", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(OtherKey), output, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(export));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(ring)));
    }

    [Theory]
    [InlineData(31, "found 31 bytes")]
    [InlineData(33, "found 33 bytes")]
    [InlineData(0, "found 0 bytes")]
    public void A_key_file_that_holds_no_key_is_named_without_its_content(int length, string expected)
    {
        string ring = WriteRing(Key);
        string keyFile = KeyFile("short.key", Key.Concat(Key).Take(length).ToArray());

        (int code, string output) = Inspect(ring, "--key-file", keyFile);

        Assert.Equal(2, code);
        Assert.Contains($"--key-file '{keyFile}' does not hold a key: expected 32 raw bytes or 64 hexadecimal digits, {expected}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_is_named()
    {
        string ring = WriteRing(Key);
        string keyFile = Path.Combine(folder, "nope.key");

        (int code, string output) = Inspect(ring, "--key-file", keyFile);

        Assert.Equal(2, code);
        Assert.Contains($"cannot read --key-file '{keyFile}'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_for_a_plaintext_ring_is_refused()
    {
        string ring = WriteRing(null);
        string keyFile = KeyFile("key.raw", Key);

        (int code, string output) = Inspect(ring, "--key-file", keyFile);

        Assert.Equal(2, code);
        Assert.Contains("the region's records are not encrypted: no key is needed to read them", output, StringComparison.Ordinal);
        (int plainCode, string plainOutput) = Inspect(ring);
        Assert.Equal(0, plainCode);
        Assert.Contains("encryption: none (records stored in plaintext)", plainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_changed_since_it_was_sealed_is_corrupt_and_not_exported()
    {
        string ring = WriteRing(Key);
        // Event 5 is alone in slot 5 (one slot per event, no padding between records of one
        // group of one); one ciphertext byte flipped and the slot's CRC fixed up, as someone with
        // the card but not the key could: only the tag can tell.
        byte[] image = File.ReadAllBytes(ring);
        int at = Checkpoint.SlotsOffset + (SlotIndexOf(image, TamperedEvent) * RecordSize);
        var header = new SlotHeader();
        header.Decode(image, at, RecordSize, BufferInspector.Open(new RamMedium(image)).Checkpoint.RegionId, int.MaxValue, true);
        Assert.Equal(SlotKind.Valid, header.Kind);
        image[header.ChunkOffset + 3] ^= 0x20; // ChunkOffset counts from the image's start
        Phytrace.Nano.Storage.LittleEndian.WriteUInt32(image, at + SlotFormat.OffsetCrc, SlotFormat.ComputeCrc(image, at, header.ChunkOffset - at + header.ChunkLength));
        File.WriteAllBytes(ring, image);
        string keyFile = KeyFile("key.raw", Key);
        string export = Path.Combine(folder, "events.ndjson");

        (int code, string output) = Inspect(ring, "--key-file", keyFile, "--export", export);

        Assert.Equal(1, code);
        Assert.Contains($"corrupt slots: 1 (indexes {SlotIndexOf(image, TamperedEvent)})", output, StringComparison.Ordinal);
        Assert.Contains("records failing their tag: 1", output, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, Events).Where(n => n != TamperedEvent).Select(EventJson).ToArray(), File.ReadAllLines(export));
        // Without the key the change cannot be seen: the headers are intact.
        Assert.Equal(0, Inspect(ring).Code);
    }

    /// <summary>The slot whose first-slot header carries event n's id (ids are stored in plaintext).</summary>
    private static int SlotIndexOf(byte[] image, int n)
    {
        var id = new byte[16];
        Assert.True(Phytrace.Nano.Formats.UuidText.TryParse(EventId(n), id, 0));
        for (int slot = 0; slot < Slots; slot++)
        {
            int at = Checkpoint.SlotsOffset + (slot * RecordSize) + SlotFormat.OffsetEventId;
            if (image.AsSpan(at, 16).SequenceEqual(id))
            {
                return slot;
            }
        }
        throw new InvalidOperationException($"event {n} not found");
    }
}
