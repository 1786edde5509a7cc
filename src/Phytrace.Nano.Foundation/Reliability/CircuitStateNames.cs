namespace Phytrace.Nano.Reliability
{
    /// <summary>The seed's names of <see cref="CircuitState"/> ("closed", "open", "half_open"); Enum.ToString prints numbers on the device.</summary>
    public static class CircuitStateNames
    {
        public static string Of(CircuitState state)
        {
            switch (state)
            {
                case CircuitState.Closed: return "closed";
                case CircuitState.Open: return "open";
                case CircuitState.HalfOpen: return "half_open";
                default: return "circuit_state_" + ((int)state).ToString();
            }
        }
    }
}
