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
