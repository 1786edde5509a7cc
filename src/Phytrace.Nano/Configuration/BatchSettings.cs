namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Batching on the node. max_batch_age_ms 1000 and gzip are the seed BatchConfig's defaults;
    /// max_batch_size and compression_level default to what suits an ESP32, measured on the kit's
    /// nanoCLR (tools/Phytrace.Nano.Benchmarks, "device"; docs/performance.md, "Device defaults"):
    /// gzip level 1 (one pass, fixed Huffman codes) keeps about 94 % of zlib level 6's size
    /// reduction on telemetry batches at about a tenth of level 6's CPU, and batches of 32 events
    /// (about 20 KB of typical telemetry) keep one compression short. The seed's 100 and 6 remain
    /// BatchConfig's defaults and can be set here.
    /// </summary>
    public sealed class BatchSettings
    {
        public const string CompressionGzip = "gzip";
        public const string CompressionNone = "none";

        /// <summary>Device default of max_batch_size (the seed's BatchConfig: 100).</summary>
        public const int DefaultMaxBatchSize = 32;

        /// <summary>Device default of compression_level (the seed's BatchConfig: 6).</summary>
        public const int DefaultCompressionLevel = 1;

        public int MaxBatchSize = DefaultMaxBatchSize;
        public int MaxBatchAgeMs = 1000;
        public string Compression = CompressionGzip;
        public int CompressionLevel = DefaultCompressionLevel;

        internal void Validate(ConfigProblems problems)
        {
            if (MaxBatchSize < 1 || MaxBatchSize > 1000)
            {
                problems.Add(ConfigText.Problem("batch.max_batch_size", MaxBatchSize.ToString(), "1 to 1000 events"));
            }
            if (MaxBatchAgeMs < 0 || MaxBatchAgeMs > 3600000)
            {
                problems.Add(ConfigText.Problem("batch.max_batch_age_ms", MaxBatchAgeMs.ToString(), "0 to 3600000 ms"));
            }
            if (Compression != CompressionGzip && Compression != CompressionNone)
            {
                problems.Add(ConfigText.Problem("batch.compression", ConfigText.Quote(Compression), "\"gzip\" or \"none\""));
            }
            if (CompressionLevel < 0 || CompressionLevel > 9)
            {
                problems.Add(ConfigText.Problem("batch.compression_level", CompressionLevel.ToString(), "0 to 9"));
            }
        }
    }
}
