using System;

namespace Phytrace.Nano.Events
{
    /// <summary>motion.motion_state values. <see cref="NotSet"/> leaves the field out.</summary>
    public enum MotionState
    {
        NotSet = 0,
        Stationary = 1,
        Moving = 2,
        Accelerating = 3,
        Decelerating = 4,
        Rotating = 5,
        Reversing = 6,
    }

    /// <summary>UDM strings of <see cref="MotionState"/> (written out: Enum.ToString prints numbers on the device).</summary>
    public static class MotionStateNames
    {
        /// <summary>The UDM string for <paramref name="value"/>; throws for NotSet or an undefined value.</summary>
        public static string ToUdm(MotionState value)
        {
            switch (value)
            {
                case MotionState.Stationary:
                    return "stationary";
                case MotionState.Moving:
                    return "moving";
                case MotionState.Accelerating:
                    return "accelerating";
                case MotionState.Decelerating:
                    return "decelerating";
                case MotionState.Rotating:
                    return "rotating";
                case MotionState.Reversing:
                    return "reversing";
                default:
                    throw new ArgumentOutOfRangeException("motion.motion_state", "motion.motion_state must be one of the UDM values, got " + ((int)value).ToString());
            }
        }
    }
}
