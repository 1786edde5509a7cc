namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// The device program's allocation check of one workload (see AllocationCheck in
/// tools/Phytrace.Nano.DeviceBenchmark): after squeezing the heap to <see cref="FreeBytes"/>, the
/// workload ran <see cref="Operations"/> times; had any of them allocated an object of at least
/// <see cref="SmallestObjectBytes"/>, the heap would have run out and a collection would have
/// cleared the probe (<see cref="Collected"/>).
/// </summary>
public sealed record AllocationRow(string Mode, string Name, int Operations, long FreeBytes, int SmallestObjectBytes, bool Collected)
{
    /// <summary>True when the run was long enough to prove something.</summary>
    public bool Conclusive => (long)Operations * SmallestObjectBytes > FreeBytes;
}
