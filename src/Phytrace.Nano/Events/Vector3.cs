namespace Phytrace.Nano.Events
{
    /// <summary>An optional x/y/z triple (e.g. an IMU's acceleration), written as {"x":..,"y":..,"z":..} when any axis is set.</summary>
    public sealed class Vector3
    {
        public OptionalDouble X;
        public OptionalDouble Y;
        public OptionalDouble Z;

        /// <summary>Sets all three axes.</summary>
        public void Set(double x, double y, double z)
        {
            // Stored here rather than through OptionalDouble.Set: on the device each call costs more than its two stores.
            X.Value = x;
            X.HasValue = true;
            Y.Value = y;
            Y.HasValue = true;
            Z.Value = z;
            Z.HasValue = true;
        }

        public bool IsSet
        {
            get { return X.HasValue || Y.HasValue || Z.HasValue; }
        }

        public void Reset()
        {
            X.HasValue = false;
            Y.HasValue = false;
            Z.HasValue = false;
        }
    }
}
