using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// TLS to the broker for the host adapters (session, receiver, CLI, simulator): the CA the
/// broker's certificate must chain to (or the operating system's trust store when none is
/// given) and, for mutual TLS, the client's certificate with its private key. The broker's
/// host name is always checked against its certificate. Certificates are parsed once, here,
/// so a bad file is reported when the tool starts, not at every connect.
/// </summary>
public sealed class MqttTlsSettings
{
    private MqttTlsSettings(X509Certificate2Collection? trustedCas, X509Certificate2? clientCertificate)
    {
        TrustedCas = trustedCas;
        ClientCertificate = clientCertificate;
    }

    /// <summary>The CA certificates the broker's chain must end at; null for the system trust store.</summary>
    public X509Certificate2Collection? TrustedCas { get; }

    /// <summary>The client certificate (with private key) for mutual TLS, or null.</summary>
    public X509Certificate2? ClientCertificate { get; }

    /// <summary>The TLS versions offered: 1.2 and 1.3 unless a BoardConfig names one (as the device does).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// From PEM files: <paramref name="caFile"/> (one or more CA certificates; null for the
    /// system trust store), and optionally a client certificate and its key (both or neither).
    /// Throws ArgumentException naming the file and what is wrong with it.
    /// </summary>
    public static MqttTlsSettings FromPemFiles(string? caFile, string? clientCertificateFile, string? clientKeyFile)
    {
        string? caPem = caFile == null ? null : ReadFile("CA", caFile);
        string? certPem = clientCertificateFile == null ? null : ReadFile("client certificate", clientCertificateFile);
        string? keyPem = clientKeyFile == null ? null : ReadFile("client key", clientKeyFile);
        return Parse(caPem, caFile, certPem, clientCertificateFile, keyPem, clientKeyFile);
    }

    /// <summary>
    /// From a BoardConfig's PEM text (mqtt.ca_certificate_pem, client_certificate_pem,
    /// client_key_pem; empty means none) and its mqtt.tls_version ("1.2" or "1.3": only that
    /// version is offered, as on the device).
    /// </summary>
    public static MqttTlsSettings FromPem(string? caPem, string? clientCertificatePem, string? clientKeyPem, string tlsVersion = "")
    {
        MqttTlsSettings settings = Parse(Empty(caPem), "mqtt.ca_certificate_pem", Empty(clientCertificatePem), "mqtt.client_certificate_pem", Empty(clientKeyPem), "mqtt.client_key_pem");
        return tlsVersion switch
        {
            "" => settings,
            Phytrace.Nano.Configuration.MqttSettings.Tls12 => new MqttTlsSettings(settings.TrustedCas, settings.ClientCertificate) { Protocols = SslProtocols.Tls12 },
            Phytrace.Nano.Configuration.MqttSettings.Tls13 => new MqttTlsSettings(settings.TrustedCas, settings.ClientCertificate) { Protocols = SslProtocols.Tls13 },
            _ => throw new ArgumentException($"mqtt.tls_version is \"{tlsVersion}\": expected \"1.2\" or \"1.3\""),
        };
    }

    /// <summary>
    /// Checks the broker's certificate: the host name must match (the platform's own check) and
    /// the chain must end at one of <see cref="TrustedCas"/> (or pass the platform's trust
    /// store). Returns null when it is trusted, otherwise why not, in words.
    /// </summary>
    public string? Check(X509Certificate? certificate, X509Chain? platformChain, SslPolicyErrors errors, string host)
    {
        if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "the broker sent no certificate";
        }
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return $"the broker's certificate ({leaf.Subject}, names {Names(leaf)}) is not issued for host '{host}'";
        }
        if (TrustedCas == null)
        {
            return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0 ? null : "the broker's certificate is not trusted by this system: " + ChainProblems(platformChain, leaf);
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(TrustedCas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (platformChain != null)
        {
            // Intermediates the broker sent with its certificate.
            foreach (X509ChainElement element in platformChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return chain.Build(leaf) ? null : "the broker's certificate is not trusted by the configured CA: " + ChainProblems(chain, leaf);
    }

    private static MqttTlsSettings Parse(string? caPem, string? caName, string? certPem, string? certName, string? keyPem, string? keyName)
    {
        X509Certificate2Collection? cas = null;
        if (caPem != null)
        {
            cas = new X509Certificate2Collection();
            try
            {
                cas.ImportFromPem(caPem);
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException($"{caName}: not a readable PEM certificate ({e.Message})", e);
            }
            if (cas.Count == 0)
            {
                throw new ArgumentException($"{caName}: holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
            }
        }
        if ((certPem == null) != (keyPem == null))
        {
            throw new ArgumentException(certPem == null
                ? $"{keyName} is given without a client certificate: mutual TLS needs both the certificate and its key"
                : $"{certName} is given without its private key: mutual TLS needs both the certificate and its key");
        }
        X509Certificate2? client = null;
        if (certPem != null)
        {
            try
            {
                client = X509Certificate2.CreateFromPem(certPem, keyPem);
            }
            catch (CryptographicException e)
            {
                // The exception text never quotes the key; neither does this message.
                throw new ArgumentException($"{certName} and {keyName}: not a PEM certificate and a matching PEM private key ({e.Message})", e);
            }
        }
        return new MqttTlsSettings(cas, client);
    }

    private static string ReadFile(string what, string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{what} file '{path}' cannot be read: {e.Message}", e);
        }
    }

    private static string? Empty(string? pem) => string.IsNullOrEmpty(pem) ? null : pem;

    private static string Names(X509Certificate2 leaf)
    {
        string dns = leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false);
        foreach (X509Extension extension in leaf.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                var names = san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString())).ToList();
                if (names.Count > 0)
                {
                    return string.Join(", ", names);
                }
            }
        }
        return string.IsNullOrEmpty(dns) ? "none" : dns;
    }

    private static string ChainProblems(X509Chain? chain, X509Certificate2 leaf)
    {
        var problems = new List<string>();
        DateTime now = DateTime.Now;
        if (now > leaf.NotAfter)
        {
            problems.Add($"it expired on {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        }
        else if (now < leaf.NotBefore)
        {
            problems.Add($"it is not valid before {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        }
        if (chain != null)
        {
            foreach (X509ChainStatus status in chain.ChainStatus)
            {
                if (status.Status is X509ChainStatusFlags.NotTimeValid && problems.Count > 0)
                {
                    continue;
                }
                problems.Add(status.Status switch
                {
                    X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain => $"its issuer '{leaf.Issuer}' does not lead to a trusted CA",
                    _ => status.StatusInformation.Trim().Length > 0 ? status.StatusInformation.Trim() : status.Status.ToString(),
                });
            }
        }
        return problems.Count == 0 ? "the chain does not verify" : string.Join("; ", problems.Distinct());
    }
}
