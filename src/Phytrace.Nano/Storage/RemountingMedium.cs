using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// A medium on a removable volume that brings the volume back after it failed. When the inner
    /// medium fails the way a pulled card does (not present, I/O error), the next operation first
    /// remounts the volume; while that fails, operations fail at once with NotPresent and another
    /// remount is tried at most every <see cref="RetryIntervalMs"/>, so a producer emitting fast
    /// does not hammer a slot that is empty. The buffer above counts the failures and resumes,
    /// losing nothing it had synced, as soon as an operation succeeds again.
    /// </summary>
    public sealed class RemountingMedium : IStorageMedium, IFreshRegion
    {
        /// <summary>Default pause between remount attempts while the card stays away.</summary>
        public const int DefaultRetryIntervalMs = 5000;

        private readonly object gate = new object();
        private readonly IStorageMedium inner;
        private readonly IRemovableVolume volume;
        private readonly ITickClock clock;
        private readonly int retryIntervalMs;
        private bool needsRemount;
        private bool attemptedSinceFailure;
        private long lastAttemptMs;
        private int remountAttempts;
        private int remounts;

        /// <summary>Wraps <paramref name="inner"/>, which lives on <paramref name="volume"/>.</summary>
        public RemountingMedium(IStorageMedium inner, IRemovableVolume volume, ITickClock clock, int retryIntervalMs)
        {
            if (inner == null || volume == null || clock == null)
            {
                throw new ArgumentNullException(inner == null ? nameof(inner) : volume == null ? nameof(volume) : nameof(clock));
            }
            if (retryIntervalMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(retryIntervalMs), "retryIntervalMs must be 0 or more, got " + retryIntervalMs.ToString());
            }
            this.inner = inner;
            this.volume = volume;
            this.clock = clock;
            this.retryIntervalMs = retryIntervalMs;
        }

        /// <summary>Least time between two remount attempts while they fail.</summary>
        public int RetryIntervalMs
        {
            get { return retryIntervalMs; }
        }

        /// <summary>Remounts tried since this medium was made.</summary>
        public int RemountAttempts
        {
            get { return remountAttempts; }
        }

        /// <summary>Remounts that succeeded.</summary>
        public int Remounts
        {
            get { return remounts; }
        }

        /// <inheritdoc />
        public long Length
        {
            get { return inner.Length; }
        }

        /// <inheritdoc />
        public bool IsFresh
        {
            get
            {
                var fresh = inner as IFreshRegion;
                return fresh != null && fresh.IsFresh;
            }
        }

        /// <inheritdoc />
        public void Formatted()
        {
            var fresh = inner as IFreshRegion;
            if (fresh != null)
            {
                fresh.Formatted();
            }
        }

        /// <inheritdoc />
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            lock (gate)
            {
                bool mounted = false;
                try
                {
                    BringBack();
                    mounted = true;
                    return inner.Read(position, buffer, offset, count);
                }
                catch (StorageMediumException e)
                {
                    throw mounted ? Noted(e) : e;
                }
            }
        }

        /// <inheritdoc />
        public void Write(long position, byte[] buffer, int offset, int count)
        {
            lock (gate)
            {
                bool mounted = false;
                try
                {
                    BringBack();
                    mounted = true;
                    inner.Write(position, buffer, offset, count);
                }
                catch (StorageMediumException e)
                {
                    throw mounted ? Noted(e) : e;
                }
            }
        }

        /// <inheritdoc />
        public void Flush()
        {
            lock (gate)
            {
                bool mounted = false;
                try
                {
                    BringBack();
                    mounted = true;
                    inner.Flush();
                }
                catch (StorageMediumException e)
                {
                    throw mounted ? Noted(e) : e;
                }
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            inner.Dispose();
        }

        // BringBack runs inside the try and `mounted` tells its failures from the inner medium's:
        // with BringBack as the call just before the try, nanoCLR runs the catch for exceptions
        // it throws too, in an optimised compile (measured on the kit's nanoCLR).

        /// <summary>Remounts the volume if the last operation failed and an attempt is due; throws while it stays away.</summary>
        private void BringBack()
        {
            if (!needsRemount)
            {
                return;
            }
            long now = clock.NowMs;
            long sinceAttempt = now - lastAttemptMs;
            long interval = retryIntervalMs;
            if (attemptedSinceFailure && sinceAttempt < interval)
            {
                long wait = interval - sinceAttempt;
                throw new StorageMediumException(MediumFailure.NotPresent, "the card is not mounted (last attempt: " + LastErrorText()
                    + "); next attempt in " + wait.ToString() + " ms");
            }
            attemptedSinceFailure = true;
            lastAttemptMs = now;
            remountAttempts++;
            if (!volume.Remount())
            {
                throw new StorageMediumException(MediumFailure.NotPresent, "the card could not be mounted again: " + LastErrorText());
            }
            remounts++;
            needsRemount = false;
        }

        private StorageMediumException Noted(StorageMediumException e)
        {
            // Full and read-only are answers of a mounted card; a remount would not change them.
            if (e.Failure == MediumFailure.NotPresent || e.Failure == MediumFailure.IoError)
            {
                needsRemount = true;
                attemptedSinceFailure = false;
            }
            return e;
        }

        private string LastErrorText()
        {
            string error = volume.LastError;
            return error == null || error.Length == 0 ? "no reason given" : error;
        }
    }
}
