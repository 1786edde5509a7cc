namespace Phytrace.Nano.Storage
{
    /// <summary>What Enqueue does when the region is full.</summary>
    public enum OverflowPolicy
    {
        /// <summary>Refuse the new event (the seed's behaviour, the default).</summary>
        Reject = 0,

        /// <summary>Evict the oldest records to make room.</summary>
        DropOldest = 1,
    }
}
