using System;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// A broker-less MQTT session a script controls: connect answers <see cref="ConnectAnswer"/>;
    /// a publish is acknowledged at once (the early-PUBACK case M2Mqtt can produce), never
    /// (<see cref="Acknowledge"/> false: the PUBACK times out), or the link drops while the batch is
    /// in flight (<see cref="DropNextEventPublish"/>: broker gone mid-batch). Every event publish is
    /// recorded with its payload and what became of it.
    /// </summary>
    public sealed class ScriptedSession : IMqttSession
    {
        public const int OutcomeAcknowledged = 1;
        public const int OutcomeUnanswered = 2;
        public const int OutcomeDropped = 3;

        private bool connected;
        private ushort nextId;

        public MqttReasonCode ConnectAnswer = MqttReasonCode.Success;
        public bool Acknowledge = true;
        public bool DropNextEventPublish;

        public int ConnectAttempts;
        public int StatusPublishes;

        /// <summary>Event publishes in order: payload copies and outcomes.</summary>
        public readonly byte[][] Payloads = new byte[256][];
        public readonly int[] Outcomes = new int[256];
        public int EventPublishes;

        public bool IsConnected
        {
            get { return connected; }
        }

        public event MqttPublishedHandler Published;

        public event MqttConnectionClosedHandler ConnectionClosed;

        public MqttReasonCode Connect(MqttConnectOptions options)
        {
            ConnectAttempts++;
            connected = ConnectAnswer == MqttReasonCode.Success;
            return ConnectAnswer;
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
            int outcome = OutcomeAcknowledged;
            if (topic.EndsWith("/events"))
            {
                var copy = new byte[count];
                Array.Copy(payload, offset, copy, 0, count);
                outcome = DropNextEventPublish ? OutcomeDropped : (Acknowledge ? OutcomeAcknowledged : OutcomeUnanswered);
                Payloads[EventPublishes] = copy;
                Outcomes[EventPublishes] = outcome;
                EventPublishes++;
                DropNextEventPublish = false;
            }
            else
            {
                StatusPublishes++;
            }
            if (outcome == OutcomeDropped)
            {
                Drop();
            }
            else if (outcome == OutcomeAcknowledged)
            {
                MqttPublishedHandler handler = Published;
                if (handler != null)
                {
                    handler(nextId, true);
                }
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
