using System.Net;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// An MQTTnet.Server broker in this process on 127.0.0.1, optionally requiring a user name and
/// password. Restart keeps the port, as a real broker restart does; retained messages do not survive.
/// </summary>
public sealed class EmbeddedBroker : IBroker
{
    private readonly string? requiredUser;
    private readonly string? requiredPassword;
    private readonly object holdGate = new();
    // Completed while publishes flow. Awaited, not waited on: a held publish must not block a
    // thread-pool thread, or a few held publishes on a 2-core machine starve the pool and the
    // receiver's reconnect (which needs the pool) stalls for many seconds.
    private TaskCompletionSource publishesFlowing = NewFlowing(open: true);
    private MqttServer? server;
    private int delayMs;

    public EmbeddedBroker(int port = 0, string? requiredUser = null, string? requiredPassword = null)
    {
        Port = port == 0 ? FreePort.Find() : port;
        this.requiredUser = requiredUser;
        this.requiredPassword = requiredPassword;
    }

    public string Kind => "embedded";

    public string Host => "127.0.0.1";

    public int Port { get; }

    public bool IsRunning => server?.IsStarted == true;

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            // MQTTnet drops messages for a subscriber beyond 250 pending by default; a test broker must not.
            .WithMaxPendingMessagesPerClient(100_000)
            .Build();
        server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.StartAsync().GetAwaiter().GetResult();
    }

    public void Stop()
    {
        MqttServer? s = server;
        server = null;
        if (s == null)
        {
            return;
        }
        s.StopAsync().GetAwaiter().GetResult();
        s.Dispose();
    }

    public void Restart()
    {
        Stop();
        Start();
    }

    public void Dispose()
    {
        Stop();
        ReleasePublishes();
    }

    /// <summary>Holds every incoming publish (and so its PUBACK) until <see cref="ReleasePublishes"/>: a broker that has not answered yet.</summary>
    public void HoldPublishes()
    {
        lock (holdGate)
        {
            if (publishesFlowing.Task.IsCompleted)
            {
                publishesFlowing = NewFlowing(open: false);
            }
        }
    }

    public void ReleasePublishes()
    {
        lock (holdGate)
        {
            publishesFlowing.TrySetResult();
        }
    }

    private static TaskCompletionSource NewFlowing(bool open)
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            flowing.SetResult();
        }
        return flowing;
    }

    /// <summary>Delays each incoming publish (and its PUBACK) by this much: a slow link.</summary>
    public int PublishDelayMs
    {
        get => Volatile.Read(ref delayMs);
        set => Volatile.Write(ref delayMs, value);
    }

    /// <summary>
    /// A policy refusing some publishes (topic, payload): the broker answers them with a negative
    /// PUBACK (reason "payload format invalid") and delivers nothing, as a broker plugin or an
    /// ingestion limit that rejects a message does.
    /// </summary>
    public Func<string, byte[], bool>? RefusePublish
    {
        get => Volatile.Read(ref refusePublish);
        set => Volatile.Write(ref refusePublish, value);
    }

    private Func<string, byte[], bool>? refusePublish;

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        int delay = PublishDelayMs;
        if (delay > 0)
        {
            await Task.Delay(delay, e.CancellationToken).ConfigureAwait(false);
        }
        Task flowing;
        lock (holdGate)
        {
            flowing = publishesFlowing.Task;
        }
        await flowing.WaitAsync(e.CancellationToken).ConfigureAwait(false);
        Func<string, byte[], bool>? refuse = RefusePublish;
        if (refuse != null && refuse(e.ApplicationMessage.Topic, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
            return;
        }
        if (e.ApplicationMessage.Topic.EndsWith("/events", StringComparison.Ordinal))
        {
            lock (accepted)
            {
                accepted.Add(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
            }
        }
    }

    private readonly List<byte[]> accepted = new();

    /// <summary>
    /// Every batch payload the broker accepted from a publisher (seen before its PUBACK), across
    /// restarts: what a node's at-least-once guarantee is measured against.
    /// </summary>
    public IReadOnlyList<byte[]> AcceptedBatches
    {
        get
        {
            lock (accepted)
            {
                return accepted.ToList();
            }
        }
    }

    private Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (requiredUser != null && (e.UserName != requiredUser || e.Password != requiredPassword))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }
        return Task.CompletedTask;
    }
}
