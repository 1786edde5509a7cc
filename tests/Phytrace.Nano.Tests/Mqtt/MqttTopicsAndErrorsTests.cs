using Phytrace.Nano.Reliability;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>Topic names and the classification of MQTT refusals, as the device tests check them on nanoCLR.</summary>
public class MqttTopicsAndErrorsTests
{
    [Fact]
    public void Topics_name_the_source()
    {
        var topics = new MqttTopics("amr-7");
        Assert.Equal("phytrace/v1/amr-7/events", topics.Events);
        Assert.Equal("phytrace/v1/amr-7/status", topics.Status);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a+")]
    [InlineData("a#")]
    public void A_source_id_that_is_not_one_topic_level_is_refused(string sourceId)
    {
        Assert.ThrowsAny<ArgumentException>(() => new MqttTopics(sourceId));
    }

    [Theory]
    [InlineData(MqttReasonCode.BadUserNameOrPassword, ErrorType.AuthFailure)]
    [InlineData(MqttReasonCode.ServerUnavailable, ErrorType.ServerError)]
    [InlineData(MqttReasonCode.NetworkUnreachable, ErrorType.NetworkError)]
    [InlineData(MqttReasonCode.QuotaExceeded, ErrorType.RateLimited)]
    public void Connect_refusals_are_classified(MqttReasonCode code, ErrorType expected)
    {
        Assert.Equal(expected, MqttErrorClassifier.FromConnect(code));
    }

    [Fact]
    public void A_missing_puback_is_a_timeout()
    {
        Assert.Equal(ErrorType.Timeout, MqttErrorClassifier.FromPublish(PublishOutcome.TimedOut));
    }
}
