using System;
// nanoFramework.Runtime.Native's GC.Run collects and returns the free heap bytes (System.GC has no such call).
using NativeGC = nanoFramework.Runtime.Native.GC;

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
        // The kit's POSIX nanoCLR crashes (exit 139) when a collection runs with less than about
        // 80 KB free (measured), so the heap is squeezed to 160 KB, in 1 KB blocks below 300 KB.
        // Checked the other way round too: 100,000 `new object()` after the same squeeze clear
        // the probe.
        private const int TargetFree = 160 * 1024;
        private const int FineBelow = 300 * 1024;
        private const int MaxRounds = 2000;

        public static void Run(string mode, Workload workload)
        {
            workload.Setup(2);
            workload.RunRound();
            workload.RunRound();
            int smallest = SmallestObjectBytes();
            var held = new object[8192];
            int count = 0;
            uint free = NativeGC.Run(false);
            while (free > TargetFree + 1024 && count < held.Length)
            {
                held[count++] = new byte[free > FineBelow ? 16 * 1024 : 1024];
                free = NativeGC.Run(false);
            }
            var probe = new WeakReference(new object());
            int operations = 0;
            long needed = (free / smallest) + 1;
            int rounds = 0;
            while (operations < needed && rounds < MaxRounds)
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
            NativeGC.Run(false);
            Console.WriteLine("alloc " + mode + " " + workload.Name + " " + operations.ToString() + " " + free.ToString() + " "
                + smallest.ToString() + " " + (collected ? "1" : "0"));
        }

        // Heap bytes of one empty object on this runtime (the least any allocation takes).
        private static int SmallestObjectBytes()
        {
            var keep = new object[256];
            uint before = NativeGC.Run(false);
            for (int i = 0; i < keep.Length; i++)
            {
                keep[i] = new object();
            }
            uint after = NativeGC.Run(false);
            int each = (int)((before - after) / (uint)keep.Length);
            return each > 0 ? each : 1;
        }
    }
}
