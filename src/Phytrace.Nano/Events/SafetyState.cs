using System;

namespace Phytrace.Nano.Events
{
    /// <summary>safety.safety_state values. <see cref="NotSet"/> leaves the field out.</summary>
    public enum SafetyState
    {
        NotSet = 0,
        Normal = 1,
        Warning = 2,
        ProtectiveStop = 3,
        EmergencyStop = 4,
        SafetyInterlock = 5,
        ReducedSpeed = 6,
    }

    /// <summary>UDM strings of <see cref="SafetyState"/> (written out: Enum.ToString prints numbers on the device).</summary>
    public static class SafetyStateNames
    {
        /// <summary>The UDM string for <paramref name="value"/>; throws for NotSet or an undefined value.</summary>
        public static string ToUdm(SafetyState value)
        {
            switch (value)
            {
                case SafetyState.Normal:
                    return "normal";
                case SafetyState.Warning:
                    return "warning";
                case SafetyState.ProtectiveStop:
                    return "protective_stop";
                case SafetyState.EmergencyStop:
                    return "emergency_stop";
                case SafetyState.SafetyInterlock:
                    return "safety_interlock";
                case SafetyState.ReducedSpeed:
                    return "reduced_speed";
                default:
                    throw new ArgumentOutOfRangeException("safety.safety_state", "safety.safety_state must be one of the UDM values, got " + ((int)value).ToString());
            }
        }
    }
}
