using System;

namespace Phytrace.Nano.Platform
{
    /// <summary>A tick clock that moves only when told to: for tests and simulations.</summary>
    public sealed class ManualTickClock : ITickClock
    {
        private long nowMs;
        private readonly object gate = new object();

        /// <summary>Starts at <paramref name="startMs"/>.</summary>
        public ManualTickClock(long startMs = 0)
        {
            nowMs = startMs;
        }

        /// <inheritdoc />
        public long NowMs
        {
            get
            {
                lock (gate)
                {
                    return nowMs;
                }
            }
        }

        /// <summary>Moves the clock forward by <paramref name="deltaMs"/> (not negative).</summary>
        public void Advance(long deltaMs)
        {
            if (deltaMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(deltaMs), "deltaMs must be zero or positive");
            }
            lock (gate)
            {
                nowMs += deltaMs;
            }
        }

        /// <summary>Sets the clock to <paramref name="valueMs"/>; tests use this to model jumps and wraps.</summary>
        public void Set(long valueMs)
        {
            lock (gate)
            {
                nowMs = valueMs;
            }
        }
    }
}
