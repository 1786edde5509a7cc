namespace Phytrace.Nano.Events
{
    /// <summary>An optional integer with an explicit "has value" flag (no generic Nullable on the device).</summary>
    public struct OptionalLong
    {
        /// <summary>True once <see cref="Set"/> was called (until <see cref="Clear"/>).</summary>
        public bool HasValue;

        /// <summary>The value; meaningful only when <see cref="HasValue"/>.</summary>
        public long Value;

        public void Set(long value)
        {
            Value = value;
            HasValue = true;
        }

        public void Clear()
        {
            Value = 0;
            HasValue = false;
        }
    }
}
