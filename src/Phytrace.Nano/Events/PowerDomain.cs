namespace Phytrace.Nano.Events
{
    /// <summary>UDM "power" domain (04-power): battery, charging, consumption.</summary>
    public sealed class PowerDomain
    {
        /// <summary>power.battery.soc_pct, state of charge 0..100.</summary>
        public OptionalDouble BatterySocPct;
        /// <summary>power.battery.voltage_v.</summary>
        public OptionalDouble BatteryVoltageV;
        /// <summary>power.battery.current_a (negative while discharging, by convention of the node).</summary>
        public OptionalDouble BatteryCurrentA;
        /// <summary>power.battery.temperature_c.</summary>
        public OptionalDouble BatteryTemperatureC;
        /// <summary>power.battery.health_pct, 0..100.</summary>
        public OptionalDouble BatteryHealthPct;
        /// <summary>power.charging.is_charging.</summary>
        public OptionalBool IsCharging;
        /// <summary>power.power_consumption_w, not negative.</summary>
        public OptionalDouble PowerConsumptionW;
        /// <summary>power.power_source.</summary>
        public PowerSource PowerSource;
        /// <summary>power.voltage_v (supply rail).</summary>
        public OptionalDouble VoltageV;
        /// <summary>power.current_a.</summary>
        public OptionalDouble CurrentA;
        /// <summary>power.estimated_runtime_min, not negative.</summary>
        public OptionalDouble EstimatedRuntimeMin;

        public bool HasBattery
        {
            get { return BatterySocPct.HasValue || BatteryVoltageV.HasValue || BatteryCurrentA.HasValue || BatteryTemperatureC.HasValue || BatteryHealthPct.HasValue; }
        }

        public bool IsSet
        {
            get { return HasBattery || IsCharging.HasValue || PowerConsumptionW.HasValue || PowerSource != PowerSource.NotSet || VoltageV.HasValue || CurrentA.HasValue || EstimatedRuntimeMin.HasValue; }
        }

        public void Reset()
        {
            BatterySocPct.HasValue = false;
            BatteryVoltageV.HasValue = false;
            BatteryCurrentA.HasValue = false;
            BatteryTemperatureC.HasValue = false;
            BatteryHealthPct.HasValue = false;
            IsCharging.HasValue = false;
            PowerConsumptionW.HasValue = false;
            PowerSource = PowerSource.NotSet;
            VoltageV.HasValue = false;
            CurrentA.HasValue = false;
            EstimatedRuntimeMin.HasValue = false;
        }
    }
}
