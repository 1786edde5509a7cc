using System;
using Phytrace.Nano.Batching;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Transport;

namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// Sends buffered events as one gzip UDM batch to phytrace/v1/{source_id}/events at QoS 1 and
    /// waits for the PUBACK: Send returns true only once the broker has acknowledged the batch, so
    /// the caller removes events only then. Failures are classified into <see cref="ErrorType"/>.
    /// One sender at a time (the uplink worker); nothing is allocated per batch.
    /// </summary>
    public sealed class MqttTransport : IEventTransport
    {
        private readonly IMqttSession session;
        private readonly MqttTopics topics;
        private readonly BatchBuilder builder;
        private readonly PublishAwaiter awaiter;
        private readonly ITickClock clock;
        private readonly int pubAckTimeoutMs;

        public MqttTransport(IMqttSession session, MqttTopics topics, BatchBuilder builder, ITickClock clock, int pubAckTimeoutMs)
        {
            if (session == null || topics == null || builder == null || clock == null)
            {
                throw new ArgumentNullException(session == null ? nameof(session) : topics == null ? nameof(topics) : builder == null ? nameof(builder) : nameof(clock));
            }
            if (pubAckTimeoutMs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pubAckTimeoutMs), "PUBACK timeout must be at least 1 ms");
            }
            this.session = session;
            this.topics = topics;
            this.builder = builder;
            this.clock = clock;
            this.pubAckTimeoutMs = pubAckTimeoutMs;
            awaiter = new PublishAwaiter(session);
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return session.IsConnected; }
        }

        /// <summary>The batch builder, whose limits decide what a batch can carry.</summary>
        public BatchBuilder Builder
        {
            get { return builder; }
        }

        /// <summary>
        /// True if the last Send or PublishQuarantined failed in a way that points at the message
        /// itself rather than the link: the broker refused it (negative PUBACK, or the client gave
        /// up on it), the connection dropped while it was in flight, or it could not be built. A
        /// timeout (a silent broker) does not: it says nothing about the message.
        /// </summary>
        public bool LastFailureBlamesMessage { get; private set; }

        /// <summary>Compressed bytes of the last batch acknowledged.</summary>
        public int LastPayloadBytes { get; private set; }

        /// <summary>Envelope (JSON) bytes of the last batch acknowledged.</summary>
        public int LastEnvelopeBytes { get; private set; }

        /// <summary>The awaiter other publishes on this session (status) share.</summary>
        internal PublishAwaiter Awaiter
        {
            get { return awaiter; }
        }

        /// <inheritdoc />
        public bool Send(BufferedEvents events, BatchSendResult result)
        {
            if (events == null)
            {
                throw new ArgumentNullException(nameof(events));
            }
            return Send(events, 0, events.Count, result);
        }

        /// <summary>Sends events[first .. first+count) as one batch; as <see cref="Send(BufferedEvents, BatchSendResult)"/>.</summary>
        public bool Send(BufferedEvents events, int first, int count, BatchSendResult result)
        {
            int n = count;
            LastFailureBlamesMessage = false;
            if (n == 0)
            {
                return true;
            }
            if (!session.IsConnected)
            {
                result.Fail(n, ErrorType.NetworkError, "not connected to the broker");
                return false;
            }

            Batch batch;
            try
            {
                batch = builder.Build(events, first, count);
            }
            catch (ArgumentOutOfRangeException e)
            {
                LastFailureBlamesMessage = true;
                result.Fail(n, ErrorType.PayloadTooLarge, e.Message);
                return false;
            }
            catch (ArgumentException e)
            {
                LastFailureBlamesMessage = true;
                result.Fail(n, ErrorType.InvalidData, e.Message);
                return false;
            }

            if (!PublishAndWait(topics.Events, batch.Payload, batch.PayloadOffset, batch.PayloadLength, n, result))
            {
                return false;
            }
            LastPayloadBytes = batch.PayloadLength;
            LastEnvelopeBytes = batch.EnvelopeLength;
            result.Sent += n;
            result.Batches++;
            return true;
        }

        /// <summary>
        /// Publishes event <paramref name="index"/> of <paramref name="events"/>, a record that cannot
        /// be sent as an event, as its raw stored bytes to phytrace/v1/{source_id}/quarantine/{sequence}
        /// at QoS 1 and waits for the PUBACK. True once the broker has it; else the failure is in
        /// <paramref name="result"/>.
        /// </summary>
        public bool PublishQuarantined(BufferedEvents events, int index, BatchSendResult result)
        {
            LastFailureBlamesMessage = false;
            if (!session.IsConnected)
            {
                result.Fail(1, ErrorType.NetworkError, "not connected to the broker");
                return false;
            }
            return PublishAndWait(topics.Quarantine(events.Sequence(index)), events.Payload, events.PayloadOffset(index), events.PayloadLength(index), 1, result);
        }

        /// <summary>Publishes at QoS 1 and waits for the PUBACK; a failure goes into <paramref name="result"/> for <paramref name="n"/> events.</summary>
        private bool PublishAndWait(string topic, byte[] payload, int offset, int length, int n, BatchSendResult result)
        {
            int token = awaiter.BeginPublish();
            ushort messageId;
            try
            {
                messageId = session.Publish(topic, payload, offset, length, MqttQos.AtLeastOnce, false);
            }
            catch (MqttSessionException e)
            {
                result.Fail(n, ErrorType.NetworkError, e.Message);
                return false;
            }
            PublishOutcome outcome = awaiter.Wait(messageId, token, pubAckTimeoutMs, clock);
            if (outcome != PublishOutcome.Acknowledged)
            {
                LastFailureBlamesMessage = outcome == PublishOutcome.Rejected || outcome == PublishOutcome.ConnectionLost;
                result.Fail(n, MqttErrorClassifier.FromPublish(outcome), DescribeFailure(outcome));
                return false;
            }
            return true;
        }

        private string DescribeFailure(PublishOutcome outcome)
        {
            switch (outcome)
            {
                case PublishOutcome.TimedOut:
                    return "no PUBACK within " + pubAckTimeoutMs.ToString() + " ms";
                case PublishOutcome.Rejected:
                    return "the MQTT client gave up on the batch";
                default:
                    return "connection lost before the PUBACK";
            }
        }
    }
}
