using System;
using System.Threading;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// The non-blocking form of <see cref="RetryPolicy"/> for the uplink loop: it records failures
    /// and answers "next attempt due at tick T", "due now" or "give up", from the tick clock, never
    /// sleeping. The loop waits on its WaitHandle for <see cref="MsUntilDue"/> (or until
    /// connectivity changes), then tries again. Thread-safe; allocation-free after construction.
    /// <code>
    /// if (schedule.IsDue) { ErrorType e = Send(); if (e == ErrorType.None) schedule.RecordSuccess(); else if (!schedule.RecordFailure(e)) GiveUp(); }
    /// else wake.WaitOne(schedule.MsUntilDue, false);
    /// </code>
    /// </summary>
    public sealed class RetrySchedule
    {
        private readonly RetryPolicy policy;
        private readonly ITickClock clock;
        private readonly object gate = new object();

        private int failedAttempts;
        private ErrorType lastError;
        private bool gaveUp;
        private bool waiting;
        private long waitStartMs;
        private int waitMs;

        /// <summary>A schedule following <paramref name="policy"/>'s delays, timed by <paramref name="clock"/>.</summary>
        public RetrySchedule(RetryPolicy policy, ITickClock clock)
        {
            if (policy == null)
            {
                throw new ArgumentNullException("policy");
            }
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }
            this.policy = policy;
            this.clock = clock;
        }

        /// <summary>
        /// Records that the current attempt failed with <paramref name="error"/>. Returns true if a
        /// retry is scheduled (after the policy's delay for this attempt), false if the policy gives
        /// up: the error is not retryable or maxRetries retries have been made. After giving up the
        /// schedule stays given up until <see cref="RecordSuccess"/> or <see cref="Reset"/>.
        /// </summary>
        public bool RecordFailure(ErrorType error)
        {
            lock (gate)
            {
                int attempt = failedAttempts;
                failedAttempts++;
                lastError = error;
                if (gaveUp || !policy.ShouldRetry(error, attempt))
                {
                    gaveUp = true;
                    waiting = false;
                    return false;
                }
                waitMs = policy.GetDelayMs(attempt);
                waitStartMs = clock.NowMs;
                waiting = true;
                return true;
            }
        }

        /// <summary>Records that an attempt succeeded: the next failure starts again from attempt 0.</summary>
        public void RecordSuccess()
        {
            Reset();
        }

        /// <summary>Forgets all failures, including a give-up: an attempt is due now.</summary>
        public void Reset()
        {
            lock (gate)
            {
                failedAttempts = 0;
                lastError = ErrorType.None;
                gaveUp = false;
                waiting = false;
            }
        }

        /// <summary>Failed attempts since the last success or reset.</summary>
        public int FailedAttempts
        {
            get
            {
                lock (gate)
                {
                    return failedAttempts;
                }
            }
        }

        /// <summary>The error of the last failure, None after a success or reset.</summary>
        public ErrorType LastError
        {
            get
            {
                lock (gate)
                {
                    return lastError;
                }
            }
        }

        /// <summary>True once the policy gave up; only <see cref="RecordSuccess"/> or <see cref="Reset"/> clears it.</summary>
        public bool HasGivenUp
        {
            get
            {
                lock (gate)
                {
                    return gaveUp;
                }
            }
        }

        /// <summary>True if an attempt may start now: not given up and no retry delay pending.</summary>
        public bool IsDue
        {
            get
            {
                lock (gate)
                {
                    return !gaveUp && RemainingMsLocked() == 0;
                }
            }
        }

        /// <summary>
        /// Milliseconds until the next attempt is due: 0 if it is due now, Timeout.Infinite (-1)
        /// after giving up. Either way it can be passed to WaitHandle.WaitOne as it is.
        /// </summary>
        public int MsUntilDue
        {
            get
            {
                lock (gate)
                {
                    return gaveUp ? Timeout.Infinite : RemainingMsLocked();
                }
            }
        }

        /// <summary>
        /// The tick at which the next attempt is due: now if it is due, long.MaxValue after giving up.
        /// If the clock went backwards the wait restarts from now, so this is at most one delay ahead.
        /// </summary>
        public long DueAtMs
        {
            get
            {
                lock (gate)
                {
                    if (gaveUp)
                    {
                        return long.MaxValue;
                    }
                    long now = clock.NowMs;
                    return now + RemainingMsLocked(now);
                }
            }
        }

        private int RemainingMsLocked()
        {
            return waiting ? RemainingMsLocked(clock.NowMs) : 0;
        }

        private int RemainingMsLocked(long now)
        {
            if (!waiting)
            {
                return 0;
            }
            long elapsed = TickElapsed.Since(ref waitStartMs, now);
            if (elapsed >= waitMs)
            {
                waiting = false;
                return 0;
            }
            return (int)(waitMs - elapsed);
        }
    }
}
