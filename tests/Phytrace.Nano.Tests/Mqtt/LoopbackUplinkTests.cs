using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>
/// The uplink state machine stepped on a manual clock against the broker-less LoopbackSession: the
/// rig (LoopbackNode) and scenarios the device tests run on nanoCLR (DeviceTests/Uplink), held on
/// .NET too, so a difference between the runtimes shows as a failure on the device only.
/// </summary>
public class LoopbackUplinkTests
{
    [Fact]
    public void Offline_events_are_sent_once_online_in_full_batches_then_by_age()
    {
        var rig = new LoopbackNode(MqttReasonCode.Success);
        for (int i = 0; i < 25; i++)
        {
            Assert.True(rig.Emit(i));
        }
        rig.Node.Uplink.Step();
        Assert.Equal(UplinkState.Offline, rig.Node.Uplink.State);
        Assert.Equal(0, rig.Session.EventPublishes);

        rig.Wifi.Set(true);
        for (int i = 0; i < 10; i++)
        {
            rig.Node.Uplink.Step();
        }
        Assert.Equal(5, rig.Node.Buffer.Count);
        rig.Clock.Advance(1000);
        rig.Node.Uplink.Step();
        Assert.Equal(0, rig.Node.Buffer.Count);
        Assert.Equal(3, rig.Session.EventPublishes);
        Assert.True(rig.Session.StatusPublishes >= 1);
    }

    [Fact]
    public void A_batch_without_puback_stays_buffered_and_is_a_timeout()
    {
        var rig = new LoopbackNode(MqttReasonCode.Success);
        rig.Session.Acknowledge = false;
        rig.Wifi.Set(true);
        Assert.True(rig.Emit(1));
        rig.Node.Uplink.Step();
        rig.Node.Uplink.Step();
        rig.Clock.Advance(1000);
        rig.Node.Uplink.Step();
        Assert.Equal(1, rig.Node.Buffer.Count);
        Assert.Equal(ErrorType.Timeout, rig.Node.Uplink.LastError);
    }

    [Fact]
    public void Refused_credentials_are_reported_once_and_open_the_breaker()
    {
        var rig = new LoopbackNode(MqttReasonCode.BadUserNameOrPassword);
        int reports = 0;
        rig.Node.Uplink.ErrorReported += (_, _) => reports++;
        rig.Wifi.Set(true);
        Assert.True(rig.Emit(1));
        for (int i = 0; i < 20; i++)
        {
            rig.Node.Uplink.Step();
            rig.Clock.Advance(40000);
        }
        Assert.True(rig.Session.ConnectAttempts >= 3);
        Assert.Equal(1, reports);
        Assert.True(rig.Node.Breaker.Stats.TimesOpened >= 1);
        Assert.Equal(1, rig.Node.Buffer.Count);
    }
}
