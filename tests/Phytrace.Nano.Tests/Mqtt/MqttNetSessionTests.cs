using System.Collections.Concurrent;
using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>The host session adapter behaves like M2Mqtt against real brokers.</summary>
public class MqttNetSessionTests
{
    private static MqttConnectOptions Options(string clientId, string? user = null, string? password = null)
        => new() { ClientId = clientId, UserName = user, Password = password, KeepAliveSeconds = 10 };

    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void Publish_at_qos1_is_acknowledged_and_delivered_byte_exact(string kind)
    {
        using IBroker broker = Brokers.Start(kind);
        var received = new ConcurrentQueue<byte[]>();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e => { received.Enqueue(e.ApplicationMessage.Payload.ToArray()); return Task.CompletedTask; };
        subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("sub").Build()).GetAwaiter().GetResult();
        subscriber.SubscribeAsync("t/x", MqttQualityOfServiceLevel.AtLeastOnce).GetAwaiter().GetResult();

        using var session = new MqttNetSession(broker.Host, broker.Port);
        var acks = new ConcurrentQueue<(ushort Id, bool Ok)>();
        session.Published += (id, ok) => acks.Enqueue((id, ok));

        Assert.Equal(MqttReasonCode.Success, session.Connect(Options("node-1")));
        byte[] buffer = { 9, 9, 1, 2, 3, 4, 9 };
        ushort messageId = session.Publish("t/x", buffer, 2, 4, MqttQos.AtLeastOnce, retain: false);

        Assert.True(SpinWait.SpinUntil(() => !acks.IsEmpty && !received.IsEmpty, TimeSpan.FromSeconds(10)), "no PUBACK or delivery within 10 s");
        Assert.Equal((messageId, true), acks.Single());
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, received.Single());
    }

    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void Bad_credentials_are_refused_with_an_auth_reason_code(string kind)
    {
        using IBroker broker = Brokers.Start(kind, user: "node", password: "right");
        using var session = new MqttNetSession(broker.Host, broker.Port);

        MqttReasonCode code = session.Connect(Options("node-2", "node", "wrong"));

        Assert.Contains(code, new[] { MqttReasonCode.BadUserNameOrPassword, MqttReasonCode.NotAuthorized });
        Assert.False(session.IsConnected);
        Assert.Equal(MqttReasonCode.Success, session.Connect(Options("node-2", "node", "right")));
    }

    [Fact]
    public void A_broker_that_is_not_there_gives_network_unreachable_without_throwing()
    {
        using var session = new MqttNetSession("127.0.0.1", FreePort.Find(), TimeSpan.FromSeconds(2));
        Assert.Equal(MqttReasonCode.NetworkUnreachable, session.Connect(Options("node-3")));
        Assert.Throws<MqttSessionException>(() => session.Publish("t", new byte[1], 0, 1, MqttQos.AtLeastOnce, false));
    }

    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void Broker_stopping_raises_connection_closed(string kind)
    {
        using IBroker broker = Brokers.Start(kind);
        using var session = new MqttNetSession(broker.Host, broker.Port);
        int closed = 0;
        session.ConnectionClosed += () => Interlocked.Increment(ref closed);
        Assert.Equal(MqttReasonCode.Success, session.Connect(Options("node-4")));

        broker.Stop();

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref closed) == 1, TimeSpan.FromSeconds(10)), "ConnectionClosed not raised");
        Assert.False(session.IsConnected);
        broker.Start();
        Assert.Equal(MqttReasonCode.Success, session.Connect(Options("node-4")));
    }
}
