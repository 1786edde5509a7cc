namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// The TLS options the command-line tools share (--ca-file, --cert-file, --key-file), checked
/// against the broker URL: TLS files need an mqtts:// broker; an mqtts:// broker without --ca-file
/// trusts the operating system's CA store. Every problem is a message naming the option.
/// </summary>
public static class TlsCommandLine
{
    public const string CaFileOption = "--ca-file";
    public const string CertFileOption = "--cert-file";
    public const string KeyFileOption = "--key-file";

    public const string CaFileHelp = "CA certificate(s), PEM, that the broker's certificate must chain to (mqtts:// only; default: the system's trust store)";
    public const string CertFileHelp = "client certificate, PEM, for mutual TLS (with --key-file)";
    public const string KeyFileHelp = "the client certificate's private key, PEM (with --cert-file)";

    /// <summary>
    /// The TLS settings for <paramref name="address"/> (null for plain MQTT). Throws
    /// ArgumentException naming the option at fault.
    /// </summary>
    public static MqttTlsSettings? Resolve(BrokerAddress address, string? caFile, string? certFile, string? keyFile)
    {
        if (!address.UseTls)
        {
            string? given = caFile != null ? CaFileOption : certFile != null ? CertFileOption : keyFile != null ? KeyFileOption : null;
            if (given != null)
            {
                throw new ArgumentException($"{given} needs a TLS broker URL (mqtts://{address.Host}:{BrokerAddress.DefaultTlsPort}); {address} is plain MQTT");
            }
            return null;
        }
        if ((certFile == null) != (keyFile == null))
        {
            throw new ArgumentException(certFile == null
                ? $"{KeyFileOption} needs {CertFileOption}: mutual TLS takes the client certificate and its key"
                : $"{CertFileOption} needs {KeyFileOption}: mutual TLS takes the client certificate and its key");
        }
        return MqttTlsSettings.FromPemFiles(caFile, certFile, keyFile);
    }
}
