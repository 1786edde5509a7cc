using System;

namespace Phytrace.Nano.Platform
{
    /// <summary>A wall clock set by hand, synchronised or not: for tests and simulations.</summary>
    public sealed class ManualWallClock : IWallClock
    {
        private readonly object gate = new object();
        private DateTime utcNow;
        private bool synchronized;

        /// <summary>Starts at <paramref name="utcNow"/>, synchronised or not.</summary>
        public ManualWallClock(DateTime utcNow, bool synchronized)
        {
            this.utcNow = utcNow;
            this.synchronized = synchronized;
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get
            {
                lock (gate)
                {
                    return utcNow;
                }
            }
        }

        /// <inheritdoc />
        public bool IsSynchronized
        {
            get
            {
                lock (gate)
                {
                    return synchronized;
                }
            }
        }

        /// <summary>Moves the clock forward by <paramref name="milliseconds"/>.</summary>
        public void AdvanceMs(long milliseconds)
        {
            lock (gate)
            {
                utcNow = utcNow.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
            }
        }

        /// <summary>Sets the time and whether it is synchronised (an SNTP sync is a jump plus true).</summary>
        public void Set(DateTime value, bool isSynchronized)
        {
            lock (gate)
            {
                utcNow = value;
                synchronized = isSynchronized;
            }
        }
    }
}
