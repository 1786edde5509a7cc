namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// Elapsed milliseconds since an anchor tick, robust to a clock that misbehaves. The tick clock
    /// is meant to be monotonic, but glue backed by a 32-bit counter wraps after ~49 days and a
    /// misconfigured one may jump: a wait measured naively from such a clock could last forever.
    /// </summary>
    internal static class TickElapsed
    {
        /// <summary>
        /// nowMs - anchorMs. If that is negative (the clock went backwards, wrapped, or the
        /// subtraction overflowed on a wild jump) the anchor is moved to nowMs and 0 is returned: the
        /// wait restarts from now, so it ends at most one full period later instead of never.
        /// A forward jump simply counts as time passed.
        /// </summary>
        public static long Since(ref long anchorMs, long nowMs)
        {
            long elapsed = unchecked(nowMs - anchorMs);
            if (elapsed < 0)
            {
                anchorMs = nowMs;
                return 0;
            }
            return elapsed;
        }
    }
}
