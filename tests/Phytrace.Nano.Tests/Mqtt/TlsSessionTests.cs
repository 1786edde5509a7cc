using System.Security.Authentication;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>
/// The host session over TLS against mosquitto with a TLS listener, with certificates made in the
/// test: the right CA connects; a wrong CA, an expired or another host's broker certificate, and
/// a missing client certificate under mutual TLS are refused as TlsHandshakeFailed with the reason.
/// </summary>
public sealed class TlsSessionTests : IDisposable
{
    private readonly TestCertificates pki = new();

    public static TheoryData<string> Versions => new() { "1.2", "1.3" };

    public void Dispose() => pki.Dispose();

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void The_right_ca_connects(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker));
        using var session = Session(broker, MqttTlsSettings.FromPem(pki.CaPem, null, null, version));

        Assert.Equal(MqttReasonCode.Success, session.Connect(Options()));
        Assert.True(session.IsConnected);
        Assert.Equal(string.Empty, session.LastConnectError);
    }

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void Another_ca_is_refused_naming_the_issuer(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker));
        using var session = Session(broker, MqttTlsSettings.FromPem(pki.OtherCaPem, null, null, version));

        Assert.Equal(MqttReasonCode.TlsHandshakeFailed, session.Connect(Options()));
        Assert.Contains("not trusted by the configured CA", session.LastConnectError, StringComparison.Ordinal);
        Assert.Contains("Phytrace Test CA", session.LastConnectError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void An_expired_broker_certificate_is_refused_saying_so(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.ExpiredBroker));
        using var session = Session(broker, MqttTlsSettings.FromPem(pki.CaPem, null, null, version));

        Assert.Equal(MqttReasonCode.TlsHandshakeFailed, session.Connect(Options()));
        Assert.Contains("expired on", session.LastConnectError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void A_certificate_for_another_host_is_refused_naming_both(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.OtherHostBroker));
        using var session = Session(broker, MqttTlsSettings.FromPem(pki.CaPem, null, null, version));

        Assert.Equal(MqttReasonCode.TlsHandshakeFailed, session.Connect(Options()));
        Assert.Contains("broker.example.org", session.LastConnectError, StringComparison.Ordinal);
        Assert.Contains("'127.0.0.1'", session.LastConnectError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void Mutual_tls_connects_with_the_client_certificate(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        using var session = Session(broker, MqttTlsSettings.FromPem(pki.CaPem, pki.Client.CertificatePem, pki.Client.KeyPem, version));

        Assert.Equal(MqttReasonCode.Success, session.Connect(Options()));
    }

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void Mutual_tls_without_a_client_certificate_is_refused(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        using var session = Session(broker, MqttTlsSettings.FromPem(pki.CaPem, null, null, version));

        Assert.Equal(MqttReasonCode.TlsHandshakeFailed, session.Connect(Options()));
        Assert.Contains("client certificate", session.LastConnectError, StringComparison.Ordinal);
        Assert.False(session.IsConnected);
    }

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public void Mutual_tls_with_a_client_certificate_of_another_ca_is_refused(string version)
    {
        using MosquittoBroker broker = Brokers.StartTls(pki.Listener(pki.Broker, requireClientCertificate: true));
        using var session = Session(broker, MqttTlsSettings.FromPem(pki.CaPem, pki.UntrustedClient.CertificatePem, pki.UntrustedClient.KeyPem, version));

        Assert.Equal(MqttReasonCode.TlsHandshakeFailed, session.Connect(Options()));
    }

    private static MqttConnectOptions Options() => new() { ClientId = "tls-node", KeepAliveSeconds = 10 };

    private static MqttNetSession Session(MosquittoBroker broker, MqttTlsSettings tls) =>
        new(broker.Host, broker.Port, TimeSpan.FromSeconds(15), tls);
}
