using System;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// UDM "safety" domain (08-safety): safety state, e-stop, protective stop, speed limit and up
    /// to <see cref="ViolationCapacity"/> violations (safety.violations[] = {"type", "severity", "zone_id"}).
    /// </summary>
    public sealed class SafetyDomain
    {
        /// <summary>Violations one event can carry.</summary>
        public const int ViolationCapacity = 4;

        /// <summary>safety.safety_state.</summary>
        public SafetyState SafetyState;
        /// <summary>safety.is_safe.</summary>
        public OptionalBool IsSafe;
        /// <summary>safety.e_stop.is_active.</summary>
        public OptionalBool EStopActive;
        /// <summary>safety.e_stop.type (e.g. "hardware", "software"); null leaves it out.</summary>
        public string? EStopType;
        /// <summary>safety.e_stop.triggered_at, microseconds since the Unix epoch.</summary>
        public OptionalLong EStopTriggeredAtMicros;
        /// <summary>safety.protective_stop_active.</summary>
        public OptionalBool ProtectiveStopActive;
        /// <summary>safety.protective_stop_reason; null leaves it out.</summary>
        public string? ProtectiveStopReason;
        /// <summary>safety.violation_count, not negative. Left unset, it is written as the number of added violations when there are any.</summary>
        public OptionalLong ViolationCount;
        /// <summary>safety.speed_limit_mps, not negative.</summary>
        public OptionalDouble SpeedLimitMps;
        /// <summary>safety.safety_system_ok.</summary>
        public OptionalBool SafetySystemOk;

        private readonly string?[] violationTypes = new string?[ViolationCapacity];
        private readonly string?[] violationSeverities = new string?[ViolationCapacity];
        private readonly string?[] violationZones = new string?[ViolationCapacity];
        // Internal so the validator reads it without a call (ViolationEntries is one on the device).
        internal int violationCount;

        /// <summary>Violations added.</summary>
        public int ViolationEntries
        {
            get { return violationCount; }
        }

        /// <summary>Adds a violation; severity and zoneId may be null. Throws when full.</summary>
        public void AddViolation(string type, string? severity, string? zoneId)
        {
            if (type == null || type.Length == 0)
            {
                throw new ArgumentException("safety.violations[].type must not be empty", nameof(type));
            }
            if (violationCount == ViolationCapacity)
            {
                throw new InvalidOperationException("safety.violations holds at most " + ViolationCapacity.ToString() + " entries");
            }
            violationTypes[violationCount] = type;
            violationSeverities[violationCount] = severity;
            violationZones[violationCount] = zoneId;
            violationCount++;
        }

        public string ViolationType(int index)
        {
            return violationTypes[index]!;
        }

        public string? ViolationSeverity(int index)
        {
            return violationSeverities[index];
        }

        public string? ViolationZoneId(int index)
        {
            return violationZones[index];
        }

        public bool HasEStop
        {
            get { return EStopActive.HasValue || EStopType != null || EStopTriggeredAtMicros.HasValue; }
        }

        public bool IsSet
        {
            get { return SafetyState != SafetyState.NotSet || IsSafe.HasValue || HasEStop || ProtectiveStopActive.HasValue || ProtectiveStopReason != null || ViolationCount.HasValue || SpeedLimitMps.HasValue || SafetySystemOk.HasValue || violationCount > 0; }
        }

        public void Reset()
        {
            SafetyState = SafetyState.NotSet;
            IsSafe.HasValue = false;
            EStopActive.HasValue = false;
            EStopType = null;
            EStopTriggeredAtMicros.HasValue = false;
            ProtectiveStopActive.HasValue = false;
            ProtectiveStopReason = null;
            ViolationCount.HasValue = false;
            SpeedLimitMps.HasValue = false;
            SafetySystemOk.HasValue = false;
            for (int i = 0; i < violationCount; i++)
            {
                violationTypes[i] = null;
                violationSeverities[i] = null;
                violationZones[i] = null;
            }
            violationCount = 0;
        }
    }
}
