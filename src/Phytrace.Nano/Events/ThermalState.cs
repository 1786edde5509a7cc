using System;

namespace Phytrace.Nano.Events
{
    /// <summary>thermal.thermal_state values. <see cref="NotSet"/> leaves the field out.</summary>
    public enum ThermalState
    {
        NotSet = 0,
        Normal = 1,
        Elevated = 2,
        High = 3,
        Critical = 4,
        Cold = 5,
    }

    /// <summary>UDM strings of <see cref="ThermalState"/> (written out: Enum.ToString prints numbers on the device).</summary>
    public static class ThermalStateNames
    {
        /// <summary>The UDM string for <paramref name="value"/>; throws for NotSet or an undefined value.</summary>
        public static string ToUdm(ThermalState value)
        {
            switch (value)
            {
                case ThermalState.Normal:
                    return "normal";
                case ThermalState.Elevated:
                    return "elevated";
                case ThermalState.High:
                    return "high";
                case ThermalState.Critical:
                    return "critical";
                case ThermalState.Cold:
                    return "cold";
                default:
                    throw new ArgumentOutOfRangeException("thermal.thermal_state", "thermal.thermal_state must be one of the UDM values, got " + ((int)value).ToString());
            }
        }
    }
}
