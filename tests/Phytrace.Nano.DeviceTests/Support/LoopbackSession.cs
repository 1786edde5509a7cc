using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// An MQTT session with no broker behind it, for the device self-test, which runs where no
    /// broker is reachable: connects at once (or refuses with <see cref="RefuseWith"/>), and
    /// acknowledges each publish before Publish even returns (the early-PUBACK case M2Mqtt can
    /// produce). It allocates nothing per publish. The xunit suite tests the uplink against real
    /// brokers; this stand-in only serves the self-test and the allocation measurement.
    /// </summary>
    public sealed class LoopbackSession : IMqttSession
    {
        private bool connected;
        private ushort nextId;

        /// <summary>When not Success, Connect refuses with this code.</summary>
        public MqttReasonCode RefuseWith = MqttReasonCode.Success;

        /// <summary>When false, publishes are never acknowledged (a broker that went silent).</summary>
        public bool Acknowledge = true;

        public int ConnectAttempts;
        public int EventPublishes;
        public int StatusPublishes;
        public int EventBytes;

        public bool IsConnected
        {
            get { return connected; }
        }

        /// <summary>What LastConnectError says after a refused connect.</summary>
        public string RefusalDetail = string.Empty;

        public string LastConnectError
        {
            get { return RefuseWith == MqttReasonCode.Success ? string.Empty : RefusalDetail; }
        }

        public event MqttPublishedHandler Published;

        public event MqttConnectionClosedHandler ConnectionClosed;

        public MqttReasonCode Connect(MqttConnectOptions options)
        {
            ConnectAttempts++;
            if (RefuseWith != MqttReasonCode.Success)
            {
                return RefuseWith;
            }
            connected = true;
            return MqttReasonCode.Success;
        }

        public ushort Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            if (!connected)
            {
                throw new MqttSessionException("not connected");
            }
            nextId++;
            if (nextId == 0)
            {
                nextId = 1;
            }
            if (topic.EndsWith("/events"))
            {
                EventPublishes++;
                EventBytes += count;
            }
            else
            {
                StatusPublishes++;
            }
            MqttPublishedHandler handler = Published;
            if (Acknowledge && handler != null)
            {
                handler(nextId, true);
            }
            return nextId;
        }

        public void Disconnect()
        {
            connected = false;
        }

        /// <summary>The link drops (broker gone, Wi-Fi lost).</summary>
        public void Drop()
        {
            connected = false;
            MqttConnectionClosedHandler handler = ConnectionClosed;
            if (handler != null)
            {
                handler();
            }
        }
    }
}
