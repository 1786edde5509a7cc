namespace Phytrace.Nano.Configuration
{
    /// <summary>The source_type values UDM v0.0.3 allows (envelope.schema.json, "source_type" enum).</summary>
    public static class SourceTypes
    {
        private static readonly string[] Known = new string[]
        {
            "amr", "agv", "autonomous_forklift", "delivery_robot", "cleaning_robot", "inspection_robot",
            "security_robot", "industrial_arm", "cobot", "mobile_manipulator", "autonomous_vehicle",
            "electric_vehicle", "drone", "humanoid", "quadruped", "human", "custom", "simulation",
        };

        /// <summary>How many values there are.</summary>
        public static int Count
        {
            get { return Known.Length; }
        }

        /// <summary>The value at <paramref name="index"/>.</summary>
        public static string Get(int index)
        {
            return Known[index];
        }

        /// <summary>True if <paramref name="value"/> is one of the UDM source types (case-sensitive).</summary>
        public static bool IsKnown(string? value)
        {
            if (value == null)
            {
                return false;
            }
            for (int i = 0; i < Known.Length; i++)
            {
                if (Known[i] == value)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
