using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// The seed's CircuitBreaker, timed by the tick clock. Transitions:
    /// <list type="bullet">
    /// <item>Closed -> Open: failureThreshold failures in a row (a success in between resets the count).</item>
    /// <item>Open -> HalfOpen: on the first AllowRequest once recoveryTimeoutSec has passed since the last failure.</item>
    /// <item>HalfOpen -> Closed: halfOpenRequests probe successes.</item>
    /// <item>HalfOpen -> Open: any failure.</item>
    /// </list>
    /// In HalfOpen at most halfOpenRequests probes are admitted; a slot is used by each admitted probe
    /// until its success is recorded, and one failure reopens the breaker. Every AllowRequest that
    /// returned true must be followed by RecordSuccess or RecordFailure (Execute does it); if a probe's
    /// outcome is never recorded, its slot is released after a whole recovery timeout without any
    /// probe activity, so a lost outcome cannot wedge the breaker half-open.
    /// <para>
    /// Safe to call from several threads (one lock); allocation-free after construction except
    /// <see cref="Execute"/> throwing. A clock that goes backwards or wraps restarts the open period
    /// from now instead of stalling it; a forward jump counts as time passed.
    /// </para>
    /// </summary>
    public sealed class CircuitBreaker
    {
        public const int DefaultFailureThreshold = 5;
        public const double DefaultRecoveryTimeoutSec = 60.0;
        public const int DefaultHalfOpenRequests = 3;

        /// <summary>The longest recovery timeout, so waits fit an int of milliseconds (about 24.8 days).</summary>
        public const double MaxRecoveryTimeoutSec = int.MaxValue / 1000;

        private readonly int failureThreshold;
        private readonly int recoveryTimeoutMs;
        private readonly int halfOpenRequests;
        private readonly ITickClock clock;
        private readonly object gate = new object();

        private CircuitState state = CircuitState.Closed;
        private int consecutiveFailures;
        private long openSinceMs;
        private int probesInFlight;
        private int probeSuccesses;
        private long lastProbeActivityMs;
        private CircuitStateChangedHandler? stateChanged;

        private long allowedCount;
        private long rejectedCount;
        private long successCount;
        private long failureCount;
        private long timesOpened;
        private long timesClosed;

        /// <summary>The seed's defaults: 5 failures, 60 s recovery, 3 half-open probes.</summary>
        public CircuitBreaker(ITickClock clock)
            : this(DefaultFailureThreshold, DefaultRecoveryTimeoutSec, DefaultHalfOpenRequests, clock)
        {
        }

        /// <summary>A breaker with every setting given; throws ArgumentOutOfRangeException naming the bad parameter.</summary>
        public CircuitBreaker(int failureThreshold, double recoveryTimeoutSec, int halfOpenRequests, ITickClock clock)
        {
            if (failureThreshold < 1)
            {
                throw new ArgumentOutOfRangeException("failureThreshold", "failureThreshold must be at least 1, got " + failureThreshold.ToString());
            }
            // Written so NaN fails too.
            if (!(recoveryTimeoutSec >= 0 && recoveryTimeoutSec <= MaxRecoveryTimeoutSec))
            {
                throw new ArgumentOutOfRangeException("recoveryTimeoutSec", "recoveryTimeoutSec must be between 0 and " + ((int)MaxRecoveryTimeoutSec).ToString() + " seconds");
            }
            if (halfOpenRequests < 1)
            {
                throw new ArgumentOutOfRangeException("halfOpenRequests", "halfOpenRequests must be at least 1, got " + halfOpenRequests.ToString());
            }
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }
            this.failureThreshold = failureThreshold;
            recoveryTimeoutMs = (int)((recoveryTimeoutSec * 1000.0) + 0.5);
            this.halfOpenRequests = halfOpenRequests;
            this.clock = clock;
        }

        /// <summary>Raised after each state change, outside the breaker's lock, on the thread that caused it.</summary>
        public event CircuitStateChangedHandler StateChanged
        {
            // Written out: a field-like event compiles to the generic Interlocked.CompareExchange<T>, which nanoFramework 1.x rejects.
            add
            {
                lock (gate)
                {
                    stateChanged = (CircuitStateChangedHandler)Delegate.Combine(stateChanged, value);
                }
            }

            remove
            {
                lock (gate)
                {
                    stateChanged = (CircuitStateChangedHandler?)Delegate.Remove(stateChanged, value);
                }
            }
        }

        public int FailureThreshold
        {
            get { return failureThreshold; }
        }

        public int RecoveryTimeoutMs
        {
            get { return recoveryTimeoutMs; }
        }

        public int HalfOpenRequests
        {
            get { return halfOpenRequests; }
        }

        /// <summary>The current state. Open turns HalfOpen on the next AllowRequest once the timeout has passed.</summary>
        public CircuitState State
        {
            get
            {
                lock (gate)
                {
                    return state;
                }
            }
        }

        /// <summary>
        /// Milliseconds until an open breaker will admit a probe: 0 unless Open. The uplink waits this
        /// long (or until connectivity changes) instead of polling AllowRequest.
        /// </summary>
        public int MsUntilHalfOpen
        {
            get
            {
                lock (gate)
                {
                    return RemainingOpenMsLocked(clock.NowMs);
                }
            }
        }

        /// <summary>The tick at which an open breaker will admit a probe; now unless Open.</summary>
        public long NextProbeAtMs
        {
            get
            {
                lock (gate)
                {
                    long now = clock.NowMs;
                    return now + RemainingOpenMsLocked(now);
                }
            }
        }

        /// <summary>A snapshot of state and counters (a struct: no allocation).</summary>
        public CircuitBreakerStats Stats
        {
            get
            {
                lock (gate)
                {
                    return new CircuitBreakerStats(state, consecutiveFailures, allowedCount, rejectedCount, successCount, failureCount, timesOpened, timesClosed);
                }
            }
        }

        /// <summary>True if a request may proceed now; false if the breaker rejects it (the seed's allow_request).</summary>
        public bool AllowRequest()
        {
            bool allowed;
            CircuitState before;
            CircuitState after;
            CircuitStateChangedHandler? handler;
            lock (gate)
            {
                before = state;
                allowed = AllowLocked(clock.NowMs);
                if (allowed)
                {
                    allowedCount++;
                }
                else
                {
                    rejectedCount++;
                }
                after = state;
                handler = stateChanged;
            }
            Notify(handler, before, after);
            return allowed;
        }

        /// <summary>Records that an admitted request succeeded.</summary>
        public void RecordSuccess()
        {
            CircuitState before;
            CircuitState after;
            CircuitStateChangedHandler? handler;
            lock (gate)
            {
                before = state;
                successCount++;
                if (state == CircuitState.Closed)
                {
                    consecutiveFailures = 0;
                }
                else if (state == CircuitState.HalfOpen)
                {
                    if (probesInFlight > 0)
                    {
                        probesInFlight--;
                    }
                    probeSuccesses++;
                    lastProbeActivityMs = clock.NowMs;
                    if (probeSuccesses >= halfOpenRequests)
                    {
                        EnterLocked(CircuitState.Closed, lastProbeActivityMs);
                    }
                }
                // Open: the late result of a request admitted before the breaker opened; counted only.
                after = state;
                handler = stateChanged;
            }
            Notify(handler, before, after);
        }

        /// <summary>Records that an admitted request failed.</summary>
        public void RecordFailure()
        {
            CircuitState before;
            CircuitState after;
            CircuitStateChangedHandler? handler;
            lock (gate)
            {
                before = state;
                failureCount++;
                long now = clock.NowMs;
                if (state == CircuitState.Closed)
                {
                    consecutiveFailures++;
                    if (consecutiveFailures >= failureThreshold)
                    {
                        EnterLocked(CircuitState.Open, now);
                    }
                }
                else if (state == CircuitState.HalfOpen)
                {
                    EnterLocked(CircuitState.Open, now);
                }
                else
                {
                    // As in the seed, the recovery timeout runs from the last failure seen.
                    openSinceMs = now;
                }
                after = state;
                handler = stateChanged;
            }
            Notify(handler, before, after);
        }

        /// <summary>Returns the breaker to Closed with no failures counted (the counters in Stats are kept).</summary>
        public void Reset()
        {
            CircuitState before;
            CircuitStateChangedHandler? handler;
            lock (gate)
            {
                before = state;
                if (state != CircuitState.Closed)
                {
                    EnterLocked(CircuitState.Closed, clock.NowMs);
                }
                consecutiveFailures = 0;
                handler = stateChanged;
            }
            Notify(handler, before, CircuitState.Closed);
        }

        /// <summary>
        /// Runs <paramref name="operation"/> under the breaker (the seed's execute): throws
        /// <see cref="CircuitOpenException"/> without calling it if the breaker rejects the request;
        /// otherwise records None as a success and any other ErrorType as a failure, and returns it.
        /// If the operation throws, a failure is recorded and the exception propagates.
        /// </summary>
        public ErrorType Execute(ReliableOperation operation)
        {
            if (operation == null)
            {
                throw new ArgumentNullException("operation");
            }
            if (!AllowRequest())
            {
                throw new CircuitOpenException(MsUntilHalfOpen);
            }
            ErrorType result;
            try
            {
                result = operation();
            }
            catch
            {
                RecordFailure();
                throw;
            }
            if (result == ErrorType.None)
            {
                RecordSuccess();
            }
            else
            {
                RecordFailure();
            }
            return result;
        }

        private bool AllowLocked(long now)
        {
            if (state == CircuitState.Closed)
            {
                return true;
            }
            if (state == CircuitState.Open)
            {
                if (TickElapsed.Since(ref openSinceMs, now) < recoveryTimeoutMs)
                {
                    return false;
                }
                EnterLocked(CircuitState.HalfOpen, now);
            }
            if (probesInFlight + probeSuccesses >= halfOpenRequests)
            {
                // Every probe slot is taken. Release the in-flight ones only if none has reported for
                // a whole recovery timeout: their outcomes were lost, not just slow.
                if (probesInFlight == 0 || TickElapsed.Since(ref lastProbeActivityMs, now) < recoveryTimeoutMs)
                {
                    return false;
                }
                probesInFlight = 0;
            }
            probesInFlight++;
            lastProbeActivityMs = now;
            return true;
        }

        private void EnterLocked(CircuitState newState, long now)
        {
            state = newState;
            probesInFlight = 0;
            probeSuccesses = 0;
            if (newState == CircuitState.Open)
            {
                openSinceMs = now;
                timesOpened++;
            }
            else if (newState == CircuitState.Closed)
            {
                consecutiveFailures = 0;
                timesClosed++;
            }
            else
            {
                lastProbeActivityMs = now;
            }
        }

        private int RemainingOpenMsLocked(long now)
        {
            if (state != CircuitState.Open)
            {
                return 0;
            }
            long elapsed = TickElapsed.Since(ref openSinceMs, now);
            return elapsed >= recoveryTimeoutMs ? 0 : (int)(recoveryTimeoutMs - elapsed);
        }

        private static void Notify(CircuitStateChangedHandler? handler, CircuitState before, CircuitState after)
        {
            if (before != after && handler != null)
            {
                handler(before, after);
            }
        }
    }
}
