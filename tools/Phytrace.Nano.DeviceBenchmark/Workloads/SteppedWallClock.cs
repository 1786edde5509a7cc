using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The benchmark's wall clock: a synchronised UTC time that the workload steps by hand, read
    /// without a lock. It stands for a board's SntpWallClock, whose UtcNow is one native read and
    /// takes no lock; ManualWallClock locks on every read (it is made for tests that set it from
    /// other threads), which cost the benchmark's emit about 19 K nanoCLR instructions per event
    /// that a board does not spend. Only the workload's own thread steps and reads it.
    /// </summary>
    public sealed class SteppedWallClock : IWallClock
    {
        private DateTime utcNow;

        /// <summary>Starts, synchronised, at <paramref name="utcNow"/>.</summary>
        public SteppedWallClock(DateTime utcNow)
        {
            this.utcNow = utcNow;
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return utcNow; }
        }

        /// <inheritdoc />
        public bool IsSynchronized
        {
            get { return true; }
        }

        /// <summary>Moves the clock forward by <paramref name="milliseconds"/>.</summary>
        public void AdvanceMs(long milliseconds)
        {
            utcNow = utcNow.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        }
    }
}
