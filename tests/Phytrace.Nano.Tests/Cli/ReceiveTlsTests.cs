using Phytrace.Nano.Cli;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Tests.Support;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Cli;

/// <summary>`phytrace-nano receive` against mosquitto's TLS listener: mqtts:// with the right CA (and a client certificate under mutual TLS) receives; a wrong CA is a clear error.</summary>
public sealed class ReceiveTlsTests : IDisposable
{
    private readonly TestCertificates pki = new();
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "phytrace-receive-tls-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        pki.Dispose();
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Mqtts_with_the_ca_and_a_client_certificate_receives_a_tls_nodes_events()
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        var console = new TestConsole();
        string url = $"mqtts://{broker.Host}:{broker.Port}";
        var receiving = Task.Run(() => CliApp.Run(
            ["receive", "--broker", url, "--ca-file", pki.CaFile, "--cert-file", pki.Client.CertificateFile, "--key-file", pki.Client.KeyFile,
             "--out", outDir, "--count", "5", "--seconds", "30"], console));
        await Task.Delay(1500);

        var config = TestNode.HostConfig("cli-tls-node", broker.Host, broker.Port);
        config.Mqtt.UseTls = true;
        config.Mqtt.CaCertificatePem = pki.CaPem;
        config.Mqtt.ClientCertificatePem = pki.Client.CertificatePem;
        config.Mqtt.ClientKeyPem = pki.Client.KeyPem;
        using (var node = new TestNode(config, new Phytrace.Nano.Storage.RamMedium(1024 * 1024), online: true))
        {
            node.Node.Start();
            for (int i = 0; i < 5; i++)
            {
                Assert.NotNull(node.EmitTelemetry(i));
            }
            Assert.Equal(0, await receiving.WaitAsync(TimeSpan.FromSeconds(40)));
        }

        Assert.Equal(5, File.ReadAllLines(Path.Combine(outDir, "cli-tls-node.ndjson")).Length);
        Assert.Contains($"receiving from mqtts://{broker.Host}:{broker.Port}", console.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_wrong_ca_is_a_clear_tls_error()
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker));
        var console = new TestConsole();
        console.Profile.Width = 400;

        int code = CliApp.Run(["receive", "--broker", $"mqtts://{broker.Host}:{broker.Port}", "--ca-file", pki.OtherCaFile, "--seconds", "1", "--out", outDir], console);

        Assert.Equal(3, code);
        string output = console.Output.Replace("\n", string.Empty, StringComparison.Ordinal);
        Assert.Contains($"TLS to broker {broker.Host}:{broker.Port} failed: the broker's certificate is not trusted by the configured CA", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ca-file", "needs a TLS broker URL")]
    [InlineData("--key-file", "needs a TLS broker URL")]
    public void Tls_files_with_a_plain_broker_url_are_refused(string option, string expected)
    {
        var console = new TestConsole();
        int code = CliApp.Run(["receive", "--broker", "mqtt://127.0.0.1:1883", option, "x.pem"], console);
        Assert.Equal(2, code);
        Assert.Contains(expected, console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ca_file_that_is_not_pem_is_named()
    {
        string notPem = Path.Combine(Path.GetTempPath(), "not-a-ca-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(notPem, "hello");
        try
        {
            var console = new TestConsole();
            console.Profile.Width = 400;
            int code = CliApp.Run(["receive", "--broker", "mqtts://127.0.0.1", "--ca-file", notPem], console);
            Assert.Equal(2, code);
            Assert.Contains(notPem + ": holds no PEM certificate", console.Output.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notPem);
        }
    }
}
