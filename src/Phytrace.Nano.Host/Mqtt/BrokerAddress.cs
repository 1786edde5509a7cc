namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// A broker given as a URL: mqtt://host[:port] or tcp://host[:port] (plain, port 1883 by default),
/// mqtts://host[:port] or ssl://host[:port] (TLS, port 8883 by default).
/// </summary>
public sealed record BrokerAddress(string Host, int Port, bool UseTls = false)
{
    public const int DefaultPort = 1883;

    public const int DefaultTlsPort = 8883;

    public static BrokerAddress Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new FormatException("broker URL is empty; expected mqtt://host[:port] or mqtts://host[:port]");
        }
        string text = url.Contains("://", StringComparison.Ordinal) ? url : "mqtt://" + url;
        string shown = Redacted(url);
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"broker URL '{shown}' is not a URL; expected mqtt://host[:port] or mqtts://host[:port]");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            // A password in a URL ends up in shell history and process lists; this tool takes none.
            throw new FormatException($"broker URL '{shown}' has a user name or password in it; credentials are not taken from the URL");
        }
        bool tls = uri.Scheme is "mqtts" or "ssl";
        if (!tls && uri.Scheme is not ("mqtt" or "tcp"))
        {
            throw new FormatException($"broker URL '{shown}' has scheme '{uri.Scheme}'; expected mqtt:// (or tcp://) for plain MQTT, mqtts:// (or ssl://) for MQTT over TLS");
        }
        int port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? DefaultTlsPort : DefaultPort) : uri.Port;
        return new BrokerAddress(uri.Host, port, tls);
    }

    /// <summary>The URL with anything between "//" and "@" (user name, password) replaced by "***".</summary>
    private static string Redacted(string url)
    {
        int at = url.LastIndexOf('@');
        if (at < 0)
        {
            return url;
        }
        int start = url.IndexOf("//", StringComparison.Ordinal);
        start = start < 0 || start > at ? 0 : start + 2;
        return url[..start] + "***" + url[at..];
    }

    public override string ToString() => $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
