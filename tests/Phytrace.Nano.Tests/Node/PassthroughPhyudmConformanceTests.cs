using System.Text;
using System.Text.Json;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Events;
using Phytrace.Nano.Node;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Compression;
using Phytrace.Nano.Tests.Events;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Node;

/// <summary>
/// Every phyudm conformance fixture, as its file's raw bytes (with the final newline), trimmed, and
/// minified, goes through EmitJson, the ring, a gzip batch and an independent decode
/// (System.IO.Compression and System.Text.Json) and comes out byte-identical apart from the
/// whitespace around it, or is refused with an error naming the field the schema refuses it for.
/// The node checks the envelope (and that domains are objects); fixtures the schema refuses deeper
/// inside a domain are carried through, as any well-formed event is, for the receiver to judge.
/// </summary>
public class PassthroughPhyudmConformanceTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string folder in new[] { "valid", "invalid" })
        {
            foreach (string name in ((IEnumerable<object[]>)UdmSchemaTests.Fixtures(folder)).Select(row => (string)row[0]))
            {
                foreach (string variant in new[] { "raw", "trimmed", "minified" })
                {
                    data.Add(folder, name, variant);
                }
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Fixture_comes_out_identical_or_is_refused_naming_the_field(string folder, string name, string variant)
    {
        string path = SharedMaterial.PhyUdm.Require("conformance", folder, name);
        byte[] raw = File.ReadAllBytes(path);
        Assert.Equal((byte)'\n', raw[^1]);
        byte[] input = variant switch
        {
            "raw" => raw,
            "trimmed" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(raw).Trim()),
            _ => Minified(raw),
        };
        byte[] expected = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(input).Trim());

        using PhytraceNode node = OfflineNode.Create();
        string target = TargetField(path);
        bool schemaRefusesTopLevel = folder == "invalid" && !target.Contains('/', StringComparison.Ordinal);
        bool schemaRefusesNestedOnly = folder == "invalid" && target.Contains('/', StringComparison.Ordinal);
        bool nestedIsWrongType = schemaRefusesNestedOnly && IsTopLevelTypeError(path);
        if (schemaRefusesTopLevel || nestedIsWrongType)
        {
            var error = Assert.Throws<UdmScanException>(() => node.EmitJson(input, 0, input.Length));
            Assert.Equal(target.Split('/')[0], error.Field);
            Assert.Contains(" at byte ", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, node.Buffer.Count);
            Assert.Equal(1, node.GetStats().InvalidEvents);
            return;
        }

        Assert.True(node.EmitJson(input, 0, input.Length), "EmitJson refused: " + node.LastEmitFailure);
        var events = new BufferedEvents(4, 64 * 1024);
        Assert.Equal(1, node.Buffer.Dequeue(events, 4));
        Assert.Equal(expected, events.Payload.AsSpan(events.PayloadOffset(0), events.PayloadLength(0)).ToArray());

        var builder = new BatchBuilder(new BatchConfig(), new XorShiftRandom(3));
        Batch batch = builder.Build(events);
        using JsonDocument decoded = JsonDocument.Parse(GzipTestData.Gunzip(batch.Payload.AsSpan(batch.PayloadOffset, batch.PayloadLength).ToArray()));
        JsonElement only = Assert.Single(decoded.RootElement.GetProperty("batch").GetProperty("events").EnumerateArray());
        Assert.Equal(Encoding.UTF8.GetString(expected), only.GetRawText());
        using JsonDocument original = JsonDocument.Parse(raw);
        Assert.Equal(original.RootElement.GetProperty("event_id").GetString(), only.GetProperty("event_id").GetString());
        Assert.Equal(original.RootElement.GetProperty("event_id").GetString(), events.EventIdString(0));
    }

    /// <summary>The field a fixture's meta.yaml says it exercises ("captured_at", "location/latitude").</summary>
    private static string TargetField(string fixture)
    {
        string meta = Path.ChangeExtension(fixture, null) + ".meta.yaml";
        string line = File.ReadLines(meta).FirstOrDefault(l => l.StartsWith("target_field_path:", StringComparison.Ordinal)) ?? "target_field_path: ";
        return line["target_field_path:".Length..].Trim().Trim('"');
    }

    /// <summary>True if the fixture's top-level value for its target domain is not an object (which the node refuses).</summary>
    private static bool IsTopLevelTypeError(string fixture)
    {
        string domain = TargetField(fixture).Split('/')[0];
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(fixture));
        return doc.RootElement.TryGetProperty(domain, out JsonElement value) && value.ValueKind != JsonValueKind.Object;
    }

    private static byte[] Minified(byte[] json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false }))
        {
            doc.RootElement.WriteTo(writer);
        }
        return output.ToArray();
    }
}
