using System;

namespace Phytrace.Nano.Events
{
    /// <summary>The 18 UDM v0.0.3 event types (envelope <c>event_type</c>).</summary>
    public enum UdmEventType
    {
        TelemetryPeriodic = 0,
        TelemetryOnChange = 1,
        TelemetrySnapshot = 2,
        StateTransition = 3,
        ModeChange = 4,
        TaskStarted = 5,
        TaskCompleted = 6,
        TaskFailed = 7,
        TaskCancelled = 8,
        GoalReached = 9,
        PathBlocked = 10,
        Rerouting = 11,
        SafetyViolation = 12,
        EmergencyStop = 13,
        SystemStartup = 14,
        SystemShutdown = 15,
        Error = 16,
        Custom = 17,
    }

    /// <summary>
    /// UDM strings of <see cref="UdmEventType"/>, indexed by value. Enum.ToString prints the number on
    /// the device, so the mapping is written out and the order must match the enum.
    /// </summary>
    public static class UdmEventTypeNames
    {
        /// <summary>Number of values.</summary>
        public const int Count = 18;

        private static readonly string[] Names = new string[]
        {
            "telemetry_periodic",
            "telemetry_on_change",
            "telemetry_snapshot",
            "state_transition",
            "mode_change",
            "task_started",
            "task_completed",
            "task_failed",
            "task_cancelled",
            "goal_reached",
            "path_blocked",
            "rerouting",
            "safety_violation",
            "emergency_stop",
            "system_startup",
            "system_shutdown",
            "error",
            "custom"
        };

        /// <summary>The UDM string for <paramref name="value"/>.</summary>
        public static string ToUdm(UdmEventType value)
        {
            int i = (int)value;
            if (i < 0 || i >= Count)
            {
                throw new ArgumentOutOfRangeException("event_type", "event_type must be one of the 18 UDM values, got " + i.ToString());
            }
            return Names[i];
        }

        /// <summary>True if <paramref name="value"/> is one of the defined values.</summary>
        public static bool IsDefined(UdmEventType value)
        {
            return (int)value >= 0 && (int)value < Count;
        }
    }
}
