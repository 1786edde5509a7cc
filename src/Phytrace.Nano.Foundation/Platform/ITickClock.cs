namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// A monotonic millisecond clock. All timing in the core (retry delays, breaker timeouts,
    /// batch ages) comes from here, never from the wall clock, which may jump on SNTP sync.
    /// The device glue backs it with Environment.TickCount64; tests use <see cref="ManualTickClock"/>.
    /// </summary>
    public interface ITickClock
    {
        /// <summary>Milliseconds since an arbitrary fixed origin; never decreases.</summary>
        long NowMs { get; }
    }
}
