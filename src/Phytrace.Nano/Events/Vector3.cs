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
            X.Set(x);
            Y.Set(y);
            Z.Set(z);
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
