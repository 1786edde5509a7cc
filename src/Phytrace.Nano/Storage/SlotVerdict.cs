namespace Phytrace.Nano.Storage
{
    /// <summary>What a walk over [tail, head) makes of one slot.</summary>
    internal enum SlotVerdict
    {
        /// <summary>Starts an event of the log (valid first slot, sequence in the range the walk expects).</summary>
        Record = 0,

        /// <summary>Padding, a stale slot, an orphaned continuation: step over it silently.</summary>
        Skip = 1,

        /// <summary>This region's slot failing its checks: step over it and count it.</summary>
        Damaged = 2,
    }
}
