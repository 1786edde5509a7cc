namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// A TLS listener's PEM files for a broker started by tests or the simulator: the CA that signs
/// client certificates, the broker's certificate and key, and whether a client certificate is
/// required (mutual TLS).
/// </summary>
public sealed record BrokerTlsFiles(string CaFile, string CertificateFile, string KeyFile, bool RequireClientCertificate = false);
