using System.IO.Compression;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Phytrace.Nano.Cli;
using Phytrace.Nano.Host.Mqtt;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Cli;

public class ReceiveCommandTests
{
    private static byte[] GzipBatch(string batchId, params (string Id, string Source, int Seq)[] events)
    {
        string json = "{\"batch\":{\"batch_id\":\"" + batchId + "\",\"batch_size\":" + events.Length
            + ",\"compression\":\"gzip\",\"events\":["
            + string.Join(",", events.Select(e => $"{{\"udm_version\":\"0.0.3\",\"event_id\":\"{e.Id}\",\"event_type\":\"telemetry_periodic\",\"source_id\":\"{e.Source}\",\"source_type\":\"custom\",\"captured_at\":\"2026-11-27T15:00:00.000000Z\",\"sequence_num\":{e.Seq}}}"))
            + "]}}";
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(json));
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task Receive_deduplicates_by_event_id_and_writes_ndjson_per_source()
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        string outDir = Path.Combine(Path.GetTempPath(), "phytrace-receive-" + Guid.NewGuid().ToString("N"));
        var console = new TestConsole();
        string url = $"mqtt://{broker.Host}:{broker.Port}";

        var receiving = Task.Run(() => CliApp.Run(new[] { "receive", "--broker", url, "--out", outDir, "--count", "3", "--seconds", "20" }, console));
        await Task.Delay(1500);

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("pub").Build());
        Task Publish(string topic, byte[] payload) => publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        // The second batch repeats event a2, as after a lost PUBACK.
        await Publish("phytrace/v1/node-a/events", GzipBatch("b1", ("00000000-0000-7000-8000-0000000000a1", "node-a", 1), ("00000000-0000-7000-8000-0000000000a2", "node-a", 2)));
        await Publish("phytrace/v1/node-a/events", GzipBatch("b2", ("00000000-0000-7000-8000-0000000000a2", "node-a", 2)));
        await Publish("phytrace/v1/node-b/events", GzipBatch("b3", ("00000000-0000-7000-8000-0000000000b1", "node-b", 1)));

        int code = await receiving.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, code);
        string[] a = File.ReadAllLines(Path.Combine(outDir, "node-a.ndjson"));
        string[] b = File.ReadAllLines(Path.Combine(outDir, "node-b.ndjson"));
        Assert.Equal(2, a.Length);
        Assert.Contains("0000000000a1", a[0], StringComparison.Ordinal);
        Assert.Contains("0000000000a2", a[1], StringComparison.Ordinal);
        Assert.Single(b);
        Assert.Contains("3 unique events from 2 sources in 3 batches, 1 duplicates dropped", console.Output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_flushes_each_batch_and_writes_no_repeated_status_into_a_redirected_log()
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        string outDir = Path.Combine(Path.GetTempPath(), "phytrace-receive-" + Guid.NewGuid().ToString("N"));
        var console = new TestConsole(); // not interactive, as when output goes to a file
        console.Profile.Width = 400;
        string url = $"mqtt://{broker.Host}:{broker.Port}";
        var receiving = Task.Run(() => CliApp.Run(new[] { "receive", "--broker", url, "--out", outDir, "--seconds", "6" }, console));
        await Task.Delay(1500);

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("pub-flush").Build());
        await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("phytrace/v1/node-f/events")
            .WithPayload(GzipBatch("f1", ("00000000-0000-7000-8000-0000000000f1", "node-f", 1), ("00000000-0000-7000-8000-0000000000f2", "node-f", 2)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("phytrace/v1/node-f/quarantine/7")
            .WithPayload(Encoding.UTF8.GetBytes("{\"broken\":tru}\n"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await Task.Delay(1500);

        // While receive still runs, the file holds both events as whole lines.
        Assert.False(receiving.IsCompleted);
        string path = Path.Combine(outDir, "node-f.ndjson");
        string text;
        using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
        {
            text = await reader.ReadToEndAsync();
        }
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("{\"broken\":tru}\n", File.ReadAllText(Path.Combine(outDir, "quarantine", "node-f-7.bin")));

        Assert.Equal(0, await receiving.WaitAsync(TimeSpan.FromSeconds(30)));
        string[] lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.Contains(" events (", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("quarantined: node-f record 7", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("done: 2 unique events", StringComparison.Ordinal));
        Assert.True(lines.Length <= 4, "more lines than receiving, one quarantine notice and the summary:\n" + console.Output);
    }

    [Fact]
    public async Task On_a_terminal_the_status_is_one_line_updated_in_place()
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        var console = new TestConsole().Interactive().EmitAnsiSequences();
        console.Profile.Width = 400;
        string outDir = Path.Combine(Path.GetTempPath(), "phytrace-receive-" + Guid.NewGuid().ToString("N"));
        var receiving = Task.Run(() => CliApp.Run(new[] { "receive", "--broker", $"mqtt://{broker.Host}:{broker.Port}", "--out", outDir, "--seconds", "6" }, console));
        await Task.Delay(1500);

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("pub-terminal").Build());
        await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("phytrace/v1/node-t/events")
            .WithPayload(GzipBatch("t1", ("00000000-0000-7000-8000-0000000000c1", "node-t", 1), ("00000000-0000-7000-8000-0000000000c2", "node-t", 2)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(0, await receiving.WaitAsync(TimeSpan.FromSeconds(30)));
        string output = console.Output;
        // The status was shown and counted the batch: several refreshes of it, each drawn over the last.
        int refreshes = CountOf(output, " events (");
        Assert.True(refreshes >= 2, "expected the status to be refreshed at least twice:\n" + output);
        Assert.Contains("2 events (", output, StringComparison.Ordinal);
        Assert.Contains("1 batches, 0 duplicates dropped, 1 sources", output, StringComparison.Ordinal);
        // In place: replayed on a terminal, the status leaves no line behind (each refresh was drawn
        // over the last and the status erased before the summary); printed line by line, every
        // refresh would still be on the screen.
        List<string> screen = TerminalReplay.Screen(output);
        Assert.DoesNotContain(screen, l => l.Contains(" events (", StringComparison.Ordinal));
        Assert.Single(screen, l => l.StartsWith("done: 2 unique events", StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public void A_broker_that_does_not_answer_is_a_clear_error()
    {
        var console = new TestConsole();
        int code = CliApp.Run(new[] { "receive", "--broker", $"mqtt://127.0.0.1:{FreePort.Find()}", "--seconds", "1" }, console);
        Assert.Equal(3, code);
        Assert.Contains("did not answer within 5 s", console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://broker")]
    [InlineData("")]
    public void A_bad_broker_url_is_a_clear_error(string url)
    {
        var console = new TestConsole();
        int code = CliApp.Run(new[] { "receive", "--broker", url }, console);
        Assert.Equal(2, code);
        Assert.Contains("expected mqtt://", console.Output, StringComparison.Ordinal);
    }
}
