using Phytrace.Nano.Host.Mqtt;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>Broker URLs as the CLI and the simulator take them.</summary>
public sealed class BrokerAddressTests
{
    [Theory]
    [InlineData("mqtt://broker", "broker", 1883, false)]
    [InlineData("tcp://broker:1884", "broker", 1884, false)]
    [InlineData("broker", "broker", 1883, false)]
    [InlineData("mqtts://broker", "broker", 8883, true)]
    [InlineData("ssl://10.0.0.5:9999", "10.0.0.5", 9999, true)]
    public void Scheme_and_port_decide_tls_and_the_default_port(string url, string host, int port, bool tls)
    {
        Assert.Equal(new BrokerAddress(host, port, tls), BrokerAddress.Parse(url));
    }

    [Theory]
    [InlineData("mqtts://node:s3cret-Pa55@broker", "credentials are not taken from the URL")]
    [InlineData("http://node:s3cret-Pa55@broker", "'http://***@broker'")]
    [InlineData("mqtt://node:s3cret-Pa55@", "is not a URL")]
    public void Credentials_in_the_url_are_never_echoed(string url, string expected)
    {
        var e = Assert.Throws<FormatException>(() => BrokerAddress.Parse(url));
        Assert.DoesNotContain("s3cret-Pa55", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_form_names_the_scheme()
    {
        Assert.Equal("mqtts://broker:8883", BrokerAddress.Parse("mqtts://broker").ToString());
        Assert.Equal("mqtt://broker:1883", BrokerAddress.Parse("broker").ToString());
    }
}
