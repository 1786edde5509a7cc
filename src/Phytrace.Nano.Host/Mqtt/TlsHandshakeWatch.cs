using System.Security.Authentication;
using MQTTnet;

namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// TLS for one MQTTnet client's connects: applies <see cref="MqttTlsSettings"/> to the options,
/// checks the broker's certificate during the handshake, and afterwards tells a TLS refusal apart
/// from a network failure (<see cref="Explain"/>), with the reason in words. Shared by the node's
/// session and the receiver so both report the same failure the same way.
/// </summary>
internal sealed class TlsHandshakeWatch
{
    private readonly MqttTlsSettings tls;
    private readonly string host;
    private volatile string? certificateProblem;
    private volatile bool certificateAccepted;

    public TlsHandshakeWatch(MqttTlsSettings tls, string host)
    {
        this.tls = tls;
        this.host = host;
    }

    /// <summary>Adds TLS to <paramref name="builder"/> and forgets the previous attempt.</summary>
    public void Apply(MqttClientOptionsBuilder builder)
    {
        certificateProblem = null;
        certificateAccepted = false;
        builder.WithTlsOptions(o =>
        {
            o.UseTls()
                .WithTargetHost(host)
                .WithSslProtocols(tls.Protocols)
                .WithCertificateValidationHandler(CheckBrokerCertificate);
            if (tls.ClientCertificate != null)
            {
                o.WithClientCertificates(new[] { tls.ClientCertificate });
            }
        });
    }

    /// <summary>Why the connect that threw <paramref name="e"/> failed in TLS, or null when it is not a TLS failure.</summary>
    public string? Explain(Exception e)
    {
        if (certificateProblem != null)
        {
            return certificateProblem;
        }
        for (Exception? inner = e; inner != null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                // The broker ended the handshake: with TLS 1.2 it refuses a missing or unknown
                // client certificate this way.
                return "the broker refused the TLS handshake (" + Innermost(inner).Message + ")" + ClientCertificateHint();
            }
        }
        bool brokerAnswered = e is MQTTnet.Adapter.MqttConnectingFailedException && e.InnerException == null;
        if (certificateAccepted && !brokerAnswered && e is not OperationCanceledException)
        {
            // TLS 1.3 checks the client's certificate after the client has finished its side of the
            // handshake: a broker that refuses it closes the connection before answering CONNECT.
            return "the broker closed the connection right after the TLS handshake, before answering CONNECT" + ClientCertificateHint();
        }
        return null;
    }

    /// <summary>The innermost cause of <paramref name="e"/>.</summary>
    public static Exception Innermost(Exception e)
    {
        while (e.InnerException != null)
        {
            e = e.InnerException;
        }
        return e;
    }

    private bool CheckBrokerCertificate(MqttClientCertificateValidationEventArgs e)
    {
        string? problem = tls.Check(e.Certificate, e.Chain, e.SslPolicyErrors, host);
        certificateProblem = problem;
        certificateAccepted = problem == null;
        return problem == null;
    }

    private string ClientCertificateHint() => tls.ClientCertificate == null
        ? "; it may require a client certificate (mutual TLS)"
        : "; it may not accept this client's certificate (mutual TLS)";
}
