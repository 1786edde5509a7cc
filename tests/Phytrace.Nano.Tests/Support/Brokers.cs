using Phytrace.Nano.Host.Mqtt;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// The brokers the MQTT tests run against: MQTTnet.Server in process always, and mosquitto where
/// the binary is installed (.ci/run installs it from Debian packages); tests skip the latter otherwise.
/// </summary>
public static class Brokers
{
    public static TheoryData<string> Kinds => new() { "embedded", "mosquitto" };

    /// <summary>A started broker of <paramref name="kind"/>; skips the test if mosquitto is missing.</summary>
    public static IBroker Start(string kind, string? user = null, string? password = null)
    {
        IBroker broker = Create(kind, user, password);
        broker.Start();
        return broker;
    }

    /// <summary>A started mosquitto with a TLS listener; skips the test if mosquitto is missing.</summary>
    public static MosquittoBroker StartTls(BrokerTlsFiles tls)
    {
        string? exe = MosquittoBroker.Find();
        Skip.If(exe == null, "mosquitto is not installed (bash .ci/run installs it)");
        var broker = new MosquittoBroker(exe!, 0, tls: tls);
        broker.Start();
        return broker;
    }

    public static IBroker Create(string kind, string? user = null, string? password = null)
    {
        switch (kind)
        {
            case "embedded":
                return new EmbeddedBroker(0, user, password);
            case "mosquitto":
                string? exe = MosquittoBroker.Find();
                Skip.If(exe == null, "mosquitto is not installed (bash .ci/run installs it)");
                return new MosquittoBroker(exe!, 0, user, password);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "embedded or mosquitto");
        }
    }
}
