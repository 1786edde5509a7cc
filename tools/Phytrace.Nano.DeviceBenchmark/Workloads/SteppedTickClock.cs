using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The benchmark's monotonic clock, stepped by hand with the wall clock and read without a
    /// lock, as a board's TickClock (one native read) is; ManualTickClock locks on every read,
    /// which the UUIDv7 generator pays once per event. Only the workload's own thread uses it.
    /// </summary>
    public sealed class SteppedTickClock : ITickClock
    {
        private long nowMs;

        /// <inheritdoc />
        public long NowMs
        {
            get { return nowMs; }
        }

        /// <summary>Moves the clock forward by <paramref name="milliseconds"/>.</summary>
        public void AdvanceMs(long milliseconds)
        {
            nowMs += milliseconds;
        }
    }
}
