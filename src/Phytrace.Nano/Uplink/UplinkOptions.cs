using System;

namespace Phytrace.Nano.Uplink
{
    /// <summary>How the uplink worker paces itself and talks to the broker.</summary>
    public sealed class UplinkOptions
    {
        /// <summary>Events per batch (the seed's batch_size); halved temporarily when the broker says a batch is too large.</summary>
        public int BatchSize = 100;

        /// <summary>
        /// A batch smaller than <see cref="BatchSize"/> is sent once the first of its events has
        /// waited this long (the seed's max_batch_age_ms): a healthy link gets full, well-compressed
        /// batches instead of one per event; a backlog is sent at once in full batches.
        /// </summary>
        public int MaxBatchAgeMs = 1000;

        /// <summary>How long to wait for a PUBACK before counting a timeout.</summary>
        public int PubAckTimeoutMs = 10000;

        /// <summary>Retained online status is republished at least this often while connected.</summary>
        public int StatusIntervalMs = 30000;

        /// <summary>Longest sleep with nothing to do; Emit and connectivity changes wake the worker sooner.</summary>
        public int IdleWaitMs = 1000;

        /// <summary>
        /// A record the broker does not take even alone (a batch of one refused, or losing the
        /// connection, this many times in a row; timeouts do not count) is quarantined: published once to phytrace/v1/{source_id}/quarantine/{sequence}
        /// and removed after its PUBACK, so it never blocks the records behind it. If that publish
        /// fails this many times as well, the record is dropped, counted and reported.
        /// </summary>
        public int QuarantineAfterFailures = 3;

        /// <summary>Identity, credentials, keep-alive; the worker fills in the Last Will.</summary>
        public MqttConnectOptions Connect = new MqttConnectOptions();

        /// <summary>Throws ArgumentException naming the first bad field.</summary>
        public void Validate()
        {
            if (BatchSize < 1 || BatchSize > 10000)
            {
                throw new ArgumentException("uplink.batch_size is " + BatchSize.ToString() + "; expected 1 to 10000");
            }
            if (MaxBatchAgeMs < 0)
            {
                throw new ArgumentException("uplink.max_batch_age_ms is " + MaxBatchAgeMs.ToString() + "; expected 0 or more");
            }
            if (PubAckTimeoutMs < 100)
            {
                throw new ArgumentException("uplink.puback_timeout_ms is " + PubAckTimeoutMs.ToString() + "; expected at least 100");
            }
            if (StatusIntervalMs < 1000)
            {
                throw new ArgumentException("uplink.status_interval_ms is " + StatusIntervalMs.ToString() + "; expected at least 1000");
            }
            if (IdleWaitMs < 1)
            {
                throw new ArgumentException("uplink.idle_wait_ms is " + IdleWaitMs.ToString() + "; expected at least 1");
            }
            if (QuarantineAfterFailures < 1 || QuarantineAfterFailures > 100)
            {
                throw new ArgumentException("uplink.quarantine_after_failures is " + QuarantineAfterFailures.ToString() + "; expected 1 to 100");
            }
            if (Connect == null || Connect.ClientId == null || Connect.ClientId.Length == 0)
            {
                throw new ArgumentException("uplink.connect.client_id is empty; expected the node's MQTT client id");
            }
        }
    }
}
