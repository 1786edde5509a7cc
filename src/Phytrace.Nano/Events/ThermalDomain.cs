using System;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// UDM "thermal" domain (20-thermal): state, ambient temperature, throttling and up to
    /// <see cref="ComponentCapacity"/> per-component temperatures
    /// (thermal.components[] = {"component_id": .., "temperature_c": ..}).
    /// </summary>
    public sealed class ThermalDomain
    {
        /// <summary>Component temperatures one event can carry.</summary>
        public const int ComponentCapacity = 4;

        /// <summary>thermal.thermal_state.</summary>
        public ThermalState ThermalState;
        /// <summary>thermal.ambient_temp_c.</summary>
        public OptionalDouble AmbientTempC;
        /// <summary>thermal.is_throttling.</summary>
        public OptionalBool IsThrottling;

        private readonly string?[] componentIds = new string?[ComponentCapacity];
        private readonly double[] componentTemps = new double[ComponentCapacity];
        // Internal so the validator reads it without a call (ComponentCount is one on the device).
        internal int componentCount;

        public int ComponentCount
        {
            get { return componentCount; }
        }

        /// <summary>Adds a component temperature; throws when <see cref="ComponentCapacity"/> are already set.</summary>
        public void AddComponent(string componentId, double temperatureC)
        {
            if (componentId == null || componentId.Length == 0)
            {
                throw new ArgumentException("thermal.components[].component_id must not be empty", nameof(componentId));
            }
            if (componentCount == ComponentCapacity)
            {
                throw new InvalidOperationException("thermal.components holds at most " + ComponentCapacity.ToString() + " entries");
            }
            componentIds[componentCount] = componentId;
            componentTemps[componentCount] = temperatureC;
            componentCount++;
        }

        public string? ComponentId(int index)
        {
            return componentIds[index];
        }

        public double ComponentTemperatureC(int index)
        {
            return componentTemps[index];
        }

        public bool IsSet
        {
            get { return ThermalState != ThermalState.NotSet || AmbientTempC.HasValue || IsThrottling.HasValue || componentCount > 0; }
        }

        public void Reset()
        {
            ThermalState = ThermalState.NotSet;
            AmbientTempC.HasValue = false;
            IsThrottling.HasValue = false;
            for (int i = 0; i < componentCount; i++)
            {
                componentIds[i] = null;
            }
            componentCount = 0;
        }
    }
}
