using System.Text;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Node;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Configuration;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Security;

/// <summary>
/// Configurations carrying sentinel secrets (Wi-Fi password, MQTT password, client key, encryption
/// key), valid and broken every way, and every text the library makes from them: BoardConfig.ToString,
/// validation problems, exceptions, the uplink's error reports, LastConnectError and the retained
/// status. None may hold a secret, in any form it could be printed in (text, hex, base64).
/// </summary>
public sealed class SecretsNeverPrintedTests : IDisposable
{
    private const string WifiSecret = "Wifi-S3ntinel-Pass";
    private const string MqttSecret = "Mqtt-S3ntinel-Pass";
    private static readonly byte[] KeySecret = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 ^ (i * 7))).ToArray();

    private readonly TestCertificates pki = new();

    public void Dispose() => pki.Dispose();

    [Fact]
    public void Board_config_to_string_names_every_section_and_shows_secrets_only_as_set()
    {
        BoardConfig config = WithSecrets();

        string text = config.ToString();

        AssertNoSecret(text, "BoardConfig.ToString()");
        Assert.Contains("wifi: ssid \"plant-floor\", password set", text, StringComparison.Ordinal);
        Assert.Contains("password set, keep-alive", text, StringComparison.Ordinal);
        Assert.Contains("client key set", text, StringComparison.Ordinal);
        Assert.Contains("encryption key set", text, StringComparison.Ordinal);
        Assert.Contains("mqtts://broker.local:8883, TLS 1.2", text, StringComparison.Ordinal);
        Assert.Contains("source_id \"robot-7\"", text, StringComparison.Ordinal);
        Assert.Contains("sd: SPI bus 1, MOSI GPIO 23", text, StringComparison.Ordinal);
        Assert.Equal(10, text.Split('\n').Length);
    }

    [Fact]
    public void Without_secrets_the_text_says_none()
    {
        BoardConfig config = ValidBoardConfig.Create();
        config.Wifi.Password = string.Empty;

        string text = config.ToString();

        Assert.Contains("password none", text, StringComparison.Ordinal);
        Assert.Contains("encryption key none", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Breakages => new()
    {
        "wifi password too short", "mqtt password without user", "client key not pem", "client key without certificate",
        "encryption key 16 bytes", "encryption key all zeros", "everything at once",
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Validation_problems_and_the_node_creation_error_hold_no_secret(string breakage)
    {
        BoardConfig config = WithSecrets();
        Break(config, breakage);

        ConfigProblems problems = config.Validate();
        var e = Assert.Throws<ArgumentException>(() => PhytraceNode.Create(config, LoopbackPlatform()));

        Assert.False(problems.IsValid, breakage);
        AssertNoSecret(problems.ToString(), "Validate(): " + breakage);
        AssertNoSecret(e.ToString(), "PhytraceNode.Create: " + breakage);
        AssertNoSecret(config.ToString(), "ToString: " + breakage);
    }

    [Fact]
    public void A_bad_client_key_is_named_without_its_text()
    {
        string brokenKey = pki.Client.KeyPem.Replace("PRIVATE KEY-----\n", "PRIVATE KEY-----\n" + MqttSecret, StringComparison.Ordinal);

        var wrong = Assert.Throws<ArgumentException>(() => MqttTlsSettings.FromPem(pki.CaPem, pki.Client.CertificatePem, brokenKey));
        var mismatched = Assert.Throws<ArgumentException>(() => MqttTlsSettings.FromPem(pki.CaPem, pki.Client.CertificatePem, pki.UntrustedClient.KeyPem));

        Assert.Contains("mqtt.client_key_pem", wrong.Message, StringComparison.Ordinal);
        AssertNoSecret(wrong.ToString(), "bad key");
        AssertNoText(wrong.ToString(), KeyBody(pki.Client.KeyPem), "bad key");
        AssertNoText(mismatched.ToString(), KeyBody(pki.UntrustedClient.KeyPem), "mismatched key");
    }

    [Fact]
    public void Refused_credentials_reach_the_error_report_and_status_without_the_password()
    {
        using var broker = new EmbeddedBroker(0, "node", "the-right-one");
        broker.Start();
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "secrets-receiver");
        BoardConfig config = TestNode.HostConfig("secrets-node", broker.Host, broker.Port);
        config.Wifi.Password = WifiSecret;
        config.Mqtt.UserName = "node";
        config.Mqtt.Password = MqttSecret;
        using var node = new TestNode(config, new RamMedium(1024 * 1024), online: true);
        var reports = new List<string>();
        node.Node.Uplink.ErrorReported += (error, message) => { lock (reports) { reports.Add(ErrorTypeNames.Of(error) + ": " + message); } };

        node.Node.Start();
        node.EmitTelemetry(1);
        Assert.True(SpinWait.SpinUntil(() => { lock (reports) { return reports.Count > 0; } }, TimeSpan.FromSeconds(20)), "no error reported");

        lock (reports)
        {
            Assert.StartsWith("auth_failure", reports[0], StringComparison.Ordinal);
            reports.ForEach(r => AssertNoSecret(r, "ErrorReported"));
        }
        AssertNoSecret(node.Session.LastConnectError, "LastConnectError");
        AssertNoSecret(config.ToString(), "ToString");
    }

    [SkippableFact]
    public void A_tls_node_with_a_client_key_reports_status_without_it()
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "secrets-tls-receiver", tls: MqttTlsSettings.FromPemFiles(pki.CaFile, pki.Client.CertificateFile, pki.Client.KeyFile));
        receiver.Start(TimeSpan.FromSeconds(10));
        BoardConfig config = TestNode.HostConfig("secrets-tls-node", broker.Host, broker.Port);
        config.Wifi.Password = WifiSecret;
        config.Mqtt.UseTls = true;
        config.Mqtt.CaCertificatePem = pki.CaPem;
        config.Mqtt.ClientCertificatePem = pki.Client.CertificatePem;
        config.Mqtt.ClientKeyPem = pki.Client.KeyPem;
        using var node = new TestNode(config, new RamMedium(1024 * 1024), online: true, connectTimeout: TimeSpan.FromSeconds(15));

        node.Node.Start();
        Assert.NotNull(node.EmitTelemetry(1));
        Assert.True(receiver.WaitForEvents(1, TimeSpan.FromSeconds(30)), "event not delivered");
        Assert.True(SpinWait.SpinUntil(() => receiver.StatusOf("secrets-tls-node") != null, TimeSpan.FromSeconds(10)), "no status");

        string status = receiver.StatusOf("secrets-tls-node")!;
        AssertNoSecret(status, "status");
        AssertNoText(status, KeyBody(pki.Client.KeyPem), "status");
        AssertNoText(config.ToString(), KeyBody(pki.Client.KeyPem), "ToString");
    }

    private BoardConfig WithSecrets()
    {
        BoardConfig config = ValidBoardConfig.Create();
        config.Wifi.Password = WifiSecret;
        config.Mqtt.Port = 8883;
        config.Mqtt.UseTls = true;
        config.Mqtt.CaCertificatePem = pki.CaPem;
        config.Mqtt.ClientCertificatePem = pki.Client.CertificatePem;
        config.Mqtt.ClientKeyPem = pki.Client.KeyPem;
        config.Mqtt.UserName = "robot-7";
        config.Mqtt.Password = MqttSecret;
        config.Storage.EncryptionKey = (byte[])KeySecret.Clone();
        return config;
    }

    private void Break(BoardConfig config, string breakage)
    {
        bool all = breakage == "everything at once";
        if (all || breakage == "wifi password too short")
        {
            config.Wifi.Password = WifiSecret[..7];
        }
        if (all || breakage == "mqtt password without user")
        {
            config.Mqtt.UserName = string.Empty;
        }
        if (all || breakage == "client key not pem")
        {
            config.Mqtt.ClientKeyPem = MqttSecret + "-not-a-key";
        }
        if (breakage == "client key without certificate")
        {
            config.Mqtt.ClientCertificatePem = string.Empty;
        }
        if (all || breakage == "encryption key 16 bytes")
        {
            config.Storage.EncryptionKey = KeySecret[..16];
        }
        if (breakage == "encryption key all zeros")
        {
            config.Storage.EncryptionKey = new byte[32];
        }
        if (all)
        {
            config.Identity.SourceId = string.Empty;
            config.Mqtt.Port = 0;
        }
    }

    private static NodePlatform LoopbackPlatform() => new()
    {
        Medium = new RamMedium(1024 * 1024),
        Session = new Phytrace.Nano.DeviceTests.LoopbackSession(),
        Connectivity = new SimulatedConnectivity(false),
        Tick = new Phytrace.Nano.Platform.ManualTickClock(),
        Wall = new Phytrace.Nano.Platform.ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), true),
        Random = new Phytrace.Nano.Platform.XorShiftRandom(1),
    };

    /// <summary>The base64 lines between a PEM key's BEGIN and END lines.</summary>
    private static string[] KeyBody(string pem) =>
        pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)).ToArray();

    private static void AssertNoSecret(string text, string where)
    {
        AssertNoText(text, [WifiSecret, WifiSecret[..7], MqttSecret, Convert.ToHexString(KeySecret), Convert.ToHexString(KeySecret).ToLowerInvariant(),
            Convert.ToBase64String(KeySecret), Convert.ToHexString(KeySecret, 0, 8), Convert.ToHexString(KeySecret, 0, 8).ToLowerInvariant(),
            Encoding.Latin1.GetString(KeySecret, 0, 8), string.Join(", ", KeySecret.Take(4)), string.Join(",", KeySecret.Take(4))], where);
    }

    private static void AssertNoText(string text, string[] secrets, string where)
    {
        foreach (string secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows a secret ({secret[..Math.Min(4, secret.Length)]}...): {text}");
        }
    }
}
