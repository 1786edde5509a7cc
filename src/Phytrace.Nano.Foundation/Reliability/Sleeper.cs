namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// Blocks the calling thread for <paramref name="milliseconds"/>. Thread.Sleep on the device;
    /// tests pass one that advances a manual clock instead of waiting.
    /// </summary>
    public delegate void Sleeper(int milliseconds);
}
