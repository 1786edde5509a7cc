namespace Phytrace.Nano.Events
{
    /// <summary>An optional boolean with an explicit "has value" flag (no generic Nullable on the device).</summary>
    public struct OptionalBool
    {
        /// <summary>True once <see cref="Set"/> was called (until <see cref="Clear"/>).</summary>
        public bool HasValue;

        /// <summary>The value; meaningful only when <see cref="HasValue"/>.</summary>
        public bool Value;

        public void Set(bool value)
        {
            Value = value;
            HasValue = true;
        }

        public void Clear()
        {
            Value = false;
            HasValue = false;
        }
    }
}
