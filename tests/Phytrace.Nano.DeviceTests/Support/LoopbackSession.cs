using System;
using Phytrace.Nano.Formats;
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

        /// <summary>When true, event batches get a negative PUBACK (isPublished = false): a broker that refuses them.</summary>
        public bool RejectEvents;

        /// <summary>When true, publishes to the quarantine topic get a negative PUBACK.</summary>
        public bool RejectQuarantine;

        public int ConnectAttempts;
        public int EventPublishes;
        public int StatusPublishes;
        public int QuarantinePublishes;
        public int EventBytes;

        /// <summary>Topic and bytes of the last quarantine publish (allocated then; quarantine is rare).</summary>
        public string LastQuarantineTopic;
        public byte[] LastQuarantinePayload;

        public bool IsConnected
        {
            get { return connected; }
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
            bool accepted = true;
            if (topic.EndsWith("/events"))
            {
                EventPublishes++;
                EventBytes += count;
                accepted = !RejectEvents;
            }
            else if (TextChars.IndexOf(topic, "/quarantine/") >= 0)
            {
                QuarantinePublishes++;
                LastQuarantineTopic = topic;
                LastQuarantinePayload = new byte[count];
                Array.Copy(payload, offset, LastQuarantinePayload, 0, count);
                accepted = !RejectQuarantine;
            }
            else
            {
                StatusPublishes++;
            }
            MqttPublishedHandler handler = Published;
            if (Acknowledge && handler != null)
            {
                handler(nextId, accepted);
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
