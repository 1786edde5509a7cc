using System.Text;
using System.Text.RegularExpressions;
using Phytrace.Nano.Host;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Security;

/// <summary>
/// A node whose BoardConfig has an encryption key writes its ring file (a real file) with no
/// plaintext byte sequence of any event: neither any JSON member ("battery_soc_pct":87.5, the
/// event id as text, ...) nor any 16-byte run of any event's JSON appears in the file. The same
/// node without a key shows them all, so the scan can fail. The events then come back intact,
/// from the file, with the key.
/// </summary>
public sealed partial class NoPlaintextAtRestTests : IDisposable
{
    private const int Events = 60;
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 37 + 11)).ToArray();

    private readonly string directory = Directory.CreateTempSubdirectory("phytrace-at-rest-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_ring_written_with_a_key_holds_no_plaintext_of_any_event()
    {
        (byte[] file, List<string> json) = WriteRing("sealed.ring", Key);

        Assert.Equal(Events, json.Count);
        List<string> fragments = Fragments(json);
        Assert.True(fragments.Count > Events * 4, $"only {fragments.Count} fragments");
        foreach (string fragment in fragments)
        {
            Assert.True(file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(fragment)) < 0, $"the sealed ring holds the plaintext {fragment}");
        }
        HashSet<UInt128> windows = Windows(file);
        foreach (string text in json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            for (int i = 0; i + 16 <= bytes.Length; i++)
            {
                Assert.False(windows.Contains(Window(bytes, i)), $"the sealed ring holds the 16 bytes '{text.Substring(i, 16)}' of an event");
            }
        }
    }

    [Fact]
    public void The_same_ring_without_a_key_shows_the_scan_finds_plaintext()
    {
        (byte[] file, List<string> json) = WriteRing("plain.ring", null);

        List<string> fragments = Fragments(json);
        int found = fragments.Count(f => file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(f)) >= 0);
        Assert.Equal(fragments.Count, found);
        HashSet<UInt128> windows = Windows(file);
        Assert.Contains(Window(Encoding.UTF8.GetBytes(json[0]), 0), windows);
    }

    [Fact]
    public void The_sealed_ring_reads_back_with_the_key()
    {
        (_, List<string> json) = WriteRing("readback.ring", Key);
        var options = new EdgeBufferOptions { MaxSizeMb = 1, RecordSize = 256, EncryptionKey = Key, Random = new Phytrace.Nano.Platform.XorShiftRandom(3) };

        using EdgeBuffer buffer = FileStreamMedium.OpenBuffer(Path.Combine(directory, "readback.ring"), options, SystemWallClock.Instance, reopenAtSyncPoints: false);
        var events = new BufferedEvents(Events, Events * 2048);
        Assert.Equal(Events, buffer.Dequeue(events, Events));

        for (int i = 0; i < Events; i++)
        {
            Assert.Equal(json[i], Encoding.UTF8.GetString(events.Payload, events.PayloadOffset(i), events.PayloadLength(i)));
        }
    }

    /// <summary>A node on a real ring file emits telemetry (offline, so every event stays in the file); returns the file's bytes and each event's JSON.</summary>
    private (byte[] File, List<string> Json) WriteRing(string name, byte[]? key)
    {
        string path = Path.Combine(directory, name);
        var config = TestNode.HostConfig("at-rest-node", "127.0.0.1", 1883);
        config.Storage.EncryptionKey = key;
        var json = new List<string>();
        using (var node = new TestNode(config, new FileStreamMedium(path, config.Storage.MaxSizeBytes, reopenAtSyncPoints: false), online: false))
        {
            for (int i = 0; i < Events; i++)
            {
                Assert.NotNull(node.EmitTelemetry(i));
                json.Add(node.LastEventJson());
            }
        }
        return (File.ReadAllBytes(path), json);
    }

    /// <summary>Every JSON member of every event, as text: "name":value (strings, numbers, booleans).</summary>
    private static List<string> Fragments(List<string> json) =>
        json.SelectMany(text => Member().Matches(text).Select(m => m.Value)).Where(f => f.Length >= 6).Distinct().ToList();

    private static HashSet<UInt128> Windows(byte[] file)
    {
        var set = new HashSet<UInt128>();
        for (int i = 0; i + 16 <= file.Length; i++)
        {
            set.Add(Window(file, i));
        }
        return set;
    }

    private static UInt128 Window(byte[] bytes, int at) =>
        new(BitConverter.ToUInt64(bytes, at), BitConverter.ToUInt64(bytes, at + 8));

    [GeneratedRegex("\"[a-z_]+\":(\"[^\"]*\"|-?[0-9][0-9.eE+-]*|true|false)")]
    private static partial Regex Member();
}
