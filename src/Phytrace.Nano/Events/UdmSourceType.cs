using System;

namespace Phytrace.Nano.Events
{
    /// <summary>The 18 UDM v0.0.3 source types (envelope <c>source_type</c>).</summary>
    public enum UdmSourceType
    {
        Amr = 0,
        Agv = 1,
        AutonomousForklift = 2,
        DeliveryRobot = 3,
        CleaningRobot = 4,
        InspectionRobot = 5,
        SecurityRobot = 6,
        IndustrialArm = 7,
        Cobot = 8,
        MobileManipulator = 9,
        AutonomousVehicle = 10,
        ElectricVehicle = 11,
        Drone = 12,
        Humanoid = 13,
        Quadruped = 14,
        Human = 15,
        Custom = 16,
        Simulation = 17,
    }

    /// <summary>
    /// UDM strings of <see cref="UdmSourceType"/>, indexed by value. Enum.ToString prints the number on
    /// the device, so the mapping is written out and the order must match the enum.
    /// </summary>
    public static class UdmSourceTypeNames
    {
        /// <summary>Number of values.</summary>
        public const int Count = 18;

        private static readonly string[] Names = new string[]
        {
            "amr",
            "agv",
            "autonomous_forklift",
            "delivery_robot",
            "cleaning_robot",
            "inspection_robot",
            "security_robot",
            "industrial_arm",
            "cobot",
            "mobile_manipulator",
            "autonomous_vehicle",
            "electric_vehicle",
            "drone",
            "humanoid",
            "quadruped",
            "human",
            "custom",
            "simulation"
        };

        /// <summary>The UDM string for <paramref name="value"/>.</summary>
        public static string ToUdm(UdmSourceType value)
        {
            int i = (int)value;
            if (i < 0 || i >= Count)
            {
                throw new ArgumentOutOfRangeException("source_type", "source_type must be one of the 18 UDM values, got " + i.ToString());
            }
            return Names[i];
        }

        /// <summary>True if <paramref name="value"/> is one of the defined values.</summary>
        public static bool IsDefined(UdmSourceType value)
        {
            return (int)value >= 0 && (int)value < Count;
        }
    }
}
