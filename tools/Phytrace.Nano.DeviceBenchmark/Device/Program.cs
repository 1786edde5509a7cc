using System;
using System.Threading;
#if !BASELINE || BASELINE_NATIVES
using Phytrace.Nano.Natives;
#endif
#if !BASELINE
using Phytrace.Nano.Platform;
#endif

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The device side of the benchmark: runs every workload on nanoCLR (or a board) and prints one
    /// line per workload:
    /// <c>row MODE NAME OPS ROUNDS MEDIAN_NS BEST_NS CHECK BEGIN_TICKS END_TICKS</c>, the median and
    /// best wall-clock nanoseconds per operation over the rounds, and the UTC ticks at which the
    /// measured rounds began and ended. Around both instants the program sleeps, so the host tool
    /// (tools/Phytrace.Nano.Benchmarks, "device"), which samples the nanoCLR process's CPU time, can
    /// also report CPU time per operation, which other load on the machine does not inflate.
    /// MODE "portable" runs the core's portable forms, "natives" the device path with the firmware
    /// natives installed (Phytrace.Nano.Natives); compiled with BASELINE (an older core, --baseline=REV)
    /// only "baseline" runs, with that revision's natives installed where it has them
    /// (BASELINE_NATIVES). The allocation check runs the device-default pipeline in every mode: the
    /// same work, and a batch size whose events fit max_batch_bytes however long the run (the
    /// typical event grows a little as its position readings gain digits, so 53 of them stop
    /// fitting 32 KB after some thousands of events).
    /// </summary>
    public static class Program
    {
#if INSTRUCTION_COUNT
        // Under callgrind (the host's "device-instructions"): each Thread.Sleep is a marker where the
        // counters are dumped, so the pauses need no length, and one measured round is exact.
        private const int PauseMs = 1;
        private const int MaxRounds = 1;
#else
        private const int PauseMs = 250;
        private const int MaxRounds = int.MaxValue;
#endif

        public static void Main()
        {
            try
            {
#if BASELINE
#if BASELINE_NATIVES
                DeviceNatives.Install();
#endif
                RunAll("baseline");
#if !INSTRUCTION_COUNT
                AllocationCheck.Run("baseline", new AllocatingControl());
                AllocationCheck.Run("baseline", WorkloadSet.DevicePipeline());
#endif
#else
                PlatformNatives.UsePortable();
                RunAll("portable");
#if !INSTRUCTION_COUNT
                // The control first: it must be caught, or no other check proves anything.
                AllocationCheck.Run("natives", new AllocatingControl());
                // The pipeline with the portable forms, then with the natives, and the firmware
                // CRC-32 alone (its Span argument is a heap object on nanoCLR at every call).
                AllocationCheck.Run("portable", WorkloadSet.DevicePipeline());
#endif
                DeviceNatives.Install();
                RunAll("natives");
#if !INSTRUCTION_COUNT
                // Emit is part of the pipeline (a ring of events per check would not fit in the heap).
                AllocationCheck.Run("natives", new EncodeEventWorkload());
                AllocationCheck.Run("natives", new Crc32Workload());
                AllocationCheck.Run("natives", WorkloadSet.DevicePipeline());
#endif
#endif
                Console.WriteLine("device benchmark done");
            }
            catch (Exception e)
            {
                Console.WriteLine("device benchmark failed: " + e.GetType().FullName + ": " + e.Message);
            }
        }

        private static void RunAll(string mode)
        {
            for (int w = 0; w < WorkloadSet.Count; w++)
            {
                Measure(mode, WorkloadSet.Create(w));
            }
        }

        private static void Measure(string mode, Workload workload)
        {
            int rounds = workload.Rounds < MaxRounds ? workload.Rounds : MaxRounds;
            workload.Setup(rounds + 1);
            // One round first: class initialisation and first calls are not what a node pays per event.
            workload.RunRound();
            long[] perOperation = new long[rounds];
            long begin = DateTime.UtcNow.Ticks;
            Thread.Sleep(PauseMs);
            for (int r = 0; r < rounds; r++)
            {
                long start = DateTime.UtcNow.Ticks;
                workload.RunRound();
                perOperation[r] = (DateTime.UtcNow.Ticks - start) * 100 / workload.OperationsPerRound;
            }
            long end = DateTime.UtcNow.Ticks;
            // The pause comes before the row is made and printed, so neither is counted as the workload's.
            Thread.Sleep(PauseMs);
            Sort(perOperation);
            Console.WriteLine("row " + mode + " " + workload.Name + " " + workload.OperationsPerRound.ToString() + " " + rounds.ToString() + " "
                + perOperation[rounds / 2].ToString() + " " + perOperation[0].ToString() + " " + workload.Check.ToString() + " "
                + begin.ToString() + " " + end.ToString());
        }

        private static void Sort(long[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                long v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = v;
            }
        }
    }
}
