using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using Phytrace.Nano.Host.Mqtt;

namespace Phytrace.Nano.Host.Receiving;

/// <summary>
/// Subscribes to phytrace/v1/+/events, phytrace/v1/+/status and phytrace/v1/+/quarantine/+ on a
/// broker, decodes the gzip batches, de-duplicates events by event_id and keeps them per source in
/// arrival order; quarantined records (raw bytes a node could not send as events) are kept as they
/// came. Used by the tests, the simulator and `phytrace-nano receive`. Reconnects by itself after a
/// broker restart.
/// Over TLS when given <see cref="MqttTlsSettings"/>; a refused handshake ends <see cref="Start"/>
/// with an AuthenticationException that says why, rather than a time-out.
/// </summary>
public sealed class BatchReceiver : IDisposable
{
    public const string EventsFilter = "phytrace/v1/+/events";
    public const string StatusFilter = "phytrace/v1/+/status";
    public const string QuarantineFilter = "phytrace/v1/+/quarantine/+";

    private readonly bool persistentSession;
    private readonly string host;
    private readonly int port;
    private readonly IMqttClient client;
    private readonly TlsHandshakeWatch? watch;
    private readonly object gate = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DecodedEvent>> bySource = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> status = new(StringComparer.Ordinal);
    private readonly List<string> errors = new();
    private readonly List<QuarantinedRecord> quarantined = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? reconnectLoop;
    private long batches;
    private long duplicates;
    private long payloadBytes;
    private long jsonBytes;

    public BatchReceiver(string host, int port, string clientId = "phytrace-receiver", bool persistentSession = false, MqttTlsSettings? tls = null)
    {
        this.persistentSession = persistentSession;
        this.host = host;
        this.port = port;
        watch = tls == null ? null : new TlsHandshakeWatch(tls, host);
        ClientId = clientId;
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>Raised after each new (not duplicate) event is stored, from MQTTnet's thread.</summary>
    public event Action<DecodedEvent>? EventReceived;

    /// <summary>Raised after every event of a decoded batch was handled (new ones raised, duplicates counted), from MQTTnet's thread.</summary>
    public event Action<DecodedBatch>? BatchReceived;

    /// <summary>Raised for each quarantined record received, from MQTTnet's thread.</summary>
    public event Action<QuarantinedRecord>? RecordQuarantined;

    /// <summary>Records nodes set aside as unsendable, in arrival order (a node publishes each once; QoS 1 may repeat it).</summary>
    public IReadOnlyList<QuarantinedRecord> Quarantined
    {
        get
        {
            lock (gate)
            {
                return quarantined.ToList();
            }
        }
    }

    public string ClientId { get; }

    public bool IsConnected => client.IsConnected;

    /// <summary>Times the receiver has (re)subscribed: after a broker restart it rises once the subscription is back.</summary>
    public long Subscriptions => Interlocked.Read(ref subscriptions);

    private long subscriptions;

    public long Batches => Interlocked.Read(ref batches);

    public long Duplicates => Interlocked.Read(ref duplicates);

    /// <summary>Compressed bytes received in event batches.</summary>
    public long PayloadBytes => Interlocked.Read(ref payloadBytes);

    /// <summary>JSON bytes those batches expanded to.</summary>
    public long JsonBytes => Interlocked.Read(ref jsonBytes);

    public int UniqueEvents
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (gate)
            {
                return errors.ToList();
            }
        }
    }

    /// <summary>The unique events of one source, in arrival order.</summary>
    public IReadOnlyList<DecodedEvent> EventsOf(string sourceId)
    {
        lock (gate)
        {
            return bySource.TryGetValue(sourceId, out var list) ? list.ToList() : Array.Empty<DecodedEvent>();
        }
    }

    public IReadOnlyList<string> Sources
    {
        get
        {
            lock (gate)
            {
                return bySource.Keys.ToList();
            }
        }
    }

    /// <summary>The last status message (retained JSON) per source.</summary>
    public string? StatusOf(string sourceId) => status.TryGetValue(sourceId, out string? s) ? s : null;

    /// <summary>The last exception a reconnect attempt met (its type and message), or null: for reports when a reconnect takes long.</summary>
    public string? LastReconnectFailure { get; private set; }

    /// <summary>Why the last connect failed in TLS, or null.</summary>
    public string? TlsFailure { get; private set; }

    /// <summary>
    /// Connects and subscribes, then keeps the subscription alive across broker restarts. Throws
    /// TimeoutException when the broker does not answer, AuthenticationException when TLS fails.
    /// </summary>
    public void Start(TimeSpan timeout)
    {
        if (!TryConnect(timeout))
        {
            if (TlsFailure != null)
            {
                throw new System.Security.Authentication.AuthenticationException($"TLS to broker {host}:{port} failed: {TlsFailure}");
            }
            throw new TimeoutException($"broker {host}:{port} did not answer within {timeout.TotalSeconds:0} s");
        }
        reconnectLoop = Task.Run(ReconnectLoopAsync);
    }

    /// <summary>Waits until at least <paramref name="count"/> unique events arrived; false on timeout.</summary>
    public bool WaitForEvents(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (UniqueEvents >= count)
            {
                return true;
            }
            Thread.Sleep(20);
        }
        return UniqueEvents >= count;
    }

    public void Dispose()
    {
        stopping.Cancel();
        try
        {
            reconnectLoop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends on cancellation.
        }
        try
        {
            if (client.IsConnected)
            {
                client.DisconnectAsync().Wait(TimeSpan.FromSeconds(2));
            }
        }
        catch (AggregateException)
        {
            // Broker already gone.
        }
        client.Dispose();
        stopping.Dispose();
    }

    private bool TryConnect(TimeSpan timeout)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(ClientId)
            .WithCleanSession(!persistentSession)
            .WithSessionExpiryInterval(persistentSession ? 3600u : 0u)
            .WithTimeout(timeout);
        watch?.Apply(builder);
        try
        {
            using var cts = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(1));
            client.ConnectAsync(builder.Build(), cts.Token).GetAwaiter().GetResult();
            TlsFailure = null;
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(EventsFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(StatusFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(QuarantineFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            client.SubscribeAsync(subscribe, cts.Token).GetAwaiter().GetResult();
            Interlocked.Increment(ref subscriptions);
            return true;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            TlsFailure = watch?.Explain(e);
            return false;
        }
    }

    private async Task ReconnectLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                try
                {
                    TryConnect(TimeSpan.FromSeconds(2));
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    // MQTTnet refuses a connect while it is still tearing down the lost connection
                    // (InvalidOperationException, seen under load right after a broker restart), and
                    // a subscribe can meet a connection lost again. Try again on the next round:
                    // letting anything escape would end this loop and the receiver would never come back.
                    LastReconnectFailure = e.GetType().Name + ": " + e.Message;
                }
            }
            try
            {
                await Task.Delay(100, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        string topic = e.ApplicationMessage.Topic;
        string[] parts = topic.Split('/');
        byte[] payload = e.ApplicationMessage.Payload.ToArray();
        if (parts.Length == 5 && parts[3] == "quarantine")
        {
            var record = new QuarantinedRecord(parts[2], long.TryParse(parts[4], out long sequence) ? sequence : -1, payload);
            lock (gate)
            {
                quarantined.Add(record);
            }
            RecordQuarantined?.Invoke(record);
            return Task.CompletedTask;
        }
        if (parts.Length != 4)
        {
            return Task.CompletedTask;
        }
        if (parts[3] == "status")
        {
            status[parts[2]] = System.Text.Encoding.UTF8.GetString(payload);
            return Task.CompletedTask;
        }
        try
        {
            DecodedBatch batch = BatchDecoder.Decode(payload);
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref payloadBytes, batch.PayloadBytes);
            Interlocked.Add(ref jsonBytes, batch.JsonBytes);
            foreach (DecodedEvent ev in batch.Events)
            {
                bool isNew;
                lock (gate)
                {
                    isNew = seen.Add(ev.EventId);
                    if (isNew)
                    {
                        string source = ev.SourceId.Length > 0 ? ev.SourceId : parts[2];
                        if (!bySource.TryGetValue(source, out var list))
                        {
                            bySource[source] = list = new List<DecodedEvent>();
                        }
                        list.Add(ev);
                    }
                }
                if (isNew)
                {
                    EventReceived?.Invoke(ev);
                }
                else
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
            BatchReceived?.Invoke(batch);
        }
        catch (InvalidDataException ex)
        {
            lock (gate)
            {
                errors.Add($"{topic}: {ex.Message}");
            }
        }
        return Task.CompletedTask;
    }
}
