namespace Phytrace.Nano.Host.Mqtt;

/// <summary>A broker given as a URL: mqtt://host[:port] or tcp://host[:port] (port 1883 by default).</summary>
public sealed record BrokerAddress(string Host, int Port)
{
    public const int DefaultPort = 1883;

    public static BrokerAddress Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new FormatException("broker URL is empty; expected mqtt://host[:port]");
        }
        string text = url.Contains("://", StringComparison.Ordinal) ? url : "mqtt://" + url;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"broker URL '{url}' is not a URL; expected mqtt://host[:port]");
        }
        if (uri.Scheme is not ("mqtt" or "tcp"))
        {
            throw new FormatException($"broker URL '{url}' has scheme '{uri.Scheme}'; expected mqtt:// or tcp:// (TLS is not supported by this tool)");
        }
        int port = uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port;
        return new BrokerAddress(uri.Host, port);
    }

    public override string ToString() => $"mqtt://{Host}:{Port}";
}
