namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Ambient readings of the node's environment sensors. UDM v0.0.3 has no domain of its own for
    /// them; they are written where the schema puts surroundings, context.weather
    /// (14-context: "weather" is an open object): temperature_c, humidity_pct (0..100),
    /// pressure_hpa (not negative), illuminance_lux (not negative).
    /// </summary>
    public sealed class EnvironmentReadings
    {
        /// <summary>context.weather.temperature_c.</summary>
        public OptionalDouble TemperatureC;
        /// <summary>context.weather.humidity_pct, 0..100.</summary>
        public OptionalDouble HumidityPct;
        /// <summary>context.weather.pressure_hpa, not negative.</summary>
        public OptionalDouble PressureHpa;
        /// <summary>context.weather.illuminance_lux, not negative.</summary>
        public OptionalDouble IlluminanceLux;

        public bool IsSet
        {
            get { return TemperatureC.HasValue || HumidityPct.HasValue || PressureHpa.HasValue || IlluminanceLux.HasValue; }
        }

        public void Reset()
        {
            TemperatureC.HasValue = false;
            HumidityPct.HasValue = false;
            PressureHpa.HasValue = false;
            IlluminanceLux.HasValue = false;
        }
    }
}
