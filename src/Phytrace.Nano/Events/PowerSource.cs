using System;

namespace Phytrace.Nano.Events
{
    /// <summary>power.power_source values. <see cref="NotSet"/> leaves the field out.</summary>
    public enum PowerSource
    {
        NotSet = 0,
        Battery = 1,
        External = 2,
        Solar = 3,
        FuelCell = 4,
        Hybrid = 5,
    }

    /// <summary>UDM strings of <see cref="PowerSource"/> (written out: Enum.ToString prints numbers on the device).</summary>
    public static class PowerSourceNames
    {
        /// <summary>The UDM string for <paramref name="value"/>; throws for NotSet or an undefined value.</summary>
        public static string ToUdm(PowerSource value)
        {
            switch (value)
            {
                case PowerSource.Battery:
                    return "battery";
                case PowerSource.External:
                    return "external";
                case PowerSource.Solar:
                    return "solar";
                case PowerSource.FuelCell:
                    return "fuel_cell";
                case PowerSource.Hybrid:
                    return "hybrid";
                default:
                    throw new ArgumentOutOfRangeException("power.power_source", "power.power_source must be one of the UDM values, got " + ((int)value).ToString());
            }
        }
    }
}
