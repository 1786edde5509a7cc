using System.Text;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Tests.Formats;

/// <summary>
/// The JSON writer's one-step forms (an object opened with its first member, a UUID member whose
/// leading bytes are kept from the last id) against the step-by-step forms they stand for.
/// </summary>
public class JsonWriterShortcutTests
{
    private static readonly JsonName Outer = new("power");
    private static readonly JsonName Inner = new("battery");
    private static readonly JsonName Id = new("event_id");
    private static readonly JsonName OtherId = new("parent_id");

    [Fact]
    public void An_object_opened_with_its_first_member_is_the_two_opens()
    {
        string oneStep = Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(Outer, Inner);
            w.WriteNumber(new JsonName("x"), 1.5);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject(Outer, Inner);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        string twoSteps = Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("power");
            w.WriteStartObject("battery");
            w.WriteNumber("x", 1.5);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("power");
            w.WriteStartObject("battery");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        Assert.Equal("{\"power\":{\"battery\":{\"x\":1.5}},\"power\":{\"battery\":{}}}", oneStep);
        Assert.Equal(twoSteps, oneStep);
    }

    [Fact]
    public void Uuid_members_match_the_canonical_text_whether_their_lead_is_kept_or_not()
    {
        // Ids whose first four bytes repeat (kept lead), change, and come back; two names in turn;
        // first and later members of an object.
        var ids = new byte[6][];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = new byte[16];
            for (int k = 0; k < 16; k++)
            {
                ids[i][k] = (byte)((i * 37) + (k * 11));
            }
        }
        ids[1][0] = ids[0][0];
        ids[1][1] = ids[0][1];
        ids[1][2] = ids[0][2];
        ids[1][3] = ids[0][3];
        ids[4] = (byte[])ids[0].Clone();
        ids[4][15] ^= 0xFF;
        var writer = new JsonWriter();
        var buffer = new byte[4096];
        var expected = new StringBuilder();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStartObject();
        expected.Append('{');
        for (int round = 0; round < 3; round++)
        {
            foreach (byte[] id in ids)
            {
                JsonName name = round == 1 ? OtherId : Id;
                if (expected.Length > 1)
                {
                    expected.Append(',');
                }
                writer.WriteUuid(name, id, 0);
                expected.Append('"').Append(name.Text).Append("\":\"").Append(UuidText.ToString(id, 0)).Append('"');
            }
        }
        writer.WriteStartObject(Outer);
        writer.WriteUuid(Id, ids[2], 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
        expected.Append(",\"power\":{\"event_id\":\"").Append(UuidText.ToString(ids[2], 0)).Append("\"}}");
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(buffer, 0, writer.Length));
    }

    [Fact]
    public void One_step_forms_that_do_not_fit_throw_without_writing_past_the_end()
    {
        var id = new byte[16];
        id[0] = 1;
        var writer = new JsonWriter();
        var full = new byte[256];
        writer.Reset(full, 0, full.Length);
        Write(writer);
        int needed = writer.Length;
        for (int size = 0; size < needed; size++)
        {
            var buffer = new byte[size + 8];
            writer.Reset(buffer, 0, size);
            Assert.Throws<JsonBufferTooSmallException>(() => Write(writer));
            Assert.All(buffer[size..], b => Assert.Equal(0, b));
        }

        void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteUuid(Id, id, 0);
            w.WriteStartObject(Outer, Inner);
            w.WriteUuid(OtherId, id, 0);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    private static string Write(Action<JsonWriter> write)
    {
        var buffer = new byte[512];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        write(writer);
        Assert.Equal(0, writer.Depth);
        return Encoding.UTF8.GetString(buffer, 0, writer.Length);
    }
}
