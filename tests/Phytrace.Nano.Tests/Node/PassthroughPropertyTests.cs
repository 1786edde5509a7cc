using System.Text;
using System.Text.Json;
using CsCheck;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Compression;
using Phytrace.Nano.Tests.Events;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Node;

/// <summary>
/// No input is accepted and then unsendable: random bytes, and valid events mutated at random
/// (bytes replaced by JSON's structural characters and by UTF-8 edge bytes, inserted, deleted,
/// slices repeated, cut short), are either refused by EmitJson with an offset inside the input, or
/// stored, batched, gzipped and decoded by System.Text.Json into the same bytes, with every string
/// readable and the event_id's key matching its text. PHYTRACE_LONG_TESTS=1 runs 20x more samples.
/// </summary>
public class PassthroughPropertyTests
{
    private static readonly long Iterations = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1" ? 60_000 : 3_000;

    private static readonly byte[] Interesting = Encoding.Latin1.GetBytes("{}[]\",:\\ \n\t0-.eE+tfnu9")
        .Concat(new byte[] { 0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF }).ToArray();

    private static readonly byte[][] Seeds = BuildSeeds();

    private static byte[][] BuildSeeds()
    {
        var seeds = new List<byte[]>
        {
            Encoding.UTF8.GetBytes(EventSamples.Encode(EventSamples.Full())),
            Encoding.UTF8.GetBytes(UdmEventScannerTests.Event()),
            Encoding.UTF8.GetBytes(UdmEventScannerTests.Event("\"id-\\u00e9\\uD83D\\uDE00 \\\"x\\\"\"", more: ",\"sequence_num\":1.0e2,\"extensions\":{\"a\":[true,false,null,-0.5e-3,\"\\u0000\"]}")),
            Encoding.UTF8.GetBytes("\n  " + UdmEventScannerTests.Event("\"caf\u00e9 \u20ac \U0001F600\"", more: ",\"power\":{\"battery\":{\"soc_pct\":78.4}}") + "\r\n"),
        };
        return seeds.ToArray();
    }

    /// <summary>Valid events of <paramref name="seeds"/> mutated at random.</summary>
    private static Gen<byte[]> MutationsOf(byte[][] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[1, 4], Gen.Int.Array[16], Gen.Byte.Array[8])
            .Select(t => Mutate(seeds[t.Item1], t.Item2, t.Item3, t.Item4));

    /// <summary>The first twelve phyudm valid fixtures as their files hold them (pretty-printed, ending in a newline).</summary>
    private static byte[][] PhyudmSeeds()
    {
        string valid = SharedMaterial.PhyUdm.Require("conformance", "valid");
        return Directory.GetFiles(valid, "*.json").Order(StringComparer.Ordinal).Take(12).Select(File.ReadAllBytes).ToArray();
    }

    private static readonly Gen<byte[]> RandomBytes = Gen.Frequency(
        (1, Gen.Byte.Array[0, 300]),
        (1, Gen.Int[0, Interesting.Length - 1].Select(i => Interesting[i]).Array[0, 120]));

    // One node per test thread (CsCheck samples in parallel), emptied before each sample.
    private static readonly ThreadLocal<PhytraceNode> Nodes = new(() => OfflineNode.Create());

    [Fact]
    public void Mutated_events_are_refused_or_survive_the_whole_path()
    {
        MutationsAreRefusedOrSurvive(Seeds);
    }

    [SkippableFact]
    public void Mutated_phyudm_fixtures_are_refused_or_survive_the_whole_path()
    {
        MutationsAreRefusedOrSurvive(PhyudmSeeds());
    }

    private static void MutationsAreRefusedOrSurvive(byte[][] seeds)
    {
        long accepted = 0;
        MutationsOf(seeds).Sample(bytes =>
        {
            if (AcceptedMeansSendable(bytes))
            {
                Interlocked.Increment(ref accepted);
            }
        }, iter: Iterations);
        // Mutations that keep an event valid (a digit for a digit, a space for a space) must be common
        // enough that the accepting side of the property is really exercised.
        Assert.InRange(accepted, Iterations / 50, Iterations - 1);
    }

    [Fact]
    public void Random_bytes_are_refused_or_survive_the_whole_path()
    {
        RandomBytes.Sample(bytes => { AcceptedMeansSendable(bytes); }, iter: Iterations);
    }

    [Fact]
    public void Unmutated_seeds_are_accepted()
    {
        foreach (byte[] seed in Seeds)
        {
            Assert.True(AcceptedMeansSendable(seed), Encoding.UTF8.GetString(seed));
        }
    }

    [SkippableFact]
    public void Unmutated_phyudm_seeds_are_accepted()
    {
        foreach (byte[] seed in PhyudmSeeds())
        {
            Assert.True(AcceptedMeansSendable(seed), Encoding.UTF8.GetString(seed));
        }
    }

    private static byte[] Mutate(byte[] seed, int operations, int[] r, byte[] values)
    {
        var bytes = new List<byte>(seed);
        for (int k = 0; k < operations; k++)
        {
            int at = bytes.Count == 0 ? 0 : (int)((uint)r[k * 3] % (uint)bytes.Count);
            byte value = (r[(k * 3) + 1] & 1) == 0 ? Interesting[(uint)r[(k * 3) + 1] % (uint)Interesting.Length] : values[k];
            switch ((uint)r[(k * 3) + 2] % 5)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3 when bytes.Count > 0:
                    int length = Math.Min(1 + (values[k] % 12), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }
        return bytes.ToArray();
    }

    /// <summary>True if accepted (and then proven sendable), false if refused properly; fails the test otherwise.</summary>
    private static bool AcceptedMeansSendable(byte[] input)
    {
        PhytraceNode node = Nodes.Value!;
        node.Buffer.Clear();
        var scanner = new UdmEventScanner();
        bool stored;
        try
        {
            stored = node.EmitJson(input, 0, input.Length);
        }
        catch (UdmScanException refusal)
        {
            Assert.InRange(refusal.Offset, 0, input.Length);
            Assert.EndsWith(" at byte " + refusal.Offset, refusal.Message, StringComparison.Ordinal);
            Assert.Equal(0, node.Buffer.Count);
            return false;
        }
        scanner.Scan(input, 0, input.Length);
        byte[] canonical = input.AsSpan(scanner.EventStart, scanner.EventLength).ToArray();

        var events = new BufferedEvents(2, 64 * 1024);
        if (stored)
        {
            Assert.Equal(1, node.Buffer.Dequeue(events, 2));
            Assert.Equal(canonical, events.Payload.AsSpan(events.PayloadOffset(0), events.PayloadLength(0)).ToArray());
        }
        else
        {
            // A mutated captured_at can fall outside max_age_hours: refused as Expired; still prove it batchable.
            Assert.Equal(EnqueueFailure.Expired, node.LastEmitFailure);
            Assert.True(events.TryAdd(canonical, 0, canonical.Length, scanner.EventId, 0, 0, scanner.CapturedAtMicros, true));
        }
        Batch batch = new BatchBuilder(new BatchConfig(), new XorShiftRandom(5)).Build(events);

        byte[] json = GzipTestData.Gunzip(batch.Payload.AsSpan(batch.PayloadOffset, batch.PayloadLength).ToArray());
        _ = new UTF8Encoding(false, true).GetString(json); // the whole batch is UTF-8
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement e = Assert.Single(doc.RootElement.GetProperty("batch").GetProperty("events").EnumerateArray());
        Assert.Equal(Encoding.UTF8.GetString(canonical), e.GetRawText());
        ReadEveryString(e);
        var key = new byte[16];
        EventIdKey.FromString(e.GetProperty("event_id").GetString()!, key, 0);
        Assert.Equal(scanner.EventId, key);
        return true;
    }

    private static void ReadEveryString(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    _ = p.Name;
                    ReadEveryString(p.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in e.EnumerateArray())
                {
                    ReadEveryString(item);
                }
                break;
            case JsonValueKind.String:
                _ = e.GetString();
                break;
        }
    }
}
