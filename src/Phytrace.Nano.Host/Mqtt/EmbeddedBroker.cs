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
    private MqttServer? server;

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

    /// <summary>Connections refused for bad credentials so far.</summary>
    public int RefusedConnections => refused;

    private int refused;

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
            .Build();
        server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += ValidateAsync;
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

    public void Dispose() => Stop();

    private Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (requiredUser != null && (e.UserName != requiredUser || e.Password != requiredPassword))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            Interlocked.Increment(ref refused);
        }
        return Task.CompletedTask;
    }
}
