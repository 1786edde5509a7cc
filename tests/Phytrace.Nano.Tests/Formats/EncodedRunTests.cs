using System.Text;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Tests.Formats;

/// <summary>
/// JsonWriter's kept runs of string members (EncodedRun): written again only while every value is
/// the same string object, with the comma the place needs, and refused whole when it does not fit.
/// </summary>
public class EncodedRunTests
{
    private static readonly JsonName A = new("a");
    private static readonly JsonName B = new("b");

    [Fact]
    public void A_kept_run_is_written_again_as_the_members_were()
    {
        var run = new EncodedRun();
        string x = "x\"1";
        string y = "é";
        Assert.Equal("{\"id\":1,\"a\":\"x\\\"1\",\"b\":\"é\"}", Document(run, x, y, out bool reused));
        Assert.False(reused);
        Assert.Equal("{\"id\":1,\"a\":\"x\\\"1\",\"b\":\"é\"}", Document(run, x, y, out reused));
        Assert.True(reused);
    }

    [Fact]
    public void A_run_first_in_its_object_has_no_comma()
    {
        var run = new EncodedRun();
        string x = "v";
        var writer = new JsonWriter();
        var buffer = new byte[64];
        for (int i = 0; i < 2; i++)
        {
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteStartObject();
            WriteMembers(writer, run, x, null);
            writer.WriteEndObject();
            Assert.Equal("{\"a\":\"v\"}", Encoding.UTF8.GetString(buffer, 0, writer.Length));
        }
    }

    [Fact]
    public void Another_object_with_the_same_text_is_written_afresh()
    {
        var run = new EncodedRun();
        var writer = new JsonWriter();
        var buffer = new byte[64];
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStartObject();
        WriteMembers(writer, run, "p", null);
        Assert.False(writer.TryWriteRun(run, new string('p', 1), null, null));
        Assert.True(writer.TryWriteRun(run, run.first, null, null));
    }

    [Fact]
    public void An_empty_run_is_never_written_again()
    {
        var run = new EncodedRun();
        var writer = new JsonWriter();
        var buffer = new byte[64];
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStartObject();
        writer.KeepRun(run, writer.RunStart, null, null, null);
        Assert.False(writer.TryWriteRun(run, null, null, null));
        writer.WriteEndObject();
        Assert.Equal("{}", Encoding.UTF8.GetString(buffer, 0, writer.Length));
    }

    [Fact]
    public void A_run_that_does_not_fit_is_refused_whole()
    {
        var run = new EncodedRun();
        string x = "0123456789";
        Document(run, x, x, out _);
        var writer = new JsonWriter();
        var buffer = new byte[20];
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStartObject();
        var error = Assert.Throws<JsonBufferTooSmallException>(() => writer.TryWriteRun(run, x, x, null));
        Assert.Equal(20, error.AvailableBytes);
        Assert.Equal(1 + ",\"a\":\"0123456789\",\"b\":\"0123456789\"".Length - 1, error.NeededBytes);
        Assert.Equal(1, writer.Length);
    }

    private static string Document(EncodedRun run, string x, string y, out bool reused)
    {
        var writer = new JsonWriter();
        var buffer = new byte[128];
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStartObject();
        writer.WriteNumber("id", 1L);
        reused = writer.TryWriteRun(run, x, y, null);
        if (!reused)
        {
            WriteMembers(writer, run, x, y);
        }
        writer.WriteEndObject();
        return Encoding.UTF8.GetString(buffer, 0, writer.Length);
    }

    // Writes the run again, or its members and keeps them.
    private static void WriteMembers(JsonWriter writer, EncodedRun run, string? x, string? y)
    {
        if (writer.TryWriteRun(run, x, y, null))
        {
            return;
        }
        int runStart = writer.RunStart;
        if (x != null)
        {
            writer.WriteString(A, x);
        }
        if (y != null)
        {
            writer.WriteString(B, y);
        }
        writer.KeepRun(run, runStart, x, y, null);
    }
}
