using Phytrace.Nano.Compression;
#if !BASELINE_OLD_API
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Node;
#endif

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>Every workload, in the order the table lists them.</summary>
    public static class WorkloadSet
    {
        /// <summary>A double as sensors report it, and one that needs all 17 digits.</summary>
        public const double SensorDouble = 23.456789;
        public const double LongDouble = 0.30000000000000004;

#if BASELINE_OLD_API
        // A core from before the device defaults (--baseline=REV) runs the same work.
        private const int DeviceLevel = 1;
        private const int DeviceBatchSize = 32;
        private const int DeviceBlockSymbols = 2048;
        private const int DeviceWindowBits = GzipEncoder.DefaultWindowBits;
        private const int DeviceHashBits = GzipEncoder.DefaultHashBits;
#else
        private const int DeviceLevel = BatchSettings.DefaultCompressionLevel;
        private const int DeviceBatchSize = BatchSettings.DefaultMaxBatchSize;
        private const int DeviceBlockSymbols = PhytraceNode.GzipBlockSymbols;
#if BASELINE_NODE_GZIP_DEFAULTS
        // A core whose node compressed with GzipEncoder's default window and hash table.
        private const int DeviceWindowBits = GzipEncoder.DefaultWindowBits;
        private const int DeviceHashBits = GzipEncoder.DefaultHashBits;
#else
        private const int DeviceWindowBits = PhytraceNode.GzipWindowBits;
        private const int DeviceHashBits = PhytraceNode.GzipHashBits;
#endif
#endif

        /// <summary>How many workloads there are.</summary>
        public const int Count = 12;

        /// <summary>gzip of a batch as the node compresses it with the device defaults (BatchSettings, PhytraceNode).</summary>
        public static Workload DeviceGzip()
        {
            return new GzipBatchWorkload("gzip-device-batch", DeviceShape(), DeviceBatchSize);
        }

        /// <summary>The whole pipeline per event with the device defaults.</summary>
        public static Workload DevicePipeline()
        {
            return new PipelineWorkload("pipeline-device", DeviceShape(), DeviceBatchSize);
        }

        /// <summary>The node's encoder (PhytraceNode): the device default level, blocks, window and hash table.</summary>
        private static GzipShape DeviceShape()
        {
            return new GzipShape(DeviceLevel, DeviceBlockSymbols, DeviceWindowBits, DeviceHashBits);
        }

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
                case 6: return new GzipBatchWorkload("gzip6-batch", GzipShape.Defaults(6, GzipEncoder.DefaultBlockSymbols), NodeRig.BatchEvents);
                case 7: return new GzipBatchWorkload("gzip1-batch", GzipShape.Defaults(1, DeviceBlockSymbols), NodeRig.BatchEvents);
                case 8: return DeviceGzip();
                case 9: return new EmitWorkload();
                case 10: return new PipelineWorkload("pipeline-gzip6", GzipShape.Defaults(6, GzipEncoder.DefaultBlockSymbols), NodeRig.BatchEvents);
                case 11: return DevicePipeline();
                default: throw new System.ArgumentOutOfRangeException("index");
            }
        }
    }
}
