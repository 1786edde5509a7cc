using Phytrace.Nano.Configuration;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>
/// A node configured for TLS in its BoardConfig (as on the device) against mosquitto's TLS
/// listener: with the right CA its events arrive at a TLS receiver; with a wrong CA, an expired
/// or another host's broker certificate the uplink reports one tls_failure that says why, does not count it as a network error, and waits the
/// retry policy's longest delay between attempts instead of retrying at once. Driven step by step
/// on a manual clock, so the waits are exact.
/// </summary>
public sealed class TlsNodeTests : IDisposable
{
    // A handshake on a loaded 2-core machine can take seconds; a time-out would be (rightly) a network error.
    private static readonly TimeSpan HandshakePatience = TimeSpan.FromSeconds(15);

    private readonly TestCertificates pki = new();

    public void Dispose() => pki.Dispose();

    [SkippableTheory]
    [InlineData("1.2")]
    [InlineData("1.3")]
    public void With_the_right_ca_every_event_is_delivered_over_tls(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "tls-receiver-" + version, tls: MqttTlsSettings.FromPemFiles(pki.CaFile, pki.Client.CertificateFile, pki.Client.KeyFile));
        receiver.Start(TimeSpan.FromSeconds(5));
        using var node = new TestNode(TlsConfig("tls-node", broker, version, pki.CaPem, withClientCertificate: true), new RamMedium(1024 * 1024), online: true);
        node.Node.Start();

        var ids = Enumerable.Range(0, 60).Select(i => node.EmitTelemetry(i) ?? throw new InvalidOperationException("refused " + i)).ToList();

        Assert.True(receiver.WaitForEvents(ids.Count, TimeSpan.FromSeconds(30)), $"received {receiver.UniqueEvents} of {ids.Count}");
        Assert.Equal(ids, receiver.EventsOf("tls-node").Select(e => e.EventId).ToList());
        Assert.Equal(ErrorType.None, node.Node.Uplink.LastError);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "wrong CA", "the broker's certificate is not trusted by the configured CA" },
        { "expired", "expired on" },
        { "another host", "broker.example.org" },
    };

    [SkippableTheory]
    [MemberData(nameof(Refusals))]
    public void A_refused_broker_certificate_is_reported_once_as_tls_failure_and_retried_only_at_the_longest_delay(string refusal, string reason)
    {
        PemPair server = refusal switch { "expired" => pki.ExpiredBroker, "another host" => pki.OtherHostBroker, _ => pki.Broker };
        string ca = refusal == "wrong CA" ? pki.OtherCaPem : pki.CaPem;
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(server));
        var clock = new ManualTickClock();
        BoardConfig config = TlsConfig("tls-refused", broker, "1.2", ca, withClientCertificate: false);
        using var node = new TestNode(config, new RamMedium(1024 * 1024), online: true, clock, HandshakePatience);
        var reports = new List<(ErrorType Error, string Message)>();
        node.Node.Uplink.ErrorReported += (error, message) => reports.Add((error, message));
        node.EmitTelemetry(0);

        var waitsAfterAttempts = new List<int>();
        var counters = new UplinkCounters();
        long attemptsBefore = 0;
        // Two simulated minutes of the uplink loop.
        while (clock.NowMs < 120_000)
        {
            int wait = node.Node.Uplink.Step();
            node.Node.Uplink.GetCounters(counters);
            if (counters.ConnectFailures > attemptsBefore)
            {
                waitsAfterAttempts.Add(wait);
                attemptsBefore = counters.ConnectFailures;
            }
            clock.Advance(Math.Max(wait, 1));
        }

        var report = Assert.Single(reports);
        Assert.Equal(ErrorType.TlsFailure, report.Error);
        Assert.StartsWith("TLS handshake with the broker failed: ", report.Message, StringComparison.Ordinal);
        Assert.Contains(reason, report.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorType.TlsFailure, node.Node.Uplink.LastError);
        Assert.Equal(0, counters.Connects);
        // Not retryable: never the quick initial delay, always the policy's longest one (or the breaker's wait).
        Assert.NotEmpty(waitsAfterAttempts);
        Assert.All(waitsAfterAttempts, w => Assert.True(w >= config.Retry.MaxDelayMs, $"retried after {w} ms"));
        Assert.InRange(counters.ConnectFailures, 2, 120_000 / config.Retry.MaxDelayMs + 1);
        Assert.Equal(1, node.Node.Buffer.Count);
    }

    [SkippableFact]
    public void Mutual_tls_without_a_client_certificate_is_reported_as_tls_failure()
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        var clock = new ManualTickClock();
        using var node = new TestNode(TlsConfig("tls-no-client-cert", broker, "1.3", pki.CaPem, withClientCertificate: false), new RamMedium(1024 * 1024), online: true, clock, HandshakePatience);
        var reports = new List<(ErrorType Error, string Message)>();
        node.Node.Uplink.ErrorReported += (error, message) => reports.Add((error, message));

        node.Node.Uplink.Step();

        var report = Assert.Single(reports);
        Assert.Equal(ErrorType.TlsFailure, report.Error);
        Assert.Contains("client certificate", report.Message, StringComparison.Ordinal);
    }

    private BoardConfig TlsConfig(string sourceId, MosquittoBroker broker, string version, string caPem, bool withClientCertificate)
    {
        BoardConfig config = TestNode.HostConfig(sourceId, broker.Host, broker.Port);
        config.Mqtt.UseTls = true;
        config.Mqtt.TlsVersion = version;
        config.Mqtt.CaCertificatePem = caPem;
        if (withClientCertificate)
        {
            config.Mqtt.ClientCertificatePem = pki.Client.CertificatePem;
            config.Mqtt.ClientKeyPem = pki.Client.KeyPem;
        }
        return config;
    }
}
