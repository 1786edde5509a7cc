namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>Every workload, in the order the table lists them.</summary>
    public static class WorkloadSet
    {
        /// <summary>A double as sensors report it, and one that needs all 17 digits.</summary>
        public const double SensorDouble = 23.456789;
        public const double LongDouble = 0.30000000000000004;

        /// <summary>How many workloads there are.</summary>
        public const int Count = 11;

        /// <summary>
        /// Workload number <paramref name="index"/> (0 .. Count-1), made on demand so that only one
        /// holds its buffers at a time (each node rig has a 1 MB RAM medium).
        /// </summary>
        public static Workload Create(int index)
        {
            switch (index)
            {
                case 0: return new EncodeEventWorkload();
                case 1: return new DoubleJsonWorkload("double-sensor", SensorDouble);
                case 2: return new DoubleJsonWorkload("double-17-digits", LongDouble);
                case 3: return new EnqueueWorkload();
                case 4: return new DequeueAckWorkload();
                case 5: return new Crc32Workload();
                case 6: return new GzipBatchWorkload(6);
                case 7: return new GzipBatchWorkload(1);
                case 8: return new EmitWorkload();
                case 9: return new PipelineWorkload(6);
                case 10: return new PipelineWorkload(1);
                default: throw new System.ArgumentOutOfRangeException("index");
            }
        }
    }
}
