namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// One attempt of work guarded by a <see cref="RetryPolicy"/> or a <see cref="CircuitBreaker"/>.
    /// It reports how it went by its return value: <see cref="ErrorType.None"/> on success, otherwise
    /// the classified failure. Failures are return codes, not exceptions, because exceptions are
    /// slow on the device and a transport already knows what went wrong; an exception thrown by the
    /// operation is treated as a bug, not as a failure to retry (see the callers' documentation).
    /// </summary>
    public delegate ErrorType ReliableOperation();
}
