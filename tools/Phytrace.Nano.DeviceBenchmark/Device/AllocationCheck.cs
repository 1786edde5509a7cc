using System;
using nanoFramework.Runtime.Native;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// Shows on nanoCLR that a workload allocates no managed memory per operation: after its warm-up,
    /// the heap is filled with held blocks until only a little is free, a weak reference to a
    /// garbage object is taken, and the workload runs for more operations than the free heap could
    /// hold objects of the smallest size. Had any operation allocated, the heap would have run out
    /// and the collector would have cleared the weak reference. Prints
    /// <c>alloc MODE NAME OPERATIONS FREE_BYTES SMALLEST_OBJECT_BYTES COLLECTED(0|1)</c>; the check
    /// proves something only when OPERATIONS x SMALLEST_OBJECT_BYTES exceeds FREE_BYTES.
    /// </summary>
    public static class AllocationCheck
    {
        private const int Rounds = 14;
        private const int TargetFree = 12 * 1024;

        public static void Run(string mode, Workload workload)
        {
            workload.Setup(Rounds + 2);
            workload.RunRound();
            workload.RunRound();
            int smallest = SmallestObjectBytes();
            var held = new object[8192];
            int count = 0;
            uint free = GC.Run(false);
            while (free > TargetFree + 1024 && count < held.Length)
            {
                held[count++] = new byte[free > 64 * 1024 ? 16 * 1024 : 1024];
                free = GC.Run(false);
            }
            var probe = new WeakReference(new object());
            int operations = 0;
            long needed = (free / smallest) + 1;
            int rounds = 0;
            while (operations < needed && rounds < Rounds)
            {
                workload.RunRound();
                operations += workload.OperationsPerRound;
                rounds++;
            }
            bool collected = !probe.IsAlive;
            for (int i = 0; i < count; i++)
            {
                held[i] = null;
            }
            GC.Run(false);
            Console.WriteLine("alloc " + mode + " " + workload.Name + " " + operations.ToString() + " " + free.ToString() + " "
                + smallest.ToString() + " " + (collected ? "1" : "0"));
        }

        // Heap bytes of one empty object on this runtime (the least any allocation takes).
        private static int SmallestObjectBytes()
        {
            var keep = new object[256];
            uint before = GC.Run(false);
            for (int i = 0; i < keep.Length; i++)
            {
                keep[i] = new object();
            }
            uint after = GC.Run(false);
            int each = (int)((before - after) / (uint)keep.Length);
            return each > 0 ? each : 1;
        }
    }
}
