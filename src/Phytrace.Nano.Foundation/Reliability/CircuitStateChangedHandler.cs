namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// Told when a <see cref="CircuitBreaker"/> changes state. Called on the thread whose call caused
    /// the change, after the breaker's lock is released, so the handler may call the breaker.
    /// </summary>
    public delegate void CircuitStateChangedHandler(CircuitState oldState, CircuitState newState);
}
