namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Batching, with the seed BatchConfig's defaults (max_batch_size 100, max_batch_age_ms 1000,
    /// compression gzip, compression_level 6).
    /// </summary>
    public sealed class BatchSettings
    {
        public const string CompressionGzip = "gzip";
        public const string CompressionNone = "none";

        public int MaxBatchSize = 100;
        public int MaxBatchAgeMs = 1000;
        public string Compression = CompressionGzip;
        public int CompressionLevel = 6;

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
