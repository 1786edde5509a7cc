using System;
using System.Threading;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// The seed's RetryPolicy: exponential back-off with optional jitter, in whole milliseconds.
    /// Immutable after construction and safe to share between threads (the random source locks).
    /// <para>
    /// Delay of attempt n (0-based), without jitter: min(initialDelayMs * exponentialBase^n, maxDelayMs),
    /// truncated to an integer. The power is computed by repeated squaring that stops as soon as the
    /// cap is reached, so it takes at most ~31 multiplications and never overflows, whatever n is.
    /// </para>
    /// <para>
    /// Jitter is "equal jitter": with d the capped delay above, the delay is
    /// floor(d/2) + r, r drawn uniformly from [0, d - floor(d/2)], i.e. uniform over [floor(d/2), d].
    /// Half the back-off is kept, so a fleet recovering together spreads out without any node
    /// retrying at once (full jitter could draw 0), and the delay never exceeds d, hence never maxDelayMs.
    /// </para>
    /// Two ways to use it: <see cref="ExecuteWithRetry(ReliableOperation, RetryCallback)"/> blocks
    /// between attempts, for simple callers; <see cref="RetrySchedule"/> answers "next attempt due at
    /// tick T" without sleeping, for the uplink loop.
    /// </summary>
    public sealed class RetryPolicy
    {
        public const int DefaultMaxRetries = 5;
        public const int DefaultInitialDelayMs = 100;
        public const int DefaultMaxDelayMs = 30000;
        public const double DefaultExponentialBase = 2.0;
        public const bool DefaultJitter = true;

        // Cached so the blocking ExecuteWithRetry does not allocate a delegate per call.
        private static readonly Sleeper ThreadSleeper = ThreadSleep;

        private readonly int maxRetries;
        private readonly int initialDelayMs;
        private readonly int maxDelayMs;
        private readonly double exponentialBase;
        private readonly bool jitter;
        private readonly ErrorTypeSet retryableErrors;
        private readonly IRandomSource? random;

        // maxDelayMs / initialDelayMs: once exponentialBase^n reaches it, the delay is the cap.
        private readonly double capFactor;

        /// <summary>
        /// The seed's defaults (5 retries, 100 ms doubling up to 30 s, jitter, the seed's retryable set),
        /// with jitter drawn from a generator seeded by the wall clock. On the device prefer
        /// <see cref="RetryPolicy(IRandomSource)"/> with a hardware-seeded source: an ESP32 without SNTP
        /// boots near 1970, so nodes seeded from the clock would jitter alike.
        /// </summary>
        public RetryPolicy()
            : this(new XorShiftRandom((ulong)DateTime.UtcNow.Ticks))
        {
        }

        /// <summary>The seed's defaults with jitter drawn from <paramref name="random"/>.</summary>
        public RetryPolicy(IRandomSource random)
            : this(DefaultMaxRetries, DefaultInitialDelayMs, DefaultMaxDelayMs, DefaultExponentialBase, DefaultJitter, ErrorTypeSet.SeedRetryable, random)
        {
        }

        /// <summary>
        /// A policy with every setting given. <paramref name="random"/> may be null only when
        /// <paramref name="jitter"/> is false. Throws ArgumentOutOfRangeException naming the bad parameter.
        /// </summary>
        public RetryPolicy(int maxRetries, int initialDelayMs, int maxDelayMs, double exponentialBase, bool jitter, ErrorTypeSet retryableErrors, IRandomSource? random)
        {
            if (maxRetries < 0)
            {
                throw new ArgumentOutOfRangeException("maxRetries", "maxRetries must be zero or positive, got " + maxRetries.ToString());
            }
            if (initialDelayMs < 0)
            {
                throw new ArgumentOutOfRangeException("initialDelayMs", "initialDelayMs must be zero or positive, got " + initialDelayMs.ToString());
            }
            if (maxDelayMs < initialDelayMs)
            {
                throw new ArgumentOutOfRangeException("maxDelayMs", "maxDelayMs must be at least initialDelayMs (" + initialDelayMs.ToString() + "), got " + maxDelayMs.ToString());
            }
            // Written so NaN fails too; infinity is refused because it says nothing a large cap does not.
            if (!(exponentialBase >= 1.0) || exponentialBase > double.MaxValue)
            {
                throw new ArgumentOutOfRangeException("exponentialBase", "exponentialBase must be a finite number of at least 1.0 (delays must not shrink)");
            }
            if (jitter && random == null)
            {
                throw new ArgumentNullException("random", "random is required when jitter is on");
            }
            this.maxRetries = maxRetries;
            this.initialDelayMs = initialDelayMs;
            this.maxDelayMs = maxDelayMs;
            this.exponentialBase = exponentialBase;
            this.jitter = jitter;
            this.retryableErrors = retryableErrors;
            this.random = random;
            capFactor = initialDelayMs == 0 ? 0 : (double)maxDelayMs / initialDelayMs;
        }

        public int MaxRetries
        {
            get { return maxRetries; }
        }

        public int InitialDelayMs
        {
            get { return initialDelayMs; }
        }

        public int MaxDelayMs
        {
            get { return maxDelayMs; }
        }

        public double ExponentialBase
        {
            get { return exponentialBase; }
        }

        public bool Jitter
        {
            get { return jitter; }
        }

        public ErrorTypeSet RetryableErrors
        {
            get { return retryableErrors; }
        }

        /// <summary>
        /// Milliseconds to wait after attempt <paramref name="attempt"/> (0-based) failed, jittered if
        /// the policy says so (see the class comment). The seed's get_delay, in integer milliseconds.
        /// </summary>
        public int GetDelayMs(int attempt)
        {
            int delay = BackoffMs(attempt);
            if (!jitter || delay == 0)
            {
                return delay;
            }
            int half = delay / 2;
            // random is non-null whenever jitter is on (constructor); NextInt's bound is delay - half + 1 >= 2.
            return half + random!.NextInt(delay - half + 1);
        }

        /// <summary>
        /// True if the attempt numbered <paramref name="attempt"/> (0-based) that failed with
        /// <paramref name="errorType"/> should be retried: the error is retryable and fewer than
        /// maxRetries retries have been made.
        /// </summary>
        public bool ShouldRetry(ErrorType errorType, int attempt)
        {
            return attempt >= 0 && attempt < maxRetries && retryableErrors.Contains(errorType);
        }

        /// <summary>
        /// Calls <paramref name="operation"/> until it succeeds or the policy gives up, sleeping
        /// (Thread.Sleep) for the policy's delay between attempts. Gives up at once on a
        /// non-retryable error, and after maxRetries retries on retryable ones. Failures are
        /// returned in the outcome, not thrown; an exception thrown by the operation propagates at
        /// once without a retry. <paramref name="onRetry"/> (may be null) is told before each retry.
        /// </summary>
        public RetryOutcome ExecuteWithRetry(ReliableOperation operation, RetryCallback? onRetry)
        {
            return ExecuteWithRetry(operation, onRetry, ThreadSleeper);
        }

        /// <summary>As <see cref="ExecuteWithRetry(ReliableOperation, RetryCallback)"/>, waiting with <paramref name="sleep"/>.</summary>
        public RetryOutcome ExecuteWithRetry(ReliableOperation operation, RetryCallback? onRetry, Sleeper sleep)
        {
            if (operation == null)
            {
                throw new ArgumentNullException("operation");
            }
            if (sleep == null)
            {
                throw new ArgumentNullException("sleep");
            }
            int attempt = 0;
            while (true)
            {
                ErrorType error = operation();
                if (error == ErrorType.None || !ShouldRetry(error, attempt))
                {
                    return new RetryOutcome(error, attempt + 1);
                }
                int delayMs = GetDelayMs(attempt);
                if (onRetry != null)
                {
                    onRetry(attempt, error, delayMs);
                }
                sleep(delayMs);
                attempt++;
            }
        }

        /// <summary>initialDelayMs * exponentialBase^attempt capped at maxDelayMs, without jitter.</summary>
        private int BackoffMs(int attempt)
        {
            if (attempt < 0)
            {
                throw new ArgumentOutOfRangeException("attempt", "attempt must be zero or positive (0 is the first attempt), got " + attempt.ToString());
            }
            if (initialDelayMs == 0)
            {
                return 0;
            }
            if (exponentialBase == 2.0)
            {
                // The default base in integer shifts: the ESP32 has no double-precision FPU.
                // initialDelayMs << attempt stays below maxDelayMs exactly when initialDelayMs <= maxDelayMs >> attempt.
                return attempt < 31 && initialDelayMs <= (maxDelayMs >> attempt) ? initialDelayMs << attempt : maxDelayMs;
            }
            // Square-and-multiply over the bits of attempt. Every factor is >= 1 (base >= 1), so once
            // the partial product or a square still to be multiplied in reaches capFactor, the result
            // is the cap: stop there. Nothing grows past capFactor * base^2, far from overflow.
            double power = 1.0;
            double square = exponentialBase;
            int remaining = attempt;
            while (remaining != 0)
            {
                if ((remaining & 1) != 0)
                {
                    power *= square;
                    if (power >= capFactor)
                    {
                        return maxDelayMs;
                    }
                }
                remaining >>= 1;
                if (remaining == 0)
                {
                    break;
                }
                square *= square;
                if (square >= capFactor)
                {
                    // A bit of remaining is still set, so square will be multiplied in at least once.
                    return maxDelayMs;
                }
            }
            double delay = initialDelayMs * power;
            return delay >= maxDelayMs ? maxDelayMs : (int)delay;
        }

        private static void ThreadSleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
