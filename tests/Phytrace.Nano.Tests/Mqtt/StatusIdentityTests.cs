using System.Text.Json;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Mqtt;

/// <summary>The retained status and the Last Will carry the node's session and boot time, against real brokers.</summary>
public class StatusIdentityTests
{
    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void Status_and_last_will_carry_the_session_and_the_boot_time(string kind)
    {
        using IBroker broker = Brokers.Start(kind);
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-status-" + kind);
        receiver.Start(TimeSpan.FromSeconds(5));
        var node = new TestNode(broker, "node-s", new RamMedium(1024 * 1024), online: true);
        string session = node.Node.Session.SessionId;
        node.Node.Start();

        Assert.True(SpinWait.SpinUntil(() => receiver.StatusOf("node-s")?.Contains("\"online\"", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30)));
        using (JsonDocument online = JsonDocument.Parse(receiver.StatusOf("node-s")!))
        {
            Assert.Equal(session, online.RootElement.GetProperty("session_id").GetString());
            DateTimeOffset boot = online.RootElement.GetProperty("boot_at").GetDateTimeOffset();
            Assert.InRange(boot, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
            Assert.True(online.RootElement.GetProperty("boot_clock_synced").GetBoolean());
            Assert.Equal(0, online.RootElement.GetProperty("uplink").GetProperty("quarantined").GetInt64());
            Assert.Equal(0, online.RootElement.GetProperty("buffer").GetProperty("refused_expired").GetInt64());
        }

        // The node loses power: the broker publishes its Last Will.
        node.Session.Abandon();
        Assert.True(SpinWait.SpinUntil(() => receiver.StatusOf("node-s")?.Contains("\"offline\"", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30)),
            "no Last Will: " + receiver.StatusOf("node-s"));
        using (JsonDocument will = JsonDocument.Parse(receiver.StatusOf("node-s")!))
        {
            Assert.Equal(session, will.RootElement.GetProperty("session_id").GetString());
            Assert.InRange(will.RootElement.GetProperty("boot_at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
        }
        node.Node.Uplink.Stop();
    }
}
