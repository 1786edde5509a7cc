namespace Phytrace.Nano.Uplink
{
    /// <summary>Raised when the broker has (or has not) acknowledged a publish.</summary>
    /// <param name="messageId">The id <see cref="IMqttSession.Publish"/> returned.</param>
    /// <param name="isPublished">True for a PUBACK; false when the client gave up on the message.</param>
    public delegate void MqttPublishedHandler(ushort messageId, bool isPublished);

    /// <summary>Raised when the connection to the broker drops or is closed.</summary>
    public delegate void MqttConnectionClosedHandler();

    /// <summary>
    /// An MQTT client session, shaped like nanoFramework.M2Mqtt 5.x's MqttClient: Connect returns a
    /// reason code, Publish returns a message id at once and the acknowledgement arrives later on
    /// <see cref="Published"/>, <see cref="ConnectionClosed"/> fires when the link drops. The device
    /// glue wraps M2Mqtt, the host adapter MQTTnet 5; both raise events from their own threads.
    /// </summary>
    public interface IMqttSession
    {
        /// <summary>True while connected to the broker.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Connects (blocking). Returns <see cref="MqttReasonCode.Success"/>, the broker's refusal,
        /// or <see cref="MqttReasonCode.NetworkUnreachable"/>; never throws for a broker that is
        /// down or a network that is missing.
        /// </summary>
        MqttReasonCode Connect(MqttConnectOptions options);

        /// <summary>
        /// Why the last <see cref="Connect"/> failed, in the adapter's words ("the broker's
        /// certificate expired on ..."), or empty when it succeeded or there is nothing to add to
        /// the reason code. Never contains a password or key.
        /// </summary>
        string LastConnectError { get; }

        /// <summary>
        /// Starts publishing payload[offset .. offset+count) and returns its message id. Throws
        /// MqttSessionException if not connected. For QoS 1 the outcome comes on <see cref="Published"/>.
        /// </summary>
        ushort Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain);

        /// <summary>Disconnects cleanly (no Last Will); safe to call when not connected.</summary>
        void Disconnect();

        /// <summary>Outcome of a publish.</summary>
        event MqttPublishedHandler Published;

        /// <summary>The link dropped or was closed.</summary>
        event MqttConnectionClosedHandler ConnectionClosed;
    }
}
