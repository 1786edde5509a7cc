using System.Diagnostics;

namespace Phytrace.Nano.DeviceBenchmark;

/// <summary>
/// The device benchmark's workloads on .NET (the net10.0 build of the core, its host fast paths
/// included): the best round of several repetitions, after warm-ups with pauses so the JIT has
/// reached tier 1. Used by the device benchmark (the .NET column) and by host-compare (through
/// tools/Phytrace.Nano.HostWorkloads, built against this tree's core and a baseline's).
/// </summary>
public static class HostRun
{
    public static IReadOnlyDictionary<string, (double Us, long Check)> Run(int repetitions)
    {
        var results = new Dictionary<string, (double Us, long Check)>();
        for (int index = 0; index < WorkloadSet.Count; index++)
        {
            double best = double.MaxValue;
            long check = -1;
            string name = string.Empty;
            for (int repetition = 0; repetition < repetitions; repetition++)
            {
                Workload workload = WorkloadSet.Create(index);
                name = workload.Name;
                workload.Setup(workload.Rounds + 1);
                workload.RunRound();
                for (int round = 0; round < workload.Rounds; round++)
                {
                    long start = Stopwatch.GetTimestamp();
                    workload.RunRound();
                    double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / workload.OperationsPerRound;
                    best = Math.Min(best, us);
                }
                check = workload.Check;
                if (repetition < 3)
                {
                    Thread.Sleep(150);  // tiered compilation promotes code only after a quiet spell
                }
            }
            results[name] = (best, check);
        }
        return results;
    }
}
