namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// Told before each retry of <see cref="RetryPolicy.ExecuteWithRetry(ReliableOperation, RetryCallback)"/>:
    /// <paramref name="attempt"/> is the 0-based number of the attempt that just failed with
    /// <paramref name="error"/>, and the next attempt starts after <paramref name="delayMs"/>.
    /// </summary>
    public delegate void RetryCallback(int attempt, ErrorType error, int delayMs);
}
