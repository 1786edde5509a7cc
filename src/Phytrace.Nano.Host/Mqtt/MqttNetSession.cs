using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// The core's <see cref="IMqttSession"/> on MQTTnet 5, for tests, the simulator and the CLI.
/// MQTTnet's PublishAsync completes on the PUBACK; this adapter turns that into M2Mqtt's shape:
/// Publish returns a message id at once and <see cref="Published"/> reports the outcome later,
/// from a thread-pool thread, as M2Mqtt does from its receive thread. With <see cref="MqttTlsSettings"/>
/// it connects over TLS 1.2 or 1.3, checks the broker's certificate against the configured CA and
/// host name, and reports a failed handshake as <see cref="MqttReasonCode.TlsHandshakeFailed"/>
/// with the reason in <see cref="LastConnectError"/>, never as an unreachable network.
/// </summary>
public sealed class MqttNetSession : IMqttSession, IDisposable
{
    private readonly string host;
    private readonly int port;
    private readonly TimeSpan connectTimeout;
    private readonly IMqttClient client;
    private readonly MqttTlsSettings? tls;
    private readonly TlsHandshakeWatch? watch;
    private int nextMessageId;
    private volatile bool disposed;

    public MqttNetSession(string host, int port, TimeSpan? connectTimeout = null, MqttTlsSettings? tls = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "port must be 1 to 65535");
        }
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(5);
        this.tls = tls;
        watch = tls == null ? null : new TlsHandshakeWatch(tls, host);
        client = new MqttClientFactory().CreateMqttClient();
        client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public event MqttPublishedHandler? Published;

    public event MqttConnectionClosedHandler? ConnectionClosed;

    public bool IsConnected => !disposed && client.IsConnected;

    /// <summary>True when this session connects over TLS.</summary>
    public bool UsesTls => tls != null;

    public string LastConnectError { get; private set; } = string.Empty;

    /// <summary>A session to the broker a (validated) BoardConfig names, over TLS when mqtt.use_tls is set.</summary>
    public static MqttNetSession FromSettings(Phytrace.Nano.Configuration.MqttSettings settings, TimeSpan? connectTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        MqttTlsSettings? tls = settings.UseTls
            ? MqttTlsSettings.FromPem(settings.CaCertificatePem, settings.ClientCertificatePem, settings.ClientKeyPem, settings.TlsVersion)
            : null;
        return new MqttNetSession(settings.Host, settings.Port, connectTimeout, tls);
    }

    public MqttReasonCode Connect(MqttConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        LastConnectError = string.Empty;
        if (disposed)
        {
            // An abandoned session (the node lost power) reaches nothing any more.
            return MqttReasonCode.NetworkUnreachable;
        }
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanSession(options.CleanSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(connectTimeout);
        watch?.Apply(builder);
        if (options.UserName != null)
        {
            builder.WithCredentials(options.UserName, options.Password ?? string.Empty);
        }
        if (options.WillTopic != null)
        {
            builder.WithWillTopic(options.WillTopic)
                .WithWillPayload(System.Text.Encoding.UTF8.GetBytes(options.WillMessage ?? string.Empty))
                .WithWillRetain(options.WillRetain)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)(int)options.WillQos);
        }

        try
        {
            using var timeout = new CancellationTokenSource(connectTimeout + TimeSpan.FromSeconds(1));
            MqttClientConnectResult result = client.ConnectAsync(builder.Build(), timeout.Token).GetAwaiter().GetResult();
            return (MqttReasonCode)(int)result.ResultCode;
        }
        catch (Exception e) when (watch?.Explain(e) is string why)
        {
            LastConnectError = why;
            return MqttReasonCode.TlsHandshakeFailed;
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e) when (e.InnerException is not System.Net.Sockets.SocketException)
        {
            // MQTTnet 5 throws this for a CONNACK refusal without exposing the code; the message names it.
            return ReasonFromMessage(e.Message);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException or IOException)
        {
            LastConnectError = TlsHandshakeWatch.Innermost(e).Message;
            return MqttReasonCode.NetworkUnreachable;
        }
    }

    public ushort Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
    {
        if (!IsConnected)
        {
            throw new MqttSessionException("cannot publish to '" + topic + "': not connected");
        }
        // MQTTnet may still hold the payload after a timeout on our side; the core reuses its buffer, so copy.
        byte[] copy = payload.AsSpan(offset, count).ToArray();
        ushort id = NextMessageId();
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(copy)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)(int)qos)
            .WithRetainFlag(retain)
            .Build();
        _ = PublishAndReportAsync(id, message);
        return id;
    }

    public void Disconnect()
    {
        if (!IsConnected)
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
        {
            // Already gone: nothing to close.
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        Disconnect();
        client.Dispose();
    }

    /// <summary>
    /// Drops the connection without a DISCONNECT packet, as a node that loses power does: the
    /// broker notices the socket closing (and publishes the Last Will). The session is disposed.
    /// </summary>
    public void Abandon()
    {
        disposed = true;
        client.Dispose();
    }

    private async Task PublishAndReportAsync(ushort id, MqttApplicationMessage message)
    {
        bool ok;
        try
        {
            MqttClientPublishResult result = await client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
            ok = result.IsSuccess;
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            ok = false;
        }
        Published?.Invoke(id, ok);
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            ConnectionClosed?.Invoke();
        }
        return Task.CompletedTask;
    }

    private static MqttReasonCode ReasonFromMessage(string message)
    {
        foreach (MqttReasonCode code in Enum.GetValues<MqttReasonCode>())
        {
            if (code != MqttReasonCode.Success && message.Contains(code.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }
        return MqttReasonCode.UnspecifiedError;
    }

    private ushort NextMessageId()
    {
        // 1..65535, as MQTT packet identifiers.
        int id = Interlocked.Increment(ref nextMessageId);
        return (ushort)(((id - 1) % 65535) + 1);
    }
}
