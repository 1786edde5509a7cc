using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Phytrace.Nano.Host.Mqtt;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// A small PKI made for one test with .NET's CertificateRequest (ECDSA P-256), written as PEM files
/// to a temporary folder: the CA the node trusts, a second unrelated CA, a broker certificate for
/// 127.0.0.1/localhost, an expired one, one for another host, and a client certificate.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("phytrace-pki-").FullName;

    public TestCertificates()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 ca = SelfSignedCa("Phytrace Test CA", caKey, now);
        using ECDsa otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using X509Certificate2 other = SelfSignedCa("Someone Else's CA", otherKey, now);

        CaFile = WriteCertificate("ca.pem", ca);
        CaPem = File.ReadAllText(CaFile);
        OtherCaFile = WriteCertificate("other-ca.pem", other);
        OtherCaPem = File.ReadAllText(OtherCaFile);

        Broker = Issue("broker", ca, caKey, now.AddDays(-1), now.AddDays(30), serverAuth: true, "localhost", IPAddress.Loopback);
        ExpiredBroker = Issue("broker-expired", ca, caKey, now.AddDays(-30), now.AddDays(-1), serverAuth: true, "localhost", IPAddress.Loopback);
        OtherHostBroker = Issue("broker-other-host", ca, caKey, now.AddDays(-1), now.AddDays(30), serverAuth: true, "broker.example.org", null);
        Client = Issue("client", ca, caKey, now.AddDays(-1), now.AddDays(30), serverAuth: false, "node-1", null);
        UntrustedClient = Issue("client-untrusted", other, otherKey, now.AddDays(-1), now.AddDays(30), serverAuth: false, "node-x", null);
    }

    public string CaFile { get; }

    public string CaPem { get; }

    public string OtherCaFile { get; }

    public string OtherCaPem { get; }

    /// <summary>The broker's certificate for 127.0.0.1 and localhost, valid now.</summary>
    public PemPair Broker { get; }

    /// <summary>Expired yesterday.</summary>
    public PemPair ExpiredBroker { get; }

    /// <summary>Issued for broker.example.org only.</summary>
    public PemPair OtherHostBroker { get; }

    /// <summary>A client certificate issued by the trusted CA.</summary>
    public PemPair Client { get; }

    /// <summary>A client certificate issued by the other CA.</summary>
    public PemPair UntrustedClient { get; }

    /// <summary>A broker listener with <paramref name="server"/>'s certificate; client certificates must chain to the trusted CA.</summary>
    public BrokerTlsFiles Listener(PemPair server, bool requireClientCertificate = false) =>
        new(CaFile, server.CertificateFile, server.KeyFile, requireClientCertificate);

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static X509Certificate2 SelfSignedCa(string name, ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-2), now.AddYears(1));
    }

    private PemPair Issue(string name, X509Certificate2 issuer, ECDsa issuerKey, DateTimeOffset notBefore, DateTimeOffset notAfter, bool serverAuth, string dnsName, IPAddress? ip)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        if (ip != null)
        {
            names.AddIpAddress(ip);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using X509Certificate2 certificate = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, serial);
        string certificateFile = WriteCertificate(name + ".pem", certificate);
        string keyFile = Path.Combine(directory, name + ".key");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return new PemPair(certificateFile, keyFile, File.ReadAllText(certificateFile), File.ReadAllText(keyFile));
    }

    private string WriteCertificate(string name, X509Certificate2 certificate)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }
}

/// <summary>A certificate and its private key, as files and as PEM text.</summary>
public sealed record PemPair(string CertificateFile, string KeyFile, string CertificatePem, string KeyPem);
