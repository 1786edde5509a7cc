namespace Phytrace.Nano.Events
{
    /// <summary>
    /// An optional number with an explicit "has value" flag: written to JSON only when set.
    /// Nullable&lt;double&gt; is a generic type the device runtime rejects, hence this struct.
    /// Use as a field and call <see cref="Set"/>; <see cref="Clear"/> unsets it.
    /// </summary>
    public struct OptionalDouble
    {
        /// <summary>True once <see cref="Set"/> was called (until <see cref="Clear"/>).</summary>
        public bool HasValue;

        /// <summary>The value; meaningful only when <see cref="HasValue"/>.</summary>
        public double Value;

        public void Set(double value)
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
