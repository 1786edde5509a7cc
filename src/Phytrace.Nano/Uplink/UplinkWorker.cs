using System;
using System.Threading;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Transport;

namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// The one uplink thread: store-and-forward from the EdgeBuffer to the broker. It sleeps on a
    /// WaitHandle until there is something to do (events synced, connectivity changed, the link
    /// dropped, a retry or breaker timeout due), never polls. While the network is up and the
    /// breaker allows, it connects (with a Last Will marking the node offline), reads the oldest
    /// events, sends them as one batch, and acknowledges them in the buffer only after the PUBACK.
    /// Failures go to the circuit breaker and are retried after the retry policy's delay; a new
    /// kind of failure is reported once through <see cref="ErrorReported"/>. A failed batch halves
    /// the batch size (it doubles back after each success).
    /// A stored record that cannot be sent never blocks the records behind it: it is quarantined
    /// (published once, as its raw bytes, to phytrace/v1/{source_id}/quarantine/{sequence} and
    /// removed after the PUBACK), counted in <see cref="UplinkCounters.Quarantined"/> and the status,
    /// and reported once through <see cref="RecordQuarantined"/>; see UplinkWorker.Quarantine.cs for
    /// when a record is set aside and the one case where it is dropped (never silently).
    /// </summary>
    public sealed partial class UplinkWorker
    {
        private readonly EdgeBuffer buffer;
        private readonly IMqttSession session;
        private readonly IConnectivity connectivity;
        private readonly MqttTransport transport;
        private readonly MqttTopics topics;
        private readonly StatusReporter status;
        private readonly RetryPolicy policy;
        private readonly RetrySchedule schedule;
        private readonly CircuitBreaker breaker;
        private readonly ITickClock clock;
        private readonly UplinkOptions options;
        private readonly int syncIntervalMs;
        private readonly BufferedEvents events;
        private readonly SendableCheck sendable;
        private readonly BatchSendResult result = new BatchSendResult();
        private readonly UplinkCounters counters = new UplinkCounters();
        private readonly AutoResetEvent wake = new AutoResetEvent(false);
        private readonly object gate = new object();
        private Thread? thread;
        private bool stopping;
        private UplinkState state = UplinkState.Stopped;
        private ErrorType reportedError = ErrorType.None;
        private int currentBatchSize;
        private long resumeAtMs;
        private long nextStatusAtMs;
        private long lastSyncAtMs;
        private long partialSinceMs = -1;

        public UplinkWorker(EdgeBuffer buffer, IMqttSession session, IConnectivity connectivity, MqttTransport transport,
            MqttTopics topics, StatusReporter status, RetryPolicy policy, CircuitBreaker breaker, ITickClock clock,
            UplinkOptions options, int maxBatchJsonBytes, int syncIntervalMs)
        {
            if (buffer == null || session == null || connectivity == null || transport == null || topics == null
                || status == null || policy == null || breaker == null || clock == null || options == null)
            {
                throw new ArgumentNullException(nameof(buffer), "every part of the uplink is required");
            }
            options.Validate();
            this.buffer = buffer;
            this.session = session;
            this.connectivity = connectivity;
            this.transport = transport;
            this.topics = topics;
            this.status = status;
            this.policy = policy;
            this.breaker = breaker;
            this.clock = clock;
            this.options = options;
            this.syncIntervalMs = syncIntervalMs < 1 ? 1 : syncIntervalMs;
            schedule = new RetrySchedule(policy, clock);
            currentBatchSize = options.BatchSize;
            // Room for two at least: a record under suspicion is judged by sending the one behind it alone.
            events = new BufferedEvents(options.BatchSize > 1 ? options.BatchSize : 2, maxBatchJsonBytes);
            sendable = new SendableCheck(transport.Builder);

            options.Connect.WillTopic = topics.Status;
            options.Connect.WillRetain = true;
            options.Connect.WillQos = MqttQos.AtLeastOnce;

            connectivity.Changed += OnConnectivityChanged;
            session.ConnectionClosed += OnConnectionClosed;
        }

        /// <summary>A new kind of failure (reported once per change, not per attempt).</summary>
        public event UplinkErrorHandler? ErrorReported;

        /// <summary>A record that could not be sent was quarantined (or dropped); raised once per record.</summary>
        public event RecordQuarantinedHandler? RecordQuarantined;

        /// <summary>The worker changed state.</summary>
        public event UplinkStateChangedHandler? StateChanged;

        public UplinkState State
        {
            get
            {
                lock (gate)
                {
                    return state;
                }
            }
        }

        /// <summary>The last failure reported, or None after a success.</summary>
        public ErrorType LastError
        {
            get
            {
                lock (gate)
                {
                    return reportedError;
                }
            }
        }

        /// <summary>Copies the counters into <paramref name="target"/> (no allocation).</summary>
        public void GetCounters(UplinkCounters target)
        {
            lock (gate)
            {
                counters.CopyTo(target);
            }
        }

        /// <summary>Starts the uplink thread.</summary>
        public void Start()
        {
            lock (gate)
            {
                if (thread != null)
                {
                    return;
                }
                stopping = false;
                thread = new Thread(Run);
            }
            thread.Start();
        }

        /// <summary>
        /// Stops the thread after the batch in flight (if any) is acknowledged or fails, publishes an
        /// offline status and disconnects. Nothing acknowledged is lost or sent again: events are
        /// removed from the buffer only after their PUBACK, and a batch cut short stays buffered.
        /// </summary>
        public void Stop()
        {
            Thread? running;
            lock (gate)
            {
                running = thread;
                stopping = true;
            }
            wake.Set();
            if (running != null)
            {
                running.Join();
            }
            lock (gate)
            {
                thread = null;
            }
            try
            {
                buffer.Sync();
                if (session.IsConnected)
                {
                    PublishStatus("offline", true);
                    session.Disconnect();
                }
            }
            catch (StorageMediumException)
            {
                // The medium is gone (card pulled, power failing): nothing more can be made durable,
                // and the Last Will tells the broker the node is offline.
            }
            SetState(UplinkState.Stopped);
        }

        /// <summary>Wakes the worker (new events were synced).</summary>
        public void Wake()
        {
            wake.Set();
        }

        /// <summary>
        /// One decision of the loop; returns how many milliseconds to sleep before the next (0: at
        /// once). Public so tests can drive the worker step by step on a manual clock.
        /// </summary>
        public int Step()
        {
            long now = clock.NowMs;
            int syncWait = SyncIfDue(now);
            if (!connectivity.IsUp)
            {
                SetState(UplinkState.Offline);
                return Min(options.IdleWaitMs, syncWait);
            }
            if (now < resumeAtMs)
            {
                SetState(UplinkState.BackingOff);
                return Min(ToWait(resumeAtMs - now), syncWait);
            }
            if (!session.IsConnected)
            {
                return Connect(now);
            }
            if (now >= nextStatusAtMs)
            {
                PublishStatus("online", false);
            }

            events.Clear();
            int n = buffer.Dequeue(events, currentBatchSize > 1 ? currentBatchSize : 2);
            if (n == 0)
            {
                SetState(UplinkState.Idle);
                return Min(Min(options.IdleWaitMs, ToWait(nextStatusAtMs - now)), syncWait);
            }
            long head = events.Sequence(0);
            bool handled = head == quarantineSequence || (head == suspectSequence && suspectFailures >= options.QuarantineAfterFailures);
            if (!handled && n < currentBatchSize && !IsStopping())
            {
                // A partial batch waits for more events, up to max_batch_age_ms from when it was first seen.
                if (partialSinceMs < 0)
                {
                    partialSinceMs = now;
                }
                long due = partialSinceMs + options.MaxBatchAgeMs;
                if (now < due)
                {
                    SetState(UplinkState.Idle);
                    return Min(ToWait(due - now), syncWait);
                }
            }
            if (!breaker.AllowRequest())
            {
                SetState(UplinkState.CircuitOpen);
                return ToWait(breaker.MsUntilHalfOpen);
            }
            if (head == quarantineSequence)
            {
                return Quarantine(now);
            }
            if (head == suspectSequence && suspectFailures >= options.QuarantineAfterFailures && n > 1)
            {
                return ProbeBehindSuspect(now);
            }
            string? problem;
            int bad = sendable.FirstUnsendable(events, out problem);
            if (bad == 0)
            {
                // A record no batch can carry: set aside without asking the broker.
                SetAside(head, problem ?? "cannot be batched");
                return Quarantine(now);
            }
            if (bad > 0)
            {
                // Send the records before it now; it is set aside on the next step.
                events.Truncate(bad);
                n = bad;
            }
            if (n > currentBatchSize || (head == suspectSequence && n > 1))
            {
                // A suspect goes alone until it is cleared or set aside.
                n = head == suspectSequence ? 1 : currentBatchSize;
                events.Truncate(n);
            }

            SetState(UplinkState.Sending);
            result.Reset();
            if (transport.Send(events, result))
            {
                buffer.AcknowledgeThrough(events.Sequence(n - 1));
                partialSinceMs = -1;
                ClearSuspect();
                if (probeSequence <= events.Sequence(n - 1))
                {
                    probeSequence = -1;
                }
                Delivered(n);
                if (currentBatchSize < options.BatchSize)
                {
                    currentBatchSize = currentBatchSize * 2 > options.BatchSize ? options.BatchSize : currentBatchSize * 2;
                }
                return 0;
            }

            SendRefused();
            string message = result.ErrorMessage ?? "send failed";
            if (n == 1 && transport.LastFailureBlamesMessage)
            {
                NoteLoneFailure(head, message);
            }
            if (currentBatchSize > 1)
            {
                // Too large for the broker, or one record in it the broker will not take: try fewer at once.
                currentBatchSize = currentBatchSize / 2;
            }
            return Failed(now, result.Error, message);
        }

        /// <summary>Counts a success: <paramref name="n"/> events acknowledged by the broker.</summary>
        private void Delivered(int n)
        {
            lock (gate)
            {
                counters.EventsSent += n;
                counters.BatchesSent++;
                counters.CompressedBytesSent += transport.LastPayloadBytes;
                counters.EnvelopeBytesSent += transport.LastEnvelopeBytes;
            }
            BrokerTook();
        }

        /// <summary>The broker took a publish: the breaker and back-off reset, any reported error is over.</summary>
        private void BrokerTook()
        {
            breaker.RecordSuccess();
            schedule.RecordSuccess();
            Recovered();
        }

        /// <summary>A publish the broker did not take (or that timed out): counted, and the breaker told.</summary>
        private void SendRefused()
        {
            breaker.RecordFailure();
            lock (gate)
            {
                counters.SendFailures++;
            }
        }

        private int Connect(long now)
        {
            if (!breaker.AllowRequest())
            {
                SetState(UplinkState.CircuitOpen);
                return ToWait(breaker.MsUntilHalfOpen);
            }
            options.Connect.WillMessage = status.LastWill; // built per connect: boot_at may have been synchronised since
            MqttReasonCode code = session.Connect(options.Connect);
            if (code == MqttReasonCode.Success)
            {
                breaker.RecordSuccess();
                schedule.RecordSuccess();
                lock (gate)
                {
                    counters.Connects++;
                }
                Recovered();
                PublishStatus("online", false);
                return 0;
            }
            breaker.RecordFailure();
            lock (gate)
            {
                counters.ConnectFailures++;
            }
            string detail = session.LastConnectError;
            string message = MqttErrorClassifier.Describe(code);
            return Failed(now, MqttErrorClassifier.FromConnect(code), detail == null || detail.Length == 0 ? message : message + ": " + detail);
        }

        private int Failed(long now, ErrorType error, string message)
        {
            Report(error, message);
            int delay;
            if (schedule.RecordFailure(error))
            {
                delay = schedule.MsUntilDue;
            }
            else
            {
                // Given up (not retryable, or out of retries): never drop the data, just slow down to
                // the policy's longest delay and start a fresh retry cycle after it.
                schedule.Reset();
                delay = policy.MaxDelayMs;
            }
            resumeAtMs = now + delay;
            SetState(UplinkState.BackingOff);
            return ToWait(delay);
        }

        private void Run()
        {
            while (true)
            {
                lock (gate)
                {
                    if (stopping)
                    {
                        return;
                    }
                }
                int wait;
                try
                {
                    wait = Step();
                }
                catch (Exception e)
                {
                    // The uplink thread must outlive any one failure (a medium error mid-read, a
                    // misbehaving adapter); report it and carry on after a pause.
                    Report(ErrorType.Unknown, e.Message);
                    wait = options.IdleWaitMs;
                }
                if (wait > 0)
                {
                    wake.WaitOne(wait, false);
                }
            }
        }

        private bool IsStopping()
        {
            lock (gate)
            {
                return stopping;
            }
        }

        private int SyncIfDue(long now)
        {
            if (buffer.NextSequence == buffer.SyncedThroughSequence)
            {
                lastSyncAtMs = now;
                return int.MaxValue;
            }
            long due = lastSyncAtMs + syncIntervalMs;
            if (now >= due)
            {
                buffer.Sync();
                lastSyncAtMs = now;
                return syncIntervalMs;
            }
            return ToWait(due - now);
        }

        private void PublishStatus(string text, bool waitForAck)
        {
            nextStatusAtMs = clock.NowMs + options.StatusIntervalMs;
            int length = status.Write(text, buffer, counters);
            try
            {
                int token = transport.Awaiter.BeginPublish();
                ushort id = session.Publish(topics.Status, status.Buffer, 0, length, MqttQos.AtLeastOnce, true);
                if (waitForAck)
                {
                    transport.Awaiter.Wait(id, token, options.PubAckTimeoutMs, clock);
                }
            }
            catch (MqttSessionException)
            {
                // Status is best effort; the Last Will covers a node that vanishes.
            }
        }

        private void Report(ErrorType error, string message)
        {
            UplinkErrorHandler? handler;
            lock (gate)
            {
                if (error == reportedError)
                {
                    return;
                }
                reportedError = error;
                counters.ErrorReports++;
                handler = ErrorReported;
            }
            if (handler != null)
            {
                handler(error, message);
            }
        }

        private void Recovered()
        {
            lock (gate)
            {
                reportedError = ErrorType.None;
            }
            resumeAtMs = 0;
        }

        private void SetState(UplinkState next)
        {
            UplinkState previous;
            UplinkStateChangedHandler? handler;
            lock (gate)
            {
                previous = state;
                if (previous == next)
                {
                    return;
                }
                state = next;
                handler = StateChanged;
            }
            if (handler != null)
            {
                handler(previous, next);
            }
        }

        private void OnConnectivityChanged(bool isUp)
        {
            wake.Set();
        }

        private void OnConnectionClosed()
        {
            wake.Set();
        }

        private static int ToWait(long ms)
        {
            if (ms <= 0)
            {
                return 1;
            }
            return ms > int.MaxValue ? int.MaxValue : (int)ms;
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
