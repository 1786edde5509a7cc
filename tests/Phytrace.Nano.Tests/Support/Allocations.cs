namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// Bytes a piece of code allocates on this thread in steady state. The JIT's tiering can allocate
/// a little on the calling thread the first times a hot method is promoted, so the code is warmed
/// up and measured in several rounds, and the smallest round counts: an allocation per call shows
/// up in every round. <c>betweenRounds</c>, when given, runs after each round outside the measured
/// window (to drain what a round filled, say).
/// </summary>
public static class Allocations
{
    public static long SteadyState(Action body, int warmupRounds = 3, int rounds = 3, Action? betweenRounds = null)
    {
        for (int i = 0; i < warmupRounds; i++)
        {
            body();
            betweenRounds?.Invoke();
        }
        long least = long.MaxValue;
        for (int i = 0; i < rounds; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            body();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            betweenRounds?.Invoke();
        }
        return least;
    }
}
